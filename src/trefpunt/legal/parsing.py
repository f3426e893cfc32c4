"""Facts read from a treaty's Markdown text: its articles, languages, parties, dates, kind and
the other acts it names. Pure functions, no database: the importer calls them, tests feed them
real snippets.

Article headings in the wetten.overheid.nl Markdown look like ``### Artikel  1``,
``### Article  2``, ``###Art. 1er`` (a Markdown heading of any level, or a ``**…**`` line);
German texts use ``Artikel`` too, so an article's language is read from its words, not from
the heading. An article ends at the next heading line, except the ``####Heading`` that directly
follows its own heading (the article's title).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

# --- articles -------------------------------------------------------------------------------

_ROMAN = r"[IVXLC]+"
ARTICLE_HEADING = re.compile(
    r"^(?:#{1,6}\s*|\*\*\s*)(?:Artikel|Article|Art\.|Art|Artículo)\s+"
    r"(?P<num>\d+\s*(?:er|e|ste)?(?:\s*(?:bis|ter|quater|quinquies|[a-z])\b)?|" + _ROMAN + r")"
    r"(?![\w.])\.?\s*(?:\*\*)?\s*(?P<rest>.*?)\s*(?:\*\*)?\s*$",
    re.M,
)
HEADING = re.compile(r"^(?:#{1,6}|\*\*[^*]+\*\*\s*$)")
_NUMBER_SUFFIX = re.compile(r"^(\d+)\s*(?:er|e|ste)?\s*(bis|ter|quater|quinquies|[a-z])?$")


def normalise_number(raw: str) -> str:
    """``1er`` → ``1``, ``3 bis`` → ``3bis``, ``12a`` stays, Roman numerals stay upper-case."""
    raw = raw.strip()
    match = _NUMBER_SUFFIX.match(raw)
    if match:
        return match.group(1) + (match.group(2) or "")
    return raw.upper()


@dataclass
class ParsedArticle:
    number: str
    anchor: str
    language: str
    heading: str
    text: str
    position: int
    line: int  # index of the heading line in ``text.split("\n")``


# --- languages ------------------------------------------------------------------------------

# Frequent words that belong to one language only (no "de", "en", "die", "des", "in", "is").
_STOPWORDS = {
    "nl": set(
        "het een van op dat met voor niet zijn worden deze bij wordt aan door als tot "
        "naar ook dan onder hun werd overeenkomst partijen verdrag bepalingen".split()
    ),
    "de": set(
        "der das und ist nicht mit von den dem zu für auf eine einer wird werden sich im "
        "durch nach oder vertragsparteien abkommen vertrag gemäß bei".split()
    ),
    "fr": set(
        "le la les et est du une un dans pour par que qui au aux sont sur ne pas "
        "présent accord parties convention".split()
    ),
    "en": set(
        "the and to shall be by for with that this which any are from agreement parties "
        "such may under".split()
    ),
}
_WORDS = re.compile(r"[a-zäöüßàâçéèêëîïôûùœ]+")
LANGUAGE_ORDER = ("nl", "fr", "de", "en")


def detect_language(text: str, default: str = "") -> str:
    """The language whose own frequent words occur most, when clearly ahead; else ``default``."""
    counts = Counter()
    for word in _WORDS.findall(text.lower()[:4000]):
        for language, words in _STOPWORDS.items():
            if word in words:
                counts[language] += 1
    if not counts:
        return default
    (best, score), *rest = counts.most_common(2) + [("", 0)]
    runner_up = rest[0][1]
    if score >= 3 and score >= 1.5 * runner_up:
        return best
    return default


def split_articles(text: str, primary: str = "nl") -> list[ParsedArticle]:
    """Every article of ``text``, in order, with a unique anchor.

    Anchors: ``art-3`` for the first article numbered 3 in the primary language, ``art-3-de``
    for the German one, and ``-2``, ``-3`` … for later ones with the same number and language
    (a final protocol restarting at Artikel 1).
    """
    lines = text.split("\n")
    starts: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        match = ARTICLE_HEADING.match(line)
        if match:
            starts.append((index, normalise_number(match.group("num")), match.group("rest")))
    articles: list[ParsedArticle] = []
    seen: Counter = Counter()
    previous_language = primary
    for position, (index, number, rest) in enumerate(starts, start=1):
        end = starts[position][0] if position < len(starts) else len(lines)
        heading = rest.strip(" .–-*")
        body_start = index + 1
        while body_start < end and not lines[body_start].strip():
            body_start += 1
        if (
            not heading
            and body_start < end
            and lines[body_start].startswith("#")
            and not ARTICLE_HEADING.match(lines[body_start])
        ):
            heading = lines[body_start].lstrip("#").strip(" *")
            body_start += 1
        body_end = body_start
        while body_end < end and not HEADING.match(lines[body_end]):
            body_end += 1
        body = "\n".join(lines[body_start:body_end]).strip()
        language = detect_language(f"{heading}\n{body}", default=previous_language)
        previous_language = language
        key = (number.lower(), language)
        seen[key] += 1
        anchor = f"art-{number.lower()}"
        if language != primary:
            anchor += f"-{language}"
        if seen[key] > 1:
            anchor += f"-{seen[key]}"
        articles.append(
            ParsedArticle(number, anchor, language, heading[:500], body, position, index)
        )
    return articles


def languages_present(text: str, articles: list[ParsedArticle], primary: str = "nl") -> list[str]:
    """Languages with real text: articles' languages, and those of long unheaded blocks."""
    sizes: Counter = Counter()
    for article in articles:
        sizes[article.language] += len(article.text)
    for block in re.split(r"\n(?=#)", text):
        if len(block) >= 400:
            language = detect_language(block)
            if language:
                sizes[language] += len(block) // 4
    found = {language for language, size in sizes.items() if size >= 100}
    if not found or primary in sizes:
        found.add(primary)
    return [language for language in LANGUAGE_ORDER if language in found] + sorted(
        found - set(LANGUAGE_ORDER)
    )


