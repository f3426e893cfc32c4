import pytest

from trefpunt.organisations.models import ContactVisibility, Organisation, Person, Post


@pytest.fixture
def menen_mayor(demo_directory):
    post = Post.objects.filter(organisation__slug="menen").select_related("person").first()
    Person.objects.filter(pk=post.person_id).update(
        email="private.person@example.org", phone="+32 56 00 00 01"
    )
    return post


def _export(client) -> dict:
    response = client.get("/open-data/popolo.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_export_has_the_four_popolo_lists(demo_directory, client):
    data = _export(client)
    assert sorted(data) == ["memberships", "organizations", "persons", "posts"]
    assert len(data["persons"]) == Person.objects.filter(archived_at__isnull=True).count()
    assert len(data["organizations"]) == Organisation.objects.active().count()
    assert len(data["posts"]) == len(data["memberships"]) == Post.objects.listed().count()
    persons = {p["id"] for p in data["persons"]}
    organisations = {o["id"] for o in data["organizations"]}
    posts = {p["id"] for p in data["posts"]}
    for membership in data["memberships"]:
        assert membership["person_id"] in persons
        assert membership["organization_id"] in organisations
        assert membership["post_id"] in posts
    for organisation in data["organizations"]:
        assert organisation.get("parent_id") in organisations | {None}


def test_an_organisation_with_its_names_parent_and_dates(demo_directory, client, sub_units):
    data = _export(client)
    organisations = {o["id"]: o for o in data["organizations"]}
    menen = Organisation.objects.get(slug="menen")
    record = organisations["menen"]
    assert record["name"] == menen.name
    assert record["classification"] == "municipality"
    assert record["links"] == [
        {"url": "http://testserver/en/organisations/menen/", "note": "Trefpunt"}
    ]
    other = {n["lang"]: n["name"] for n in record.get("other_names", []) if "lang" in n}
    expected = {k: v for k, v in menen.names_by_language().items() if k != menen.language}
    assert other == expected
    unit = sub_units[1]
    assert organisations[unit.slug]["parent_id"] == "menen"


def test_posts_carry_role_labels_in_four_languages(demo_directory, client, menen_mayor):
    data = _export(client)
    post = next(p for p in data["posts"] if p["id"] == f"post-{menen_mayor.pk}")
    labels = post["role_labels"]
    assert sorted(labels) == ["de", "en", "fr", "nl"]
    assert post["role"] == labels["en"] == menen_mayor.get_role_display()
    assert post["organization_id"] == "menen"
    membership = next(m for m in data["memberships"] if m["post_id"] == post["id"])
    assert membership["person_id"] == menen_mayor.person.slug
    assert membership.get("start_date") == (
        menen_mayor.start.isoformat() if menen_mayor.start else None
    )


def test_only_public_contacts_leave_the_platform(demo_directory, client, menen_mayor):
    Post.objects.filter(pk=menen_mayor.pk).update(
        work_email="mayor@menen.example", contact_visibility=ContactVisibility.MEMBERS
    )
    other = Post.objects.exclude(pk=menen_mayor.pk).first()
    Post.objects.filter(pk=other.pk).update(
        work_email="desk@public.example", work_phone="", contact_visibility=ContactVisibility.PUBLIC
    )
    response = client.get("/open-data/popolo.json")
    text = response.content.decode()
    assert "mayor@menen.example" not in text
    assert "private.person@example.org" not in text
    assert "+32 56 00 00 01" not in text
    memberships = {m["id"]: m for m in response.json()["memberships"]}
    assert memberships[f"membership-{other.pk}"]["contact_details"] == [
        {"type": "email", "value": "desk@public.example"}
    ]
    assert "contact_details" not in memberships[f"membership-{menen_mayor.pk}"]
    person = next(p for p in response.json()["persons"] if p["id"] == menen_mayor.person.slug)
    assert sorted(person) == ["family_name", "given_name", "id", "identifiers", "links", "name"]


def test_archived_people_are_left_out(demo_directory, client, menen_mayor):
    Person.objects.filter(pk=menen_mayor.person_id).update(archived_at="2026-01-01T00:00Z")
    data = _export(client)
    assert menen_mayor.person.slug not in {p["id"] for p in data["persons"]}
    assert f"membership-{menen_mayor.pk}" not in {m["id"] for m in data["memberships"]}


def test_the_export_takes_four_queries(demo_directory, client, django_assert_num_queries):
    with django_assert_num_queries(4):
        client.get("/open-data/popolo.json")
