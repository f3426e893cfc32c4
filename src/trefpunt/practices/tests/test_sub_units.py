"""An editor acts for their organisation's sub-units at any depth, for reading as for writing:
a draft they create for a sub-unit is theirs to read and edit, and nobody else's."""

import pytest

from trefpunt.practices import operations
from trefpunt.practices.models import Practice


@pytest.mark.parametrize("depth", [1, 3])
def test_an_editor_of_the_parent_creates_a_draft_for_a_sub_unit_reads_and_edits_it(
    client, editor_of_menen, sub_units, depth
):
    unit = sub_units[depth]
    client.force_login(editor_of_menen)
    form = client.get("/en/practices/new/").context["form"]
    assert {o.slug for o in form.fields["owner"].queryset} == {
        "menen",
        "menen-housing",
        "menen-housing-renovation",
        "menen-coaches",
    }

    created = client.post(
        "/en/practices/new/",
        {"owner": unit.pk, "language": "nl", "title": "Renovatiecoach", "stage": "pilot"}
        | {"status": "draft"},
    )

    practice = Practice.objects.get(title="Renovatiecoach")
    assert (practice.status, practice.owner) == ("draft", unit)
    assert (created.status_code, created["Location"]) == (302, f"/en/practices/{practice.pk}/")
    assert client.get(f"/en/practices/{practice.pk}/").status_code == 200
    assert client.get(f"/en/practices/{practice.pk}/edit/").status_code == 200
    listed = client.get("/en/practices/").context["page"].object_list
    assert practice in listed
    edited = client.post(
        f"/en/practices/{practice.pk}/edit/",
        {
            "version": 1,
            "owner": unit.pk,
            "language": "nl",
            "title": "Renovatiecoach voor de cités",
            "stage": "pilot",
        },
    )
    assert edited.status_code == 302
    assert Practice.objects.get(pk=practice.pk).title == "Renovatiecoach voor de cités"


def test_an_editor_of_an_unrelated_organisation_does_not_find_the_draft(
    client, sub_units, editor_of_kortrijk
):
    draft = operations.create_practice(
        user=None, status="draft", owner=sub_units[1], language="nl", title="Ontwerp", stage="idea"
    )
    client.force_login(editor_of_kortrijk)

    assert client.get(f"/en/practices/{draft.pk}/").status_code == 404
    assert client.get(f"/en/practices/{draft.pk}/edit/").status_code == 404
    assert draft not in client.get("/en/practices/").context["page"].object_list
    assert Practice.objects.get(pk=draft.pk).title == "Ontwerp"