# --- parties --------------------------------------------------------------------------------

# (code, pattern) read in the title and the preamble; documented in docs/legal.md.
PARTY_PATTERNS = [
    ("BENELUX", r"benelux"),
    ("BE", r"belgi|belgique|belgien"),
    ("NL", r"nederland|pays-bas|niederlande|netherlands"),
    (
        "LU",
        r"groothertogdom luxemburg|luxemburgs|grand-duché|großherzogtum|grand duchy"
        r"|(?<!te )(?<!in )(?<!à )(?<!at )luxemb(?:urg|ourg)(?![\w-])",
    ),
    ("DE", r"duitsland|bondsrepubliek|deutschland|allemagne|germany"),
    (
        "FR",
        r"franse republiek|frankrijk|république française|la france|french republic"
        r"|französische republik|frankreich",
    ),
    ("DE-NW", r"noordrijn-westfalen|nordrhein-westfalen|rhénanie-du-nord"),
    ("DE-NI", r"nedersaksen|niedersachsen|basse-saxe|lower saxony"),
]
_PARTY_RULES = [(code, re.compile(pattern, re.I)) for code, pattern in PARTY_PATTERNS]
PREAMBLE_CHARS = 2500
PARTY_ORDER = ("BENELUX", "BE", "NL", "LU", "DE", "FR", "DE-NW", "DE-NI")


def preamble(text: str) -> str:
    """The text before the first article (at most ``PREAMBLE_CHARS``), links reduced to text."""
    match = ARTICLE_HEADING.search(text)
    head = text[: match.start()] if match else text
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", head)[:PREAMBLE_CHARS]


def parties_of(title: str, text: str) -> list[str]:
    """Party codes named in the title or preamble; a Benelux act has BE, NL and LU."""
    haystack = f"{title}\n{preamble(text)}"
    found = {code for code, rule in _PARTY_RULES if rule.search(haystack)}
    if "BENELUX" in found:
        found |= {"BE", "NL", "LU"}
    return [code for code in PARTY_ORDER if code in found]


