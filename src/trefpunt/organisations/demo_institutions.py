"""The institutional layer of the directory: the Benelux institutions' roles towards each other
and the Benelux+ partners and networks. These are real organisations and public facts (names
in four languages, who prepares, advises or hosts whose secretariat), so they are not marked
``is_demo``; nothing here invents dates or figures."""

from trefpunt.places.models import Territory

from . import operations
from .models import Organisation

LANGS = ("nl", "fr", "de", "en")

# slug, kind, acronym, country, territory code, language of the name, (nl, fr, de, en), parent
ORGANISATIONS = [
    (
        "benelux-college-secretaries-general",
        "benelux_institution",
        "",
        "",
        None,
        "nl",
        (
            "College van secretarissen-generaal",
            "Collège des secrétaires généraux",
            "Kollegium der Generalsekretäre",
            "College of Secretaries-General",
        ),
        "benelux-secretariat-general",
    ),
    (
        "north-rhine-westphalia",
        "region",
        "NRW",
        "DE",
        "ISO:DE-NW",
        "de",
        (
            "Noordrijn-Westfalen",
            "Rhénanie-du-Nord-Westphalie",
            "Nordrhein-Westfalen",
            "North Rhine-Westphalia",
        ),
        None,
    ),
    (
        "grande-region",
        "network",
        "",
        "",
        None,
        "fr",
        ("Grote Regio", "Grande Région", "Großregion", "Greater Region"),
        None,
    ),
    (
        "hauts-de-france",
        "region",
        "",
        "FR",
        "ISO:FR-HDF",
        "fr",
        (
            "Regio Hauts-de-France",
            "Région Hauts-de-France",
            "Region Hauts-de-France",
            "Hauts-de-France Region",
        ),
        None,
    ),
    (
        "grand-est",
        "region",
        "",
        "FR",
        "ISO:FR-GES",
        "fr",
        ("Regio Grand Est", "Région Grand Est", "Region Grand Est", "Grand Est Region"),
        None,
    ),
    (
        "international-meuse-commission",
        "network",
        "IMC",
        "",
        None,
        "fr",
        (
            "Internationale Maascommissie",
            "Commission Internationale de la Meuse",
            "Internationale Maaskommission",
            "International Meuse Commission",
        ),
        None,
    ),
    (
        "international-scheldt-commission",
        "network",
        "ISC",
        "",
        None,
        "nl",
        (
            "Internationale Scheldecommissie",
            "Commission Internationale de l'Escaut",
            "Internationale Scheldekommission",
            "International Scheldt Commission",
        ),
        None,
    ),
    (
        "penta",
        "network",
        "PENTA",
        "",
        None,
        "en",
        (
            "Pentalateraal Energieforum",
            "Forum pentalatéral de l'énergie",
            "Pentalaterales Energieforum",
            "Pentalateral Energy Forum",
        ),
        None,
    ),
    (
        "nsec",
        "network",
        "NSEC",
        "",
        None,
        "en",
        (
            "Noordzee-energiesamenwerking",
            "Coopération énergétique des mers du Nord",
            "Energiekooperation der Nordseeanrainer",
            "North Seas Energy Cooperation",
        ),
        None,
    ),
]

BENELUX_PLUS = "Benelux+"
# source, kind, target, description
RELATIONS = [
    ("benelux-council", "prepares", "benelux-committee-of-ministers", ""),
    ("benelux-parliament", "advises", "benelux-committee-of-ministers", ""),
    ("benelux-secretariat-general", "hosts_secretariat", "penta", ""),
    ("benelux-secretariat-general", "hosts_secretariat", "nsec", ""),
    ("north-rhine-westphalia", "partner_of", "benelux-committee-of-ministers", BENELUX_PLUS),
    ("grande-region", "partner_of", "benelux-committee-of-ministers", BENELUX_PLUS),
    ("hauts-de-france", "partner_of", "benelux-committee-of-ministers", BENELUX_PLUS),
    ("grand-est", "partner_of", "benelux-committee-of-ministers", BENELUX_PLUS),
    ("international-meuse-commission", "partner_of", "benelux-secretariat-general", BENELUX_PLUS),
    ("international-scheldt-commission", "partner_of", "benelux-secretariat-general", BENELUX_PLUS),
]


def load(upsert: operations.DirectoryUpsert) -> None:
    for slug, kind, acronym, country, code, language, names, parent in ORGANISATIONS:
        by_lang = dict(zip(LANGS, names, strict=True))
        upsert.organisation(
            slug,
            by_lang,
            kind=kind,
            name=by_lang[language],
            language=language,
            acronym=acronym,
            country=country,
            territory=Territory.objects.filter(code=code).first() if code else None,
            parent=Organisation.objects.filter(slug=parent).first() if parent else None,
        )
    by_slug = {
        o.slug: o
        for o in Organisation.objects.filter(slug__in={s for r in RELATIONS for s in r[::2]})
    }
    for source, kind, target, description in RELATIONS:
        if source in by_slug and target in by_slug:
            operations.relate(
                user=None,
                kind=kind,
                source=by_slug[source],
                target=by_slug[target],
                description=description,
            )
