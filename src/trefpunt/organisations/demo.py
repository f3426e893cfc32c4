"""Demo directory, written by us and marked ``is_demo``.

Institutions, their names and the 1956 twinning of the Benelux capitals are public facts; the
people (mayors and officials) are fictional so that no real person is misrepresented.
"""

from datetime import date

from django.utils.text import slugify

from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory

from . import demo_contacts, demo_institutions, operations
from .demo_accounts import load_accounts
from .models import Organisation

BENELUX = [
    # slug, kind, acronym, names (nl, fr, de, en), parent slug
    (
        "benelux-committee-of-ministers",
        "benelux_institution",
        "",
        (
            "Comité van Ministers",
            "Comité de Ministres",
            "Ministerkomitee",
            "Committee of Ministers",
        ),
        None,
    ),
    (
        "benelux-council",
        "benelux_institution",
        "",
        ("Beneluxraad", "Conseil Benelux", "Benelux-Rat", "Benelux Council"),
        None,
    ),
    (
        "benelux-secretariat-general",
        "benelux_institution",
        "SG",
        (
            "Secretariaat-Generaal van de Benelux Unie",
            "Secrétariat général de l'Union Benelux",
            "Generalsekretariat der Benelux-Union",
            "General Secretariat of the Benelux Union",
        ),
        None,
    ),
    (
        "benelux-parliament",
        "benelux_institution",
        "",
        ("Benelux-Parlement", "Parlement Benelux", "Benelux-Parlament", "Benelux Parliament"),
        None,
    ),
    (
        "benelux-court-of-justice",
        "benelux_institution",
        "",
        (
            "Benelux-Gerechtshof",
            "Cour de Justice Benelux",
            "Benelux-Gerichtshof",
            "Benelux Court of Justice",
        ),
        None,
    ),
    (
        "boip",
        "benelux_institution",
        "BOIP",
        (
            "Benelux-Bureau voor de Intellectuele Eigendom",
            "Office Benelux de la Propriété intellectuelle",
            "Benelux-Amt für geistiges Eigentum",
            "Benelux Office for Intellectual Property",
        ),
        None,
    ),
    (
        "sg-team-economy",
        "team",
        "",
        (
            "Team Economie en Duurzaamheid",
            "Équipe Économie et durabilité",
            "Team Wirtschaft und Nachhaltigkeit",
            "Economy and Sustainability team",
        ),
        "benelux-secretariat-general",
    ),
    (
        "sg-team-security",
        "team",
        "",
        (
            "Team Veiligheid en Crisisbeheersing",
            "Équipe Sécurité et gestion de crise",
            "Team Sicherheit und Krisenmanagement",
            "Security and Crisis Management team",
        ),
        "benelux-secretariat-general",
    ),
    (
        "sg-team-cross-border",
        "team",
        "",
        (
            "Team Grensoverschrijdende Samenwerking",
            "Équipe Coopération transfrontalière",
            "Team Grenzüberschreitende Zusammenarbeit",
            "Cross-border Cooperation team",
        ),
        "benelux-secretariat-general",
    ),
]

CRISIS_CENTRES = [
    (
        "nccn-be",
        "NCCN",
        "BE",
        ("BE-NIS:21004", None, None),
        (
            "Nationaal Crisiscentrum",
            "Centre de Crise National",
            "Nationales Krisenzentrum",
            "National Crisis Centre (Belgium)",
        ),
    ),
    (
        "ncc-nl",
        "NCC",
        "NL",
        (None, "NL", "The Hague"),
        (
            "Nationaal Crisiscentrum",
            "Centre national de crise (Pays-Bas)",
            "Nationales Krisenzentrum (Niederlande)",
            "National Crisis Centre (Netherlands)",
        ),
    ),
    (
        "hcpn-lu",
        "HCPN",
        "LU",
        (None, "LU", "Luxembourg"),
        (
            "Hoog Commissariaat voor de Nationale Bescherming",
            "Haut-Commissariat à la Protection nationale",
            "Hochkommissariat für Nationalen Schutz",
            "High Commission for National Protection",
        ),
    ),
]

