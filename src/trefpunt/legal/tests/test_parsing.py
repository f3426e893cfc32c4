# ruff: noqa: E501, W291 - snippets keep the real texts' long lines and trailing spaces
from datetime import date

from trefpunt.legal import parsing
from trefpunt.legal.parsing import kind_of, parties_of, signed_on, split_articles

DUTCH = """##Memorandum van overeenstemming

####Memorandum van overeenstemming inzake crisisbeheersing

Het Koninkrijk België, het Koninkrijk der Nederlanden en het Groothertogdom Luxemburg,
Zijn als volgt overeengekomen:

### Artikel  1  

####Doel van de samenwerking

Deze overeenkomst heeft als doel de samenwerking te intensiveren tussen de Partijen op het terrein van de beheersing van crisissen.

### Artikel  2 bis 

De samenwerking wordt door de bevoegde autoriteiten van de Partijen uitgevoerd.

GEDAAN te Luxemburg, op 1 juni 2006, in drie originele exemplaren.
"""

BILINGUAL = """####Accord entre le gouvernement du Royaume des Pays-Bas et le gouvernement de la République française

### Article  1  

Le présent accord fixe les conditions de séjour dans les camps français des unités qui sont prévues par les Parties.

###Art. 2 

Les arrangements administratifs sont conclus par les autorités compétentes des deux Parties.

####Overeenkomst tussen de Regering van het Koninkrijk der Nederlanden en de Regering van de Franse Republiek

### Artikel  1  

In deze Overeenkomst worden de voorwaarden vastgesteld voor het verblijf van de eenheden in de legerplaatsen.
"""


def test_dutch_articles_get_numbers_headings_and_anchors():
    articles = split_articles(DUTCH)
    assert [(a.number, a.anchor, a.heading) for a in articles] == [
        ("1", "art-1", "Doel van de samenwerking"),
        ("2bis", "art-2bis", ""),
    ]
    assert articles[0].text.startswith("Deze overeenkomst heeft als doel")
    assert articles[1].text.endswith("in drie originele exemplaren.")


def test_second_authentic_language_keeps_its_own_articles():
    articles = split_articles(BILINGUAL)
    assert [(a.number, a.language, a.anchor) for a in articles] == [
        ("1", "fr", "art-1-fr"),
        ("2", "fr", "art-2-fr"),
        ("1", "nl", "art-1"),
    ]
    assert parsing.languages_present(BILINGUAL, articles) == ["nl", "fr"]
    assert parsing.section_titles(BILINGUAL, articles)["fr"].startswith("Accord entre")


def test_number_forms_are_normalised():
    assert parsing.normalise_number("1er") == "1"
    assert parsing.normalise_number("3 bis") == "3bis"
    assert parsing.normalise_number("12a") == "12a"
    assert parsing.normalise_number("iv") == "IV"
    text = "**Artikel IV**\n\nDe Partijen zijn het eens over het verdrag en de bepalingen van het protocol.\n"
    assert [a.anchor for a in split_articles(text)] == ["art-iv"]


def test_a_restarting_final_protocol_gets_distinct_anchors():
    text = (
        DUTCH
        + "\n### Slotprotocol\n\n### Artikel  1  \n\nBij de toepassing van deze overeenkomst is het volgende van kracht.\n"
    )
    assert [a.anchor for a in split_articles(text)] == ["art-1", "art-2bis", "art-1-2"]


def test_parties_rule_reads_title_and_preamble():
    assert parties_of("Memorandum", DUTCH) == ["BE", "NL", "LU"]
    assert parties_of("Benelux-Overeenkomst inzake motorrijtuigen", "") == [
        "BENELUX", "BE", "NL", "LU"
    ]  # fmt: skip
    assert parties_of(
        "Overeenkomst tussen het Koninkrijk der Nederlanden, de Bondsrepubliek Duitsland, "
        "het Land Nedersaksen en het Land Noordrijn-Westfalen",
        "",
    ) == ["NL", "DE", "DE-NW", "DE-NI"]
    # a city named Luxemburg is not the Grand Duchy
    assert parties_of("Verdrag met Frankrijk", "ondertekend te Luxemburg op 1 mei 1960") == ["FR"]


def test_signed_date_only_when_the_text_states_it():
    assert signed_on(DUTCH) == date(2006, 6, 1)
    assert signed_on("Brussel, 1 juni 2006\n\nExcellentie,") == date(2006, 6, 1)
    assert signed_on("Fait à Paris, le 16 septembre 1988, en deux exemplaires") == date(1988, 9, 16)
    assert signed_on("Geen datum in deze tekst.") is None
    assert parsing.in_force_on(DUTCH) is None
    assert parsing.in_force_on("Deze Overeenkomst treedt in werking op 1 januari 1990.") == date(
        1990, 1, 1
    )


def test_kind_follows_the_title():
    assert kind_of("Aanvullend Protocol bij de Benelux-Overeenkomst") == "protocol"
    assert kind_of("Memorandum van overeenstemming inzake crisisbeheersing") == "memorandum"
    assert kind_of("Verdrag tussen het Koninkrijk der Nederlanden en België") == "treaty"
    assert kind_of("Notawisseling houdende een overeenkomst") == "agreement"
    assert kind_of("Gemeenschappelijke lijst") == "other"


def test_a_supplementing_protocol_links_to_the_act_its_title_names():
    titles = {
        "BWBV0004166": "Benelux-Overeenkomst betreffende de verplichte "
        "aansprakelijkheidsverzekering inzake motorrijtuigen",
        "BWBV0004117": "Verdrag betreffende de instelling en het statuut van een "
        "Benelux-Gerechtshof",
    }
    text = "Gelet op het [Verdrag](../BWBV0004117/README.md) en de [Overeenkomst](../BWBV0004166/README.md)"
    plans = parsing.plan_links(
        "Aanvullend Protocol bij de Benelux-Overeenkomst betreffende de verplichte "
        "aansprakelijkheidsverzekering inzake motorrijtuigen",
        "BWBV0004497",
        text,
        titles,
    )
    assert [(p.to_id, p.kind) for p in plans] == [
        ("BWBV0004117", "cites"),
        ("BWBV0004166", "supplements"),
    ]


def test_real_texts_split_into_articles(real_lines):
    import json

    memorandum = json.loads(real_lines["BWBV0003156"])
    facts = parsing.read_facts(memorandum["title"], memorandum["text"])
    assert [a.anchor for a in facts.articles] == [f"art-{n}" for n in range(1, 12)]
    assert facts.articles[0].heading == "Doel van de samenwerking"
    assert {"BE", "LU", "NL"} <= set(facts.parties)
    assert facts.signed_on == date(2006, 6, 1)
    accord = json.loads(real_lines["BWBV0002730"])
    facts = parsing.read_facts(accord["title"], accord["text"])
    assert facts.languages == ["nl", "fr"]
    assert facts.articles[0].anchor == "art-1-fr"
    assert "art-1" in {a.anchor for a in facts.articles}