# --- dates ----------------------------------------------------------------------------------

MONTHS = {
    # nl
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # fr
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12,
    # de
    "januar": 1, "februar": 2, "märz": 3, "juni_de": 6, "oktober_de": 10, "dezember": 12,
    # en
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10,
}  # fmt: skip
_MONTH = "(?P<month>" + "|".join(sorted((m for m in MONTHS if "_" not in m), key=len)[::-1]) + ")"
_DAY_MONTH_YEAR = (
    r"(?P<day>\d{1,2})(?:e|er|ste|st|nd|rd|th|\.)?\s+(?:day of\s+)?"
    + _MONTH
    + (r",?\s+(?P<year>1[89]\d\d|20\d\d)")
)
_PLACE = r"[A-ZÀ-Þ'’][\w'’ .-]{1,40}?"
SIGNED_PATTERNS = [
    re.compile(r"gedaan\s+te\s+" + _PLACE + r",?\s+(?:op\s+|de\s+)?" + _DAY_MONTH_YEAR, re.I),
    re.compile(r"fait\s+à\s+" + _PLACE + r",?\s+(?:le\s+)?" + _DAY_MONTH_YEAR, re.I),
    re.compile(r"geschehen\s+zu\s+" + _PLACE + r",?\s+(?:am\s+)?" + _DAY_MONTH_YEAR, re.I),
    re.compile(r"done\s+at\s+" + _PLACE + r",?\s+(?:on\s+|this\s+)?" + _DAY_MONTH_YEAR, re.I),
    # a letter's place and date at the start of a line: "Brussel, 1 juni 2006"
    re.compile(r"^\s*" + _PLACE + r",\s+(?:den\s+|de\s+|le\s+)?" + _DAY_MONTH_YEAR, re.I | re.M),
]
IN_FORCE = re.compile(
    r"(?:treedt|trad|is)\s+(?:op\s+)?(?:in\s+werking|in\s+kracht)(?:\s+getreden)?\s+op\s+"
    + _DAY_MONTH_YEAR,
    re.I,
)


def _date(match: re.Match | None) -> date | None:
    if match is None:
        return None
    try:
        return date(int(match.group("year")), MONTHS[match.group("month").lower()],
                    int(match.group("day")))  # fmt: skip
    except (KeyError, ValueError):
        return None


def signed_on(text: str) -> date | None:
    """The signature date the text states ("Gedaan te …, op …", "Brussel, 1 juni 2006")."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    for pattern in SIGNED_PATTERNS:
        found = _date(pattern.search(plain))
        if found:
            return found
    return None


def in_force_on(text: str) -> date | None:
    """Only a date the text itself gives ("treedt in werking op 1 januari 1990")."""
    return _date(IN_FORCE.search(text))


# --- kind and links -------------------------------------------------------------------------

_KIND_RULES = [
    ("memorandum", re.compile(r"^(?:memorandum|gemeenschappelijke verklaring|verklaring)", re.I)),
    ("protocol", re.compile(r"^(?:aanvullend |wijzigings|slot)?protocol", re.I)),
    ("treaty", re.compile(r"^(?:verdrag|tractaat|grenstractaat|conventie|europees verdrag)", re.I)),
    ("agreement", re.compile(
        r"^(?:aanvullende |administratieve |uitvoerings)?(?:overeenkomst|akkoord|notawisseling"
        r"|briefwisseling|regeling|schikking|afspraak|arrangement|verdrag)", re.I)),
    ("national_law", re.compile(r"^(?:wet|besluit|koninklijk besluit|rijkswet)\b", re.I)),
]  # fmt: skip


def kind_of(title: str) -> str:
    stripped = title.strip()
    for kind, rule in _KIND_RULES:
        if rule.search(stripped):
            return kind
    return "other"


BWB_LINK = re.compile(r"\]\([^)]*?(BWBV\d{7})[^)]*\)")
_LINK_KIND_RULES = [
    ("amends", re.compile(r"tot wijziging van|wijzigingsprotocol|houdende wijziging", re.I)),
    ("implements", re.compile(r"uitvoering|administratieve schikking", re.I)),
    ("supplements", re.compile(
        r"^aanvullend|tot aanvulling|^protocol (?:bij|tot)|^slotprotocol|bij (?:het|de) "
        r"(?:verdrag|overeenkomst)", re.I)),
]  # fmt: skip
_TITLE_WORDS = re.compile(r"\w{4,}")


def linked_ids(text: str, own_id: str = "") -> list[str]:
    """BWBV identifiers the text links to, in order of first appearance, without itself."""
    seen: dict[str, None] = {}
    for match in BWB_LINK.finditer(text):
        if match.group(1) != own_id:
            seen.setdefault(match.group(1))
    return list(seen)


def title_overlap(title: str, other: str) -> float:
    """Share of ``other``'s long words found in ``title`` (0…1)."""
    words = set(_TITLE_WORDS.findall(other.lower()))
    if not words:
        return 0.0
    return len(words & set(_TITLE_WORDS.findall(title.lower()))) / len(words)


