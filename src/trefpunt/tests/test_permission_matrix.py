"""The permission matrix: every URL of the site × every role, against an explicit table.

The URLs come from the root URLconf (every pattern of every language, and each operation of the
``/api/v1/`` routers); the expected outcome of each (URL, role) pair is written in
``permission_table.py`` beside this test. A URL without an entry fails the test and names the
entry to add. Pages are read with GET; views that accept only POST and the API's writes are
probed with a harmless request (an empty form or an empty JSON object): where the role has no
right, it must be refused and nothing may change in the database.

Record the observed matrix (to review a new URL's row): ``TREFPUNT_MATRIX_RECORD=/tmp/m.py``.
"""

import os
from pprint import pformat

import pytest
from django.apps import apps
from django.db import transaction
from django.db.models import Max
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from trefpunt.api import api
from trefpunt.assistance.models import (
    AssistanceRequest,
    Capability,
    MajorEvent,
    Offer,
)
from trefpunt.legal.models import LegalAct
from trefpunt.news.models import Article
from trefpunt.obstacles.models import Obstacle
from trefpunt.organisations.models import Competence, Person, Post, Relation
from trefpunt.practices.models import Attachment, Collection, Practice
from trefpunt.programme.models import (
    AnnualPlan,
    Deliverable,
    MultiAnnualPlan,
    PlanVersion,
    Project,
)

from . import world as world_module
from .permission_table import ADMIN, ADMIN_EXCEPTIONS, API, PAGES
from .world import ROLES

pytestmark = pytest.mark.django_db  # the test database is set up only for tests that ask

ARGUMENTS: dict[str, list[str]] = {}  # URL name → names of its arguments
LANGUAGES = ("nl", "fr", "de", "en")
RECORD = os.environ.get("TREFPUNT_MATRIX_RECORD")
_recorded: dict = {}


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            name = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from _walk(pattern.url_patterns, name)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            arguments = (
                getattr(pattern.pattern, "converters", None) or pattern.pattern.regex.groupindex
            )
            ARGUMENTS.setdefault(name, list(arguments))
            yield name


def _api_methods() -> dict[str, str]:
    """URL name → HTTP method of each operation of the ninja routers."""
    methods = {}
    for bound in api._get_bound_routers():
        for path_view in bound.path_operations.values():
            for operation in path_view.operations:
                name = getattr(operation, "url_name", "") or api.get_operation_url_name(
                    operation, router=bound.template
                )
                (method,) = operation.methods
                methods[f"api:{name}"] = method
    return methods


def url_names() -> list[str]:
    names = list(dict.fromkeys(_walk(get_resolver().url_patterns)))
    assert len(names) > 300, names
    return names


NAMES = url_names()
API_METHODS = _api_methods()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = world_module.build()
        yield built
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def clients(world, django_db_blocker):
    """Per role: a page client (session) and an API client (bearer token)."""
    made = {}
    with django_db_blocker.unblock():
        for role in ROLES:
            page, api_client = Client(), Client()
            if world.users[role] is not None:
                page.force_login(world.users[role])
                api_client = Client(headers={"Authorization": f"Bearer {world.tokens[role]}"})
            made[role] = (page, api_client)
    return made


@pytest.fixture(autouse=True)
def _quiet(settings):
    settings.TREFPUNT_COUNT_VIEWS = False
    settings.TREFPUNT_EMBEDDER = "none"


class _Missing:
    """Stands for an object the demo data has none of: its URLs answer 404."""

    pk = practice_id = 999_999
    slug = "none"
    bwb_id = "BWBV0000000"
    year = 1999


