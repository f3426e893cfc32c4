import pytest

from trefpunt.assistance import operations
from trefpunt.assistance.models import AssistanceRequest, Capability, Offer, RequestEvent

from .conftest import MENEN

pytestmark = pytest.mark.django_db


@pytest.fixture
def need_of_four(kinds):
    return operations.open_request(
        user=None, kind=kinds["ambulance"], quantity=4, latitude=MENEN[0], longitude=MENEN[1]
    )


def _offer(api, request, quantity):
    response = api.post(
        f"/api/v1/assistance/requests/{request.pk}/offers",
        {"quantity": quantity},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    return response.json()["id"]


def _accept(api, offer_id):
    return api.post(
        f"/api/v1/assistance/offers/{offer_id}/status",
        {"status": "accepted"},
        content_type="application/json",
    )


def test_accepting_offers_of_3_and_2_against_4_exceeds_the_need(staff_api, need_of_four):
    three, two = _offer(staff_api, need_of_four, 3), _offer(staff_api, need_of_four, 2)
    assert _accept(staff_api, three).json()["status"] == "partial"
    response = _accept(staff_api, two)
    assert response.status_code == 422
    assert response.json()["errors"]["quantity"] == [
        "Accepting 2 exceeds the need: 1 still needed."
    ]
    assert Offer.objects.get(pk=two).status == "offered"


def test_3_plus_1_covers_the_request_and_every_step_is_logged(staff_api, need_of_four):
    three, one = _offer(staff_api, need_of_four, 3), _offer(staff_api, need_of_four, 1)
    _accept(staff_api, three)
    body = _accept(staff_api, one).json()
    assert (body["status"], body["covered"]) == ("covered", 4)
    assert [e["step"] for e in body["log"]] == [
        "opened",
        "offered",
        "offered",
        "accepted",
        "partial",
        "accepted",
        "covered",
    ]
    mobilised = staff_api.post(
        f"/api/v1/assistance/offers/{three}/status",
        {"status": "mobilised"},
        content_type="application/json",
    )
    assert mobilised.json()["offers"][0]["status"] == "mobilised"
    assert RequestEvent.objects.filter(request=need_of_four).count() == 8


def test_negative_quantities_and_activation_times_are_field_errors(staff_api, kinds):
    payload = {
        "kind": "ambulance",
        "name": "X",
        "owner_type": "municipality",
        "country": "BE",
        "latitude": 50.8,
        "longitude": 3.1,
        "quantity": -1,
        "activation_minutes": -5,
    }
    response = staff_api.post(
        "/api/v1/assistance/capabilities", payload, content_type="application/json"
    )
    assert response.status_code == 422
    assert sorted(response.json()["errors"]) == ["activation_minutes", "quantity"]
    assert Capability.objects.count() == 0


def test_coordinates_outside_the_area_are_422(staff_api, kinds):
    response = staff_api.get("/api/v1/assistance/nearest?lat=40.4&lon=-3.7&kind=ambulance")
    assert response.status_code == 422
    response = staff_api.post(
        "/api/v1/assistance/requests",
        {"kind": "ambulance", "quantity": 2, "latitude": 40.4, "longitude": -3.7},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert AssistanceRequest.objects.count() == 0


def test_menen_finds_emergency_departments_and_french_hospitals(
    shared_data, staff_api, kinds, demo_directory
):
    files = [shared_data / "eurostat-healthcare" / f"healthcare_{cc}.csv" for cc in ("BE", "FR")]
    operations.import_hospitals(files)
    body = staff_api.get(
        "/api/v1/assistance/nearest?lat=50.797&lon=3.122&kind=hospital-emergency&limit=5"
    ).json()
    assert body["point"]["country"] == "BE"
    assert len(body["results"]) == 5
    first = body["results"][0]
    assert first["name"] == "ALGEMEEN ZIEKENHUIS DELTA"
    assert first["arrival_minutes"] == 0.6
    assert first["why"].startswith("0.7 km by road")
    assert all("agreement" in r and "warning" in r for r in body["results"])
    hospitals = staff_api.get(
        "/api/v1/assistance/nearest?lat=50.797&lon=3.122&kind=hospital&limit=5"
    ).json()["results"]
    french = [r for r in hospitals if r["country"] == "FR"]
    assert len(french) == 2
    assert french[0]["warning"].startswith("No assistance agreement between FR and BE")
