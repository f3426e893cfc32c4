import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from trefpunt.legal import citations, operations
from trefpunt.legal.importer import parse_record
from trefpunt.legal.models import LegalAct

pytestmark = pytest.mark.django_db

BILINGUAL_TEXT = (
    "####Accord entre le Royaume des Pays-Bas et la République française\n\n"
    "### Article  1  \n\nLe présent accord fixe les conditions de séjour des unités qui sont "
    "prévues par les Parties dans les camps.\n\n"
    "####Overeenkomst tussen het Koninkrijk der Nederlanden en de Franse Republiek\n\n"
    "### Artikel  1  \n\nIn deze Overeenkomst worden de voorwaarden vastgesteld voor het "
    "verblijf van de eenheden. Gedaan te Parijs, op 16 september 1988.\n"
)


@pytest.fixture
def acts(lexical_only):
    records = [
        {
            "bwb_id": "BWBV0000101",
            "title": "Overeenkomst tussen het Koninkrijk der Nederlanden en de Franse Republiek",
            "text": BILINGUAL_TEXT,
        },
        {
            "bwb_id": "BWBV0000102",
            "title": "Memorandum inzake rampen tussen het Koninkrijk België en Luxemburg",
            "text": "[Overeenkomst](../BWBV0000101/README.md)\n\n### Artikel 1\n\nTekst van "
            "het memorandum over de samenwerking bij rampen.",
            "crisis_related": True,
        },
    ]
    operations.import_acts([parse_record(r, n) for n, r in enumerate(records, start=1)])
    return LegalAct.objects.order_by("bwb_id")


def test_api_lists_acts_with_filters(client, acts):
    data = client.get("/api/v1/legal-acts").json()
    assert data["count"] == 2
    assert [item["bwb_id"] for item in data["items"]] == ["BWBV0000101", "BWBV0000102"]
    assert client.get("/api/v1/legal-acts?party=FR").json()["count"] == 1
    assert client.get("/api/v1/legal-acts?crisis=true").json()["items"][0]["bwb_id"] == (
        "BWBV0000102"
    )
    assert client.get("/api/v1/legal-acts?kind=memorandum").json()["count"] == 1
    assert client.get("/api/v1/legal-acts?q=franse").json()["count"] == 1
    assert client.get("/api/v1/legal-acts?limit=1&offset=1").json()["items"][0]["bwb_id"] == (
        "BWBV0000102"
    )
    assert client.get("/api/v1/legal-acts?theme=crisis-management").json()["count"] == 1
    assert client.get("/api/v1/legal-acts?kind=nonsense").status_code == 422


def test_api_detail_has_articles_links_and_cited_by(client, acts):
    citations.register(
        "test",
        label="Tests",
        records=lambda act: [acts[1]] if act.bwb_id == "BWBV0000101" else [],
    )
    try:
        data = client.get("/api/v1/legal-acts/BWBV0000101?lang=fr").json()
    finally:
        citations.unregister("test")
    assert data["languages"] == ["nl", "fr"]
    assert data["parties"] == ["NL", "FR"]
    assert data["signed_on"] == "1988-09-16"
    assert [(a["anchor"], a["language"]) for a in data["articles"]] == [
        ("art-1-fr", "fr"),
        ("art-1", "nl"),
    ]
    assert data["articles"][1]["url"] == "http://testserver/fr/legal/BWBV0000101/#art-1"
    assert data["links_in"] == [{"kind": "cites", "bwb_id": "BWBV0000102", "title": acts[1].title}]
    assert data["cited_by"][0]["items"][0]["url"] == "http://testserver/en/legal/BWBV0000102/"


def test_api_unknown_act_is_a_json_404(client, acts):
    response = client.get("/api/v1/legal-acts/BWBV9999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "No legal act has the identifier BWBV9999999."}


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_pages_answer_in_every_language_in_few_queries(client, acts, language):
    with CaptureQueriesContext(connection) as queries:
        listing = client.get(f"/{language}/legal/")
    assert listing.status_code == 200
    assert len(queries) <= 4
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/{language}/legal/BWBV0000102/")
    assert page.status_code == 200
    assert len(queries) <= 6
    html = page.content.decode()
    assert 'id="art-1"' in html
    assert 'href="/' + language + '/legal/BWBV0000101/"' in html
    assert ('class="notice"' in html) == (language != "nl")


def test_article_url_carries_its_anchor(acts):
    article = acts[0].articles.get(anchor="art-1")
    assert article.get_absolute_url() == "/en/legal/BWBV0000101/#art-1"


def test_unknown_page_is_404(client, acts):
    assert client.get("/en/legal/BWBV9999999/").status_code == 404


def test_list_page_filters_by_party(client, acts):
    html = client.get("/en/legal/?party=FR").content.decode()
    assert "BWBV0000101" in html
    assert "BWBV0000102" not in html