def arguments(name: str, world) -> dict:
    """Real values for the URL's arguments: objects of the data set, Menen's where they can be."""
    o = world.objects
    first = lambda model: model.objects.order_by("pk").first() or _Missing()  # noqa: E731
    attachment = first(Attachment)
    by_name = {
        "pk": None,
        "lang": "fr",
        "fmt": "csv",
        "code": "BE34035",
        "bwb_id": (first(LegalAct).bwb_id),
        "year": first(AnnualPlan).year,
        "key": first(MultiAnnualPlan).slug,
        "version_id": first(PlanVersion).pk,
        "capability_id": first(Capability).pk,
        "request_id": first(AssistanceRequest).pk,
        "offer_id": first(Offer).pk,
        "relation_id": first(Relation).pk,
        "attachment_id": attachment.pk if attachment else 1,
        "item_pk": o["agenda_item"].pk,
        "participant_pk": o["participant"].pk,
        "action_pk": o["action"].pk,
        "token": "not-a-real-registration-token",
        "path": "nothing/here.png",
        "object_id": "1",
        "app_label": "auth",
        "content_type_id": "1",
        "url": "nothing",
        "uidb64": "MQ",
        "section": "practices",
        "practice": first(Practice).pk,
        "deliverable_id": first(Deliverable).pk,
    }
    namespace = name.split(":")[0] if ":" in name else ""
    pk_by_namespace = {
        "meetings": o["meeting"].pk,
        "practices": attachment.practice_id if attachment else first(Practice).pk,
        "news": first(Article).pk,
        "obstacles": first(Obstacle).pk,
        "assistance": first(Capability).pk,
        "programme": first(PlanVersion).pk,
        "organisations": first(Post).pk,
        "accounts": o["token"].pk,
    }
    slug_by_namespace = {
        "meetings": (o["series"] or _Missing()).slug,
        "practices": first(Collection).slug,
        "organisations": "menen",
        "assistance": first(MajorEvent).slug,
    }
    special = {
        "api:get_person": {"slug": first(Person).slug},
        "organisations:person": {"slug": first(Person).slug},
        "organisations:competence_archive": {"pk": first(Competence).pk},
        "api:archive_competence": {"pk": first(Competence).pk},
        "assistance:request": {"pk": first(AssistanceRequest).pk},
        "programme:project": {"slug": first(Project).slug},
        "api:get_project": {"slug": first(Project).slug},
        "programme:plan": {"slug": first(MultiAnnualPlan).slug},
        "api:action_update": {"id": o["action"].pk},
        "api:participant_update": {"id": o["participant"].pk},
        "api:get_collection": {"slug": first(Collection).slug},
        "api:series_ics": {"slug": (o["series"] or _Missing()).slug},
        "api:capability": {"capability_id": first(Capability).pk},
        "api:event": {"slug": first(MajorEvent).slug},
        "api:get_practice": {"pk": pk_by_namespace["practices"]},
        "api:get_news_article": {"pk": pk_by_namespace["news"]},
        "api:update_news_article": {"pk": pk_by_namespace["news"]},
        "api:save_news_translation": {"pk": pk_by_namespace["news"]},
        "api:create_post": {"slug": "menen"},
        "api:add_competence": {"slug": "menen"},
        "api:set_work_contact": {"pk": first(Post).pk},
        "api:get_territory": {"code": "BE34035"},
        **{
            f"api:obstacle_{what}": {"id": first(Obstacle).pk}
            for what in ("detail", "update", "events", "escalate", "signal", "provision")
        },
        "api:comparable_territories": {"code": "BE34035"},
    }
    values = {}
    for key in ARGUMENTS[name]:
        if name in special and key in special[name]:
            values[key] = special[name][key]
        elif key == "pk":
            values[key] = pk_by_namespace.get(namespace, o["meeting"].pk)
        elif key == "slug":
            values[key] = slug_by_namespace.get(namespace, "menen")
        elif key == "id":
            values[key] = o["meeting"].pk
        else:
            values[key] = by_name[key]
    return values


def history_arguments(name: str) -> list[str]:
    """The admin's page of one historical record (django-simple-history: positional
    arguments): the first object of the model and its first history entry."""
    app_label, model_name = name.removeprefix("admin:").removesuffix("_simple_history").split("_")
    model = apps.get_model(app_label, model_name)
    record = model.history.order_by("history_id").first()
    if record is None:
        return ["999999", "999999"]
    return [str(getattr(record, model._meta.pk.attname)), str(record.history_id)]


def outcome(response) -> str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if "/admin/login/" in location:
            return "admin-login"
        if "/accounts/login/" in location:
            return "login"
        return "redirect"
    return str(response.status_code)


def fingerprint() -> dict:
    """Rows per table (and the latest change stamp where there is one), without the tables a
    read may write to (sessions, audit of crisis reads, view counters, sign-in attempts)."""
    skipped = {"sessions", "axes", "admin"}
    found = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in skipped or meta.model_name in {"auditentry", "articleview"}:
            continue
        stamps = [f.name for f in meta.fields if f.name in {"version", "updated", "updated_at"}]
        queryset = model.objects.all() if hasattr(model, "objects") else model._base_manager
        row = [queryset.count()]
        if stamps:
            row.append(queryset.aggregate(latest=Max(stamps[0]))["latest"])
        found[meta.label] = row
    return found


