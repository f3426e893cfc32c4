"""The legal library's own small theme taxonomy (legal sits below practices, so no FK to
``practices.Theme``).

``LegalAct.themes`` is a JSON list of these slugs. Slugs that also exist as practice themes use
the same spelling (crisis-management, police-justice, labour-market, mobility-transport, health,
spatial-planning, education), so a higher app can match acts and practices by slug. Themes are
derived on import from the Dutch title by the keyword rule below; ``crisis_related`` acts always
get ``crisis-management``.
"""

from django.utils.translation import gettext_lazy as _

THEMES = {
    "crisis-management": _("Crisis management"),
    "police-justice": _("Police and justice"),
    "labour-market": _("Labour market"),
    "social-security": _("Social security"),
    "taxation": _("Taxation"),
    "mobility-transport": _("Mobility and transport"),
    "water-environment": _("Water and environment"),
    "health": _("Health"),
    "spatial-planning": _("Borders and spatial planning"),
    "education": _("Education and culture"),
    "cooperation": _("Cross-border cooperation"),
}

# Lower-case stems looked for in the (Dutch) title; first match order does not matter.
KEYWORDS = {
    "crisis-management": ("rampen", "ongevallen", "crisis", "noodsituatie", "brandweer"),
    "police-justice": (
        "politie",
        "strafzaken",
        "rechtshulp",
        "justitie",
        "uitlevering",
        "douane",
        "rechterlijke",
        "strafvonnis",
    ),
    "labour-market": ("arbeid", "werknemer", "grensarbeider", "tewerkstelling"),
    "social-security": ("sociale zekerheid", "sociale verzekering", "kinderbijslag", "pensioen"),
    "taxation": ("belasting", "dubbele", "fiscal", "accijns", "btw"),
    "mobility-transport": (
        "spoor",
        "weg",
        "verkeer",
        "vervoer",
        "scheepvaart",
        "motorrijtuig",
        "kanaal",
        "brug",
        "luchtvaart",
        "rijbewijs",
        "tunnel",
    ),
    "water-environment": (
        "water",
        "maas",
        "schelde",
        "milieu",
        "natuur",
        "visserij",
        "rivier",
        "eems",
        "dollard",
        "verontreiniging",
    ),
    "health": ("gezondheid", "ziekte", "geneeskund", "zorg", "ambulance", "apothe"),
    "spatial-planning": ("grens", "ruimtelijke", "grenstractaat", "grensregeling"),
    "education": ("onderwijs", "cultu", "diploma", "school", "universit", "wetenschap"),
    "cooperation": ("samenwerking", "grensoverschrijdend", "benelux", "gemeenschappelijk"),
}


def themes_for(title: str, crisis_related: bool = False) -> list[str]:
    lowered = title.lower()
    found = [slug for slug, words in KEYWORDS.items() if any(w in lowered for w in words)]
    if crisis_related and "crisis-management" not in found:
        found.insert(0, "crisis-management")
    return found


def theme_label(slug: str) -> str:
    return str(THEMES.get(slug, slug))
