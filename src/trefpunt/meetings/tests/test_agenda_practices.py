"""Practices on a meeting's agenda: an organiser links published practices and their own
drafts, never another organisation's drafts; the public agenda hides linked drafts."""

import re

import pytest

from trefpunt.meetings import operations
from trefpunt.meetings.models import AgendaItem
from trefpunt.organisations.models import Organisation
from trefpunt.practices import operations as practices

pytestmark = pytest.mark.usefixtures("lexical_only")


@pytest.fixture
def practice(demo_directory):
    """``practice(owner_slug, status)``: a practice of that organisation."""

    def make(owner: str, status: str, title: str):
        return practices.create_practice(
            user=None,
            owner=Organisation.objects.get(slug=owner),
            language="nl",
            title=title,
            status=status,
        )

    return make


def test_a_draft_of_another_organisation_is_refused_on_the_agenda(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    draft = practice("kortrijk", "draft", "Ontwerp van Kortrijk")
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/meetings/{meeting.pk}/agenda/", {"title": "Wonen", "practices": str(draft.pk)}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "practices": [f"No practice has the number(s) {draft.pk}."]
    }
    assert 'id="id_practices_error"' in response.content.decode()
    assert AgendaItem.objects.filter(meeting=meeting).count() == 0


def test_published_practices_and_own_drafts_are_accepted(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    published = practice("kortrijk", "published", "Renovatiecoach")
    own_draft = practice("menen", "draft", "Ontwerp van Menen")
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/meetings/{meeting.pk}/agenda/",
        {"title": "Wonen", "practices": f"{published.pk}, {own_draft.pk}"},
    )

    assert response.status_code == 302
    item = AgendaItem.objects.get(meeting=meeting)
    assert set(item.practices.values_list("pk", flat=True)) == {published.pk, own_draft.pk}


def test_an_item_keeps_a_practice_linked_before_even_if_the_editor_cannot_link_it(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    draft = practice("kortrijk", "draft", "Ontwerp van Kortrijk")
    item = operations.add_agenda_item(meeting, user=None, title="Wonen", practices=[draft])
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/meetings/{meeting.pk}/agenda/{item.pk}/",
        {"title": "Wonen en energie", "practices": str(draft.pk)},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Wonen en energie"
    assert list(item.practices.values_list("pk", flat=True)) == [draft.pk]


def test_a_linked_draft_does_not_show_on_the_public_agenda(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    published = practice("kortrijk", "published", "Renovatiecoach")
    draft = practice("menen", "draft", "Ontwerp van Menen")
    operations.add_agenda_item(meeting, user=None, title="Wonen", practices=[published, draft])

    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()

    agenda = re.search(r'<ol class="agenda">.*?</ol>', html, re.S).group(0)
    assert "Renovatiecoach" in agenda
    assert "Ontwerp van Menen" not in html
    assert f"/practices/{draft.pk}/" not in html
    client.force_login(editor_of_menen)
    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    assert re.search(r'>Ontwerp van Menen</a> <span class="badge draft">Draft</span>', html), (
        "the organisation's own editors see their draft, marked"
    )