def _expected(name: str, method: str) -> tuple[str, ...] | None:
    if name.startswith("admin:"):
        return (ADMIN_EXCEPTIONS.get(name, ADMIN),) * len(ROLES)
    row = (API if name.startswith("api:") else PAGES).get(name)
    if row is None:
        return None
    if isinstance(row, tuple):
        row = row[1]
    codes = tuple(row.split())
    if len(codes) == 1:
        codes *= len(ROLES)
    assert len(codes) == len(ROLES), f"{name}: {len(codes)} outcomes for {len(ROLES)} roles"
    return codes


def _method(name: str) -> str:
    if name in API_METHODS:
        return API_METHODS[name]
    row = PAGES.get(name)
    return row[0] if isinstance(row, tuple) else "GET"


CASES = NAMES


@pytest.mark.parametrize("name", CASES)
def test_every_role_gets_the_expected_outcome(name, world, clients):
    method = _method(name)
    expected = _expected(name, method)
    if expected is None and not RECORD:
        table = "API" if name.startswith("api:") else "PAGES"
        pytest.fail(
            f"The URL {name!r} has no entry in {table} of src/trefpunt/tests/permission_table.py:"
            " add the expected outcome for each role "
            f"({', '.join(ROLES)}); TREFPUNT_MATRIX_RECORD=/tmp/m.py writes what it answers.",
            pytrace=False,
        )
    # Each URL in one of the languages, in turn: every language is exercised.
    language = LANGUAGES[NAMES.index(name) % len(LANGUAGES)]
    with translation.override(language):
        if name.endswith("_simple_history"):
            address = reverse(name, args=history_arguments(name))
        else:
            address = reverse(name, kwargs=arguments(name, world))
    is_api = name.startswith("api:")
    writes = method != "GET"
    before = fingerprint() if writes else None
    observed = []
    for index, role in enumerate(ROLES):
        client = clients[role][1 if is_api else 0]
        refused = expected is not None and expected[index] in {
            "401",
            "403",
            "404",
            "405",
            "login",
            "admin-login",
        }
        with transaction.atomic():
            if not writes:
                response = client.get(address)
            elif is_api:
                response = client.generic(method, address, "{}", content_type="application/json")
            else:
                response = client.post(address, {})
            if writes and not refused:
                transaction.set_rollback(True)  # an allowed write is undone
        observed.append(outcome(response))
    if writes:
        assert fingerprint() == before, f"{method} {address}: a refused request changed data"
    if RECORD:
        _recorded[name] = (method, " ".join(observed))
        return
    mismatches = {
        role: f"expected {want}, got {got}"
        for role, want, got in zip(ROLES, expected, observed, strict=True)
        if want != got
    }
    assert not mismatches, f"{method} {address} ({name}): {mismatches}"


def _language_neutral(name: str) -> bool:
    """Patterns outside ``i18n_patterns`` (feeds for machines: the catalogue, sitemaps, …)."""
    kwargs = {key: _dummy(key) for key in ARGUMENTS[name]}
    addresses = set()
    for language in ("nl", "fr"):
        with translation.override(language):
            addresses.add(reverse(name, kwargs=kwargs))
    return len(addresses) == 1


def test_every_url_is_in_every_language():
    """Each page pattern reverses under every language prefix and resolves back to itself."""
    checked = 0
    for name in NAMES:
        if name.startswith(("api:", "admin:")) or _language_neutral(name):
            continue
        for language in LANGUAGES:
            with translation.override(language):
                kwargs = {key: _dummy(key) for key in ARGUMENTS[name]}
                address = reverse(name, kwargs=kwargs)
                assert address.startswith(f"/{language}/"), address
                assert resolve(address).view_name == name
                checked += 1
    assert checked > 4 * 100


def _dummy(key: str):
    return {"lang": "fr", "fmt": "csv", "year": 2026, "path": "a/b"}.get(key, "1")


def test_the_table_has_no_entry_for_a_url_that_is_gone():
    stale = sorted((set(PAGES) | set(API)) - set(NAMES))
    assert not stale, f"entries for URLs that no longer exist: {stale}"


@pytest.fixture(scope="module", autouse=True)
def _write_record():
    yield
    if RECORD and _recorded:
        with open(RECORD, "w") as handle:
            handle.write(pformat(_recorded, width=100))
