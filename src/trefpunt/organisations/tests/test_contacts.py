"""Contact details and competences: who sees a work contact, writes through operations, and
restricted contacts kept out of the public API and exports."""

import pytest
from django.core.exceptions import PermissionDenied

from trefpunt.accounts import operations as accounts
from trefpunt.organisations import operations
from trefpunt.organisations.access import may_see_contact, visible_contact
from trefpunt.organisations.models import Competence, Organisation, Post


@pytest.fixture
def lambert(demo_directory):
    """The director of the Belgian crisis centre: a contact for crisis staff only."""
    return Post.objects.select_related("organisation").get(person__slug="veronique-lambert")


@pytest.fixture
def member_of_wervik(demo_directory, make_user):
    user = make_user("viewer.wervik")
    operations.add_member(
        by=None, user=user, organisation=Organisation.objects.get(slug="wervik"), role="viewer"
    )
    return user


@pytest.fixture
def crisis_staff(make_user):
    user = make_user("crisis")
    accounts.grant_role(by=None, user=user, role="crisis_staff")
    return user


@pytest.mark.parametrize(
    ("visibility", "expected"),
    [
        ("public", {"anonymous": True, "member": True, "crisis": True, "curator": True}),
        ("members", {"anonymous": False, "member": True, "crisis": True, "curator": True}),
        ("crisis_staff", {"anonymous": False, "member": False, "crisis": True, "curator": True}),
    ],
)
def test_a_work_contact_is_shown_by_role(
    visibility, expected, member_of_wervik, crisis_staff, curator
):
    users = {"anonymous": None, "member": member_of_wervik, "crisis": crisis_staff}
    users["curator"] = curator
    menen = Organisation.objects.get(slug="menen").pk
    seen = {name: may_see_contact(user, visibility, menen) for name, user in users.items()}
    assert seen == expected


def test_the_editors_of_the_organisation_see_their_own_restricted_contacts(
    lambert, editor_of_menen, make_user
):
    editor_of_nccn = make_user("editor.nccn")
    operations.add_member(
        by=None, user=editor_of_nccn, organisation=lambert.organisation, role="editor"
    )
    assert visible_contact(editor_of_nccn, lambert) == {
        "email": "v.lambert@nccn.example",
        "phone": "+32 2 000 00 21",
    }
    assert visible_contact(editor_of_menen, lambert) == {}


def test_an_outsider_cannot_change_a_work_contact_and_nothing_changes(lambert, editor_of_menen):
    with pytest.raises(PermissionDenied):
        operations.set_work_contact(
            lambert,
            user=editor_of_menen,
            work_email="x@example.org",
            work_phone="",
            contact_visibility="public",
        )
    lambert.refresh_from_db()
    assert (lambert.work_email, lambert.contact_visibility) == (
        "v.lambert@nccn.example",
        "crisis_staff",
    )


def test_an_editor_adds_a_competence_to_a_post_with_history(editor_of_menen):
    post = Post.objects.get(person__slug="anneleen-vercruysse")
    competence = operations.add_competence(
        user=editor_of_menen,
        post=post,
        theme="spatial-planning",
        language="nl",
        description="Grensoverschrijdende bedrijventerreinen",
    )
    assert (competence.post_id, competence.organisation_id, competence.theme) == (
        post.pk,
        None,
        "spatial-planning",
    )
    assert competence.history.get().history_user == editor_of_menen
    operations.archive_competence(competence, user=editor_of_menen)
    assert not Competence.objects.active().filter(pk=competence.pk).exists()
    assert competence.history.count() == 2


def test_the_public_api_never_shows_restricted_contacts(client, demo_directory):
    body = client.get("/api/v1/people/veronique-lambert").json()
    assert [(p["work_email"], p["work_phone"]) for p in body["posts"]] == [("", "")]
    julie = client.get("/api/v1/people/julie-caron").json()
    assert julie["posts"][0]["work_email"] == "j.caron@halluin.example"
    assert [c["theme"] for c in julie["posts"][0]["competences"]] == ["health"]


def test_the_organisation_api_gives_contact_details_and_the_public_contact_point(
    client, demo_directory
):
    body = client.get("/api/v1/organisations/halluin").json()
    assert (body["phone"], body["email"]) == ("+33 3 00 00 00 00", "mairie@halluin.example")
    assert body["contact_point"] == {
        "person": "julie-caron",
        "person_name": "Julie Caron",
        "role": "officer",
        "work_email": "j.caron@halluin.example",
        "work_phone": "+33 3 00 00 00 01",
    }
    maastricht = client.get("/api/v1/organisations/maastricht").json()
    assert maastricht["contact_point"]["work_email"] == ""  # members only


def test_a_contact_point_of_another_organisation_is_refused(demo_directory, curator):
    halluin = Organisation.objects.get(slug="halluin")
    foreign = Post.objects.get(person__slug="sanne-peeters")
    with pytest.raises(Exception, match="post of this organisation"):
        operations.update_organisation(halluin, user=curator, contact_post=foreign)
    halluin.refresh_from_db()
    assert halluin.contact_post.person.slug == "julie-caron"


def test_the_api_sets_a_work_contact_through_the_operation(
    demo_directory, curator, api_client_with_token
):
    post = Post.objects.get(person__slug="sanne-peeters")
    response = api_client_with_token(curator).put(
        f"/api/v1/posts/{post.pk}/contact",
        {"work_email": "s.peeters@maastricht.example", "contact_visibility": "public"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["work_email"] == "s.peeters@maastricht.example"
    assert post.history.first().history_user == curator


def test_an_unknown_visibility_gets_422_and_nothing_changes(
    demo_directory, curator, api_client_with_token
):
    post = Post.objects.get(person__slug="sanne-peeters")
    response = api_client_with_token(curator).put(
        f"/api/v1/posts/{post.pk}/contact",
        {"work_email": "a@b.example", "contact_visibility": "friends"},
        content_type="application/json",
    )
    assert response.status_code == 422
    post.refresh_from_db()
    assert (post.work_email, post.contact_visibility) == (
        "s.peeters@maastricht.example",
        "members",
    )
