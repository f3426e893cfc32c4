import csv
import io

from trefpunt.organisations.models import Relation


def test_the_secretariat_general_hosts_the_secretariats_of_penta_and_nsec(client, demo_directory):
    body = client.get("/api/v1/relations?kind=hosts_secretariat").json()

    assert {(r["source"], r["target"]) for r in body["items"]} == {
        ("benelux-secretariat-general", "penta"),
        ("benelux-secretariat-general", "nsec"),
    }


def test_the_council_prepares_and_the_parliament_advises_the_ministers(client, demo_directory):
    body = client.get("/api/v1/relations?organisation=benelux-committee-of-ministers").json()

    kinds = {(r["source"], r["kind"]) for r in body["items"]}
    assert ("benelux-council", "prepares") in kinds
    assert ("benelux-parliament", "advises") in kinds
    assert ("north-rhine-westphalia", "partner_of") in kinds


def test_the_benelux_plus_partners_have_names_in_four_languages(client, demo_directory):
    body = client.get("/api/v1/organisations/grande-region").json()

    assert body["names"] == {
        "nl": "Grote Regio",
        "fr": "Grande Région",
        "de": "Großregion",
        "en": "Greater Region",
    }
    assert body["kind"] == "network"


def test_the_secretariat_page_shows_its_relations_graph(
    client, demo_directory, django_assert_max_num_queries
):
    # Measured: 16 (the page, in pages, also lists meetings, practices, news, competences).
    with django_assert_max_num_queries(16):
        response = client.get("/nl/organisations/benelux-secretariat-general/")

    html = response.content.decode()
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg"')
    graph = html[start : html.index("</svg>", start)]  # the header's icons are SVG too
    assert graph.count("<circle") == 5  # the secretariat, PENTA, NSEC, two commissions
    assert "Generalsekretariat" not in graph
    assert ">PENTA<" not in graph  # short names are written out in full
    assert ">Pentalateraal Energieforum</text>" in graph
    assert "Secretariaat-Generaal van de Benelux Unie — huisvest het secretariaat van — " in graph


def test_the_relations_page_draws_every_relation_and_exports_csv(client, demo_directory):
    page = client.get("/en/relations/?kind=hosts_secretariat")
    export = client.get("/en/relations/export.csv?kind=hosts_secretariat")

    assert page.status_code == 200
    assert page.content.decode().count("marker-end=") == 2
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert sorted(r["target"] for r in rows) == ["nsec", "penta"]
    assert export["Content-Type"] == "text/csv; charset=utf-8"


def test_an_unknown_export_format_is_a_404(client, demo_directory):
    assert client.get("/en/relations/export.xml").status_code == 404


def test_curators_add_and_end_relations_through_the_api(
    api_client_with_token, curator, demo_directory
):
    api = api_client_with_token(curator)

    created = api.post(
        "/api/v1/relations",
        {"kind": "partner_of", "source": "grand-est", "target": "benelux-secretariat-general"},
        content_type="application/json",
    )
    ended = api.patch(
        f"/api/v1/relations/{created.json()['id']}",
        {"until": "2026-12-31"},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert ended.status_code == 200
    assert ended.json()["until"] == "2026-12-31"
    relation = Relation.objects.get(pk=created.json()["id"])
    assert (relation.kind, str(relation.until)) == ("partner_of", "2026-12-31")


def test_editors_cannot_write_relations_through_the_api(api_client_with_token, editor_of_menen):
    before = Relation.objects.count()

    response = api_client_with_token(editor_of_menen).post(
        "/api/v1/relations",
        {"kind": "partner_of", "source": "menen", "target": "kortrijk"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert Relation.objects.count() == before


def test_a_relation_ending_before_it_starts_is_refused(
    api_client_with_token, curator, demo_directory
):
    response = api_client_with_token(curator).post(
        "/api/v1/relations",
        {
            "kind": "partner_of",
            "source": "grand-est",
            "target": "hauts-de-france",
            "since": "2020-01-01",
            "until": "2019-01-01",
        },
        content_type="application/json",
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["until"]


def test_old_kinds_are_renamed_by_the_migration(client, demo_directory):
    assert not Relation.objects.filter(kind__in=["twinning", "partnership"]).exists()
    assert Relation.objects.filter(kind="twinned_with").count() == 3