@dataclass
class LinkPlan:
    to_id: str
    kind: str


@dataclass
class ActFacts:
    articles: list[ParsedArticle] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    kind: str = "other"
    signed_on: date | None = None
    in_force_on: date | None = None
    links: list[str] = field(default_factory=list)


def typed_link_kind(title: str) -> str:
    for kind, rule in _LINK_KIND_RULES:
        if rule.search(title):
            return kind
    return "cites"


def plan_links(title: str, own_id: str, text: str, titles: dict[str, str]) -> list[LinkPlan]:
    """Links to other known acts. Every act the text links to is ``cites``; the one act the
    title is about ("Aanvullend Protocol bij X", "tot wijziging van X", "Uitvoeringsovereenkomst
    … X") gets the title's kind: the linked act (or, failing links, any known act) whose title
    words the title contains best, when at least 60% of them.
    """
    linked = [bwb for bwb in linked_ids(text, own_id) if bwb in titles]
    kind = typed_link_kind(title)
    target = None
    if kind != "cites":
        candidates = linked or [bwb for bwb in titles if bwb != own_id]
        scored = [
            (title_overlap(title, titles[bwb]), len(titles[bwb]), bwb)
            for bwb in candidates
            if len(titles[bwb]) < len(title)
        ]
        scored = [item for item in scored if item[0] >= 0.6]
        if scored:
            target = max(scored)[2]
    plans = [LinkPlan(bwb, kind if bwb == target else "cites") for bwb in linked]
    if target and target not in linked:
        plans.append(LinkPlan(target, kind))
    return plans


def read_facts(title: str, text: str, primary: str = "nl") -> ActFacts:
    articles = split_articles(text, primary)
    return ActFacts(
        articles=articles,
        languages=languages_present(text, articles, primary),
        parties=parties_of(title, text),
        kind=kind_of(title),
        signed_on=signed_on(text),
        in_force_on=in_force_on(text),
    )


def section_titles(text: str, articles: list[ParsedArticle], primary: str = "nl") -> dict:
    """The title heading of each other-language section: the heading in that language just
    before its first article (e.g. ``####Accord entre le gouvernement …``)."""
    lines = text.split("\n")
    titles: dict[str, str] = {}
    previous_line = 0
    previous_language = primary
    for article in articles:
        language = article.language
        if language != previous_language and language != primary and language not in titles:
            for line in lines[previous_line : article.line]:
                stripped = line.lstrip("#").strip(" *")
                if (
                    line.startswith("#")
                    and len(stripped) >= 20
                    and not ARTICLE_HEADING.match(line)
                    and detect_language(stripped) == language
                ):
                    titles[language] = stripped
                    break
        previous_line, previous_language = article.line, language
    return titles
