import pytest
from django.core.exceptions import PermissionDenied

from trefpunt.places import operations
from trefpunt.places.models import Territory


@pytest.fixture
def superuser(make_user):
    user = make_user("root")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def test_a_curators_correction_is_kept_with_who_and_what(demo_directory, superuser, client):
    liege = Territory.objects.get(code="BE-NIS:62063")
    client.force_login(superuser)
    page = client.get(f"/en/admin/places/territory/{liege.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(population=197355, population_year=2024, parent=liege.parent_id)
    data.update({"names-TOTAL_FORMS": 0, "names-INITIAL_FORMS": 0})
    response = client.post(f"/en/admin/places/territory/{liege.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    liege.refresh_from_db()
    assert (liege.population, liege.population_year) == (197355, 2024)
    latest = liege.history.latest()
    assert latest.history_user == superuser
    html = client.get("/en/places/BE-NIS:62063/").content.decode()
    assert "by root" in html
    assert "population, population year" in html


def test_only_curators_correct_the_gazetteer(demo_directory, outsider):

    liege = Territory.objects.get(code="BE-NIS:62063")
    with pytest.raises(PermissionDenied):
        operations.update_territory(liege, user=outsider, population=1)
    liege.refresh_from_db()
    assert liege.population == 197217  # Statbel, 1 January 2020


def test_territories_cannot_be_added_or_deleted_in_the_admin(demo_directory, superuser, client):
    client.force_login(superuser)
    assert client.get("/en/admin/places/territory/add/").status_code == 403
    liege = Territory.objects.get(code="BE-NIS:62063")
    assert client.get(f"/en/admin/places/territory/{liege.pk}/delete/").status_code == 403
