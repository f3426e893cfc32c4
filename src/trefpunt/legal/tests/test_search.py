import pytest
from django.core.management import call_command

from trefpunt.legal.models import LegalAct
from trefpunt.legal.search import documents_for, indexable
from trefpunt.search import query
from trefpunt.search.memory import forget

pytestmark = pytest.mark.django_db


def test_a_french_keyword_query_finds_the_dutch_protocol(write_subset, capsys):
    """Real embedder (the project default), 20 real acts: cross-lingual search by type."""
    forget()
    path = write_subset("BWBV0004497", "BWBV0002730", extra=18)
    call_command("import-treaties", str(path), verbosity=0)
    response = query.search(
        "assurance obligatoire responsabilité civile véhicules", types=["treaty"], limit=10
    )
    found = [hit.external_id for hit in response.results]
    assert "BWBV0004497" in found
    hit = response.results[found.index("BWBV0004497")]
    assert hit.type == "treaty"
    assert hit.path.startswith("/legal/BWBV0004497/")
    # The words of an article lead to that article's anchor.
    sentence = (
        "Les forces néerlandaises utilisent éventuellement les installations téléphoniques du "
        "camp dans les mêmes conditions que les troupes françaises."
    )
    top = query.search(sentence, types=["treaty"], limit=1).results[0]
    assert (top.external_id, top.path) == ("BWBV0002730", "/legal/BWBV0002730/#art-10-fr")
    forget()


def test_the_bilingual_act_has_a_document_per_language(write_subset, lexical_only):
    call_command("import-treaties", str(write_subset("BWBV0002730")), verbosity=0)
    documents = documents_for(indexable(LegalAct.objects.all())[0])
    assert [(d.language, d.path) for d in documents] == [
        ("nl", "/legal/BWBV0002730/"),
        ("fr", "/legal/BWBV0002730/#art-1-fr"),
    ]
    assert documents[1].title.startswith("Accord entre le gouvernement du Royaume des Pays-Bas")
    assert {d.external_id for d in documents} == {"BWBV0002730"}
