"""Generated from the URL conf: every assistance page and API route answers 404 to anyone but
crisis staff, and each read by crisis staff adds exactly one audit row."""

import re

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from trefpunt.assistance import operations
from trefpunt.assistance.api import router
from trefpunt.assistance.models import AuditEntry, Capability
from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation

from .conftest import MENEN

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(demo_directory, capability, kinds):
    cap = capability()
    request = operations.open_request(
        user=None, kind=kinds["ambulance"], quantity=2, latitude=MENEN[0], longitude=MENEN[1]
    )
    offer = operations.make_offer(request, user=None, quantity=1, capability=cap)
    event, _new = operations.save_event(
        user=None,
        slug="euro-2024",
        name="Euro 2024",
        venue="Düsseldorf",
        country="DE",
        latitude=51.26,
        longitude=6.73,
        starts_on="2024-06-14",
        ends_on="2024-07-14",
    )
    return {
        "pk": cap.pk,
        "capability_id": cap.pk,
        "request_id": request.pk,
        "offer_id": offer.pk,
        "slug": event.slug,
    }


def _web_urls(world) -> list[str]:
    resolver = get_resolver()
    _prefix, ns_resolver = resolver.namespace_dict["assistance"]
    urls = []
    for pattern in ns_resolver.url_patterns:
        names = re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern))
        # "pk" is the primary key of the page's own record (a capability's, a request's).
        own = world.get(f"{pattern.name}_id", world["pk"])
        kwargs = {n: own if n == "pk" else world[n] for n in names}
        urls.append(reverse(f"assistance:{pattern.name}", kwargs=kwargs))
    return urls


def _api_calls(world) -> list[tuple[str, str]]:
    calls = []
    for path, view in router.path_operations.items():
        url = "/api/v1" + re.sub(r"\{(\w+)\}", lambda m: str(world[m.group(1)]), path)
        for operation in view.operations:
            calls.extend((method, url) for method in operation.methods)
    return calls


def test_the_url_conf_has_the_pages_and_routes_this_test_checks(world):
    assert len(_web_urls(world)) == 11
    assert sorted(m for m, _u in _api_calls(world)).count("GET") == 13
    assert sorted(m for m, _u in _api_calls(world)).count("POST") == 4


@pytest.mark.parametrize("who", ["anonymous", "editor", "curator"])
def test_everyone_but_crisis_staff_gets_404_everywhere_and_nothing_changes(
    who, world, editor_of_menen, curator, api_client_with_token
):
    user = {"anonymous": None, "editor": editor_of_menen, "curator": curator}[who]
    client = Client()
    token_client = api_client_with_token(user) if user else Client()
    if user:
        client.force_login(user)
    capabilities, audits = Capability.objects.count(), AuditEntry.objects.count()
    for url in _web_urls(world):
        assert client.get(url).status_code == 404, url
    for method, url in _api_calls(world):
        for c in (client, token_client):
            response = c.generic(method, url, "{}", content_type="application/json")
            assert response.status_code == 404, (method, url)
    assert Capability.objects.count() == capabilities
    assert AuditEntry.objects.count() == audits


def test_each_read_by_crisis_staff_adds_one_audit_row(world, crisis_staff, api_client_with_token):
    nccn = Organisation.objects.get(slug="nccn-be")
    directory.add_member(by=None, user=crisis_staff, organisation=nccn, role="admin")
    client = Client()
    client.force_login(crisis_staff)
    api = api_client_with_token(crisis_staff)
    gets = [("web", u) for u in _web_urls(world)] + [
        ("api", u) for m, u in _api_calls(world) if m == "GET"
    ]
    for where, url in gets:
        if url.endswith("/nearest"):
            url += "?lat=50.797&lon=3.122&kind=ambulance"
        before = AuditEntry.objects.count()
        response = (client if where == "web" else api).get(url)
        assert response.status_code == 200, (url, response.content[:300])
        assert AuditEntry.objects.count() == before + 1, url
        entry = AuditEntry.objects.order_by("-pk").first()
        assert (entry.user, entry.action) == (crisis_staff, "read")


def test_the_audit_is_for_crisis_centre_admins_only(world, crisis_staff):
    client = Client()
    client.force_login(crisis_staff)
    assert client.get(reverse("assistance:audit")).status_code == 404
    assert client.get(reverse("assistance:index")).status_code == 200


def test_search_returns_no_assistance_data_for_anyone(world, crisis_staff, capability, curator):
    capability(name="Ambulance of the assistance map")
    for user in (None, crisis_staff, curator):
        client = Client()
        if user:
            client.force_login(user)
        response = client.get("/api/v1/search?q=ambulance")
        assert response.status_code == 200
        assert "assistance" not in response.content.decode().lower()