# slug, territory (code or country+name), names by language, language of the official name
MUNICIPALITIES = [
    ("menen", ("BE-NIS:34027", None, None), {"nl": "Stad Menen", "fr": "Ville de Menin"}, "nl"),
    ("wervik", ("BE-NIS:33029", None, None), {"nl": "Stad Wervik", "fr": "Ville de Wervik"}, "nl"),
    (
        "kortrijk",
        ("BE-NIS:34022", None, None),
        {"nl": "Stad Kortrijk", "fr": "Ville de Courtrai"},
        "nl",
    ),
    (
        "tournai",
        ("BE-NIS:57081", None, None),
        {"fr": "Ville de Tournai", "nl": "Stad Doornik"},
        "fr",
    ),
    (
        "mouscron",
        (None, "BE", "Mouscron"),
        {"fr": "Ville de Mouscron", "nl": "Stad Moeskroen"},
        "fr",
    ),
    ("halluin", (None, "FR", "Halluin"), {"fr": "Ville d'Halluin", "nl": "Stad Halewijn"}, "fr"),
    ("lille", (None, "FR", "Lille"), {"fr": "Ville de Lille", "nl": "Stad Rijsel"}, "fr"),
    ("baarle-hertog", ("BE-NIS:13002", None, None), {"nl": "Gemeente Baarle-Hertog"}, "nl"),
    (
        "maastricht",
        (None, "NL", "Maastricht"),
        {"nl": "Gemeente Maastricht", "fr": "Ville de Maastricht"},
        "nl",
    ),
    (
        "aachen",
        (None, "DE", "Aachen"),
        {"de": "Stadt Aachen", "nl": "Stad Aken", "fr": "Ville d'Aix-la-Chapelle"},
        "de",
    ),
    (
        "arlon",
        ("BE-NIS:81001", None, None),
        {"fr": "Ville d'Arlon", "nl": "Stad Aarlen", "de": "Stadt Arel"},
        "fr",
    ),
    (
        "brussels",
        ("BE-NIS:21004", None, None),
        {
            "fr": "Ville de Bruxelles",
            "nl": "Stad Brussel",
            "de": "Stadt Brüssel",
            "en": "City of Brussels",
        },
        "fr",
    ),
    (
        "luxembourg-city",
        (None, "LU", "Luxembourg"),
        {
            "fr": "Ville de Luxembourg",
            "lb": "Stad Lëtzebuerg",
            "de": "Stadt Luxemburg",
            "nl": "Stad Luxemburg",
            "en": "City of Luxembourg",
        },
        "fr",
    ),
    (
        "amsterdam",
        (None, "NL", "Amsterdam"),
        {"nl": "Gemeente Amsterdam", "fr": "Ville d'Amsterdam", "en": "City of Amsterdam"},
        "nl",
    ),
]

# Fictional people: given name, family name, languages, organisation slug, role, start year.
PEOPLE = [
    ("Anneleen", "Vercruysse", "nl,fr", "menen", "mayor", 2019),
    ("Pieter", "Declercq", "nl,fr", "menen", "alderman", 2025),
    ("Sofie", "Vandamme", "nl,fr", "wervik", "mayor", 2019),
    ("Hanne", "Demeulenaere", "nl,fr,en", "kortrijk", "mayor", 2025),
    ("Claire", "Delvaux", "fr,nl", "tournai", "mayor", 2019),
    ("Marc", "Duhamel", "fr", "halluin", "mayor", 2020),
    ("Isabelle", "Lemaire", "fr,en", "lille", "mayor", 2025),
    ("Joost", "van Gils", "nl", "baarle-hertog", "mayor", 2013),
    ("Ingrid", "Hermans", "nl,de,fr", "maastricht", "mayor", 2023),
    ("Katharina", "Brandt", "de,nl", "aachen", "mayor", 2020),
    ("Luc", "Thill", "fr,de,lb", "arlon", "mayor", 2018),
    ("Elise", "Martens", "nl,fr,de,en", "benelux-secretariat-general", "secretary_general", 2024),
    ("Tom", "Wouters", "nl,fr,en", "sg-team-cross-border", "head", 2022),
    ("Nadia", "Benali", "fr,nl,en", "sg-team-security", "head", 2021),
    ("Bram", "de Wit", "nl,en", "ncc-nl", "director", 2022),
    ("Véronique", "Lambert", "fr,nl", "nccn-be", "director", 2020),
    ("Paul", "Schmit", "lb,fr,de", "hcpn-lu", "director", 2019),
]
PAST_POSTS = [
    # A predecessor, so "who was mayor before" has an answer.
    ("Geert", "Callewaert", "nl", "menen", "mayor", 2013, 2018),
    ("Hendrik", "Lambrecht", "nl,fr", "kortrijk", "mayor", 2019, 2024),
]

