"""Who acts for which organisation: one rule, over the whole sub-unit tree."""

import pytest

from trefpunt.accounts.permissions import is_curator
from trefpunt.organisations import operations as organisation_operations
from trefpunt.organisations.access import acts_for, can_act_for, forget
from trefpunt.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_curators_edit_every_organisation(demo_directory, curator):
    assert is_curator(curator)
    assert all(can_act_for(curator, o) for o in Organisation.objects.all())


def test_editors_edit_their_organisation_and_its_sub_units_only(demo_directory, editor_of_menen):
    menen = Organisation.objects.get(slug="menen")
    unit = organisation_operations.create_organisation(
        user=editor_of_menen,
        slug="menen-archive",
        kind="team",
        name="Stadsarchief",
        language="nl",
        parent=menen,
    )

    editable = {o.slug for o in Organisation.objects.all() if can_act_for(editor_of_menen, o)}
    assert editable == {"menen", "menen-archive"}
    assert unit.parent == menen


def test_viewers_and_outsiders_edit_nothing(demo_directory, outsider, make_user):
    viewer = make_user("viewer")
    menen = Organisation.objects.get(slug="menen")
    organisation_operations.add_member(by=None, user=viewer, organisation=menen, role="viewer")

    assert not can_act_for(viewer, menen)
    assert not can_act_for(outsider, menen)
    assert not is_curator(outsider)


def test_acts_for_covers_sub_units_at_any_depth(demo_directory, editor_of_menen):
    menen = Organisation.objects.get(slug="menen")
    unit = organisation_operations.create_organisation(
        user=editor_of_menen, slug="menen-a", kind="team", name="A", language="nl", parent=menen
    )
    deeper = organisation_operations.create_organisation(
        user=editor_of_menen, slug="menen-b", kind="team", name="B", language="nl", parent=unit
    )
    forget(editor_of_menen)  # the tree grew since it was last read

    assert acts_for(editor_of_menen) == {menen.pk, unit.pk, deeper.pk}
    assert can_act_for(editor_of_menen, deeper)