EUROMETROPOLIS_MEMBERS = ["kortrijk", "menen", "wervik", "tournai", "mouscron", "lille", "halluin"]
PRESIDENCIES = [(2021, "BE"), (2024, "BE"), (2025, "LU"), (2026, "NL")]


def _territory(spec) -> Territory | None:
    code, country, name = spec
    if code:
        return Territory.objects.filter(code=code).first()
    for pk in find_territory_ids(name, limit=10):
        territory = Territory.objects.get(pk=pk)
        if territory.country == country:
            return territory
    return None


def _slug(given: str, family: str) -> str:

    return slugify(f"{given} {family}")


def load(stdout=None) -> int:
    upsert = operations.DirectoryUpsert()
    langs = ("nl", "fr", "de", "en")
    brussels = Territory.objects.filter(code="BE-NIS:21004").first()
    for slug, kind, acronym, names, parent in BENELUX:
        by_lang = dict(zip(langs, names, strict=True))
        upsert.organisation(
            slug,
            by_lang,
            kind=kind,
            name=by_lang["nl"],
            language="nl",
            acronym=acronym,
            territory=brussels if kind == "team" or slug == "benelux-secretariat-general" else None,
            parent=Organisation.objects.filter(slug=parent).first() if parent else None,
            is_demo=True,
        )
    for slug, acronym, country, spec, names in CRISIS_CENTRES:
        by_lang = dict(zip(langs, names, strict=True))
        main = {"BE": "nl", "NL": "nl", "LU": "fr"}[country]
        upsert.organisation(
            slug,
            by_lang,
            kind="crisis_centre",
            name=by_lang[main],
            language=main,
            acronym=acronym,
            country=country,
            territory=_territory(spec),
            is_demo=True,
        )
    kortrijk = Territory.objects.filter(code="BE-NIS:34022").first()
    agency_names = {
        "nl": "Agentschap Eurometropool Lille-Kortrijk-Tournai",
        "fr": "Agence de l'Eurométropole Lille-Kortrijk-Tournai",
        "de": "Agentur der Eurometropole Lille-Kortrijk-Tournai",
        "en": "Eurometropolis Lille-Kortrijk-Tournai agency",
    }
    agency = upsert.organisation(
        "eurometropolis",
        agency_names,
        kind="agency",
        name=agency_names["fr"],
        language="fr",
        acronym="EGTC",
        territory=kortrijk,
        is_demo=True,
    )
    for slug, spec, names, language in MUNICIPALITIES:
        territory = _territory(spec)
        upsert.organisation(
            slug,
            names,
            kind="municipality",
            name=names[language],
            language=language,
            country=territory.country if territory else "",
            territory=territory,
            is_demo=True,
        )
    organisations = {o.slug: o for o in Organisation.objects.filter(is_demo=True)}
    for given, family, languages, org, role, start in PEOPLE:
        person = upsert.person(
            _slug(given, family),
            given_name=given,
            family_name=family,
            languages=languages,
            is_demo=True,
        )
        upsert.post(person, organisations[org], role, start=date(start, 1, 1))
    for given, family, languages, org, role, start, end in PAST_POSTS:
        person = upsert.person(
            _slug(given, family),
            given_name=given,
            family_name=family,
            languages=languages,
            is_demo=True,
        )
        upsert.post(
            person, organisations[org], role, start=date(start, 1, 1), end=date(end, 12, 31)
        )
    capitals = [
        organisations["brussels"],
        organisations["luxembourg-city"],
        organisations["amsterdam"],
    ]
    for i, source in enumerate(capitals):
        for target in capitals[i + 1 :]:
            operations.relate(
                user=None,
                kind="twinned_with",
                source=source,
                target=target,
                since=date(1956, 1, 1),
            )
    for slug in EUROMETROPOLIS_MEMBERS:
        operations.relate(user=None, kind="member_of", source=organisations[slug], target=agency)
    operations.relate(
        user=None, kind="supports", source=organisations["sg-team-cross-border"], target=agency
    )
    demo_institutions.load(upsert)
    for year, country in PRESIDENCIES:
        operations.set_presidency(user=None, year=year, country=country)
    contacts = demo_contacts.load(upsert, organisations)
    # Demo accounts act for the organisations above (only while DEBUG is on).
    return upsert.created + contacts + load_accounts()
