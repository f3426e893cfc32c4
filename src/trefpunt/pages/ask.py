"""Ask Trefpunt: a question in nl/fr/de/en, optionally from a territory, answered in sections.

1. The search engine finds practices, obstacles, treaties and meetings for the question (every
   language: the semantic side is cross-lingual).
2. The question's themes: those shared by at least two of the best practices and obstacles
   found, and the theme names the question uses (in any of the four languages).
3. Counterparts: people in current posts with a competence whose text shares words with the
   question or whose theme is one of the question's themes (an organisation's own competence
   answers through its cross-border contact point). People across the asker's border come
   first, then Benelux bodies, then the asker's own country; nearer ones first.
4. Legal bases: what the obstacles found cite, then the treaties found.
5. Comparable places: the matching engine's across the border, with its reasons.
6. Next meetings: upcoming meetings found, or organised, supported or attended by the
   organisations of the asker's territory or of the counterparts.

Every item carries ``why``: the reasons it is there, in the reader's language.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trefpunt.lib.api import localized_url
from trefpunt.lib.text import fold
from trefpunt.matching.engine import comparable
from trefpunt.meetings.models import Meeting
from trefpunt.obstacles.lifecycle import PUBLISHED
from trefpunt.obstacles.models import DOMAIN_THEMES, Obstacle
from trefpunt.organisations.access import visible_contact
from trefpunt.organisations.models import Competence, CompetenceTheme, Post
from trefpunt.practices.models import Practice, ThemeName
from trefpunt.search import languages as text
from trefpunt.search.query import search

MAX_QUESTION = 300
SECTION_SIZE = 5
# A competence matches by its words when it shares this share of the question's terms.
MIN_TEXT_SHARE = 0.34
# The question's themes are voted by this many of the best practices and obstacles found.
THEME_PRACTICES = 4
THEME_OBSTACLES = 2


@dataclass
class Item:
    title: str
    url: str
    why: list[str]
    language: str = ""
    detail: str = ""
    country: str = ""
    contact: dict[str, str] = field(default_factory=dict)


@dataclass
class Answer:
    question: str
    language: str
    territory: object | None
    themes: list[str]
    sections: dict[str, list[Item]]

    def labelled_sections(self) -> list[tuple[str, str, list[Item]]]:
        return [(key, str(SECTION_LABELS[key]), self.sections[key]) for key in SECTIONS]


SECTIONS = ("counterparts", "practices", "obstacles", "legal_bases", "places", "meetings")
SECTION_LABELS = {
    "counterparts": gettext_lazy("Counterparts"),
    "practices": gettext_lazy("Good practices"),
    "obstacles": gettext_lazy("Obstacles and their legal bases"),
    "legal_bases": gettext_lazy("Legal bases"),
    "places": gettext_lazy("Comparable places"),
    "meetings": gettext_lazy("Next meetings"),
}


def check_question(question: str | None) -> str:
    question = (question or "").strip()
    if not question:
        raise ValidationError({"q": _("Type a question.")})
    if len(question) > MAX_QUESTION:
        raise ValidationError(
            {"q": _("A question is at most %(max)s characters long.") % {"max": MAX_QUESTION}}
        )
    return question


def ask(question: str, *, territory=None, language: str = "en", user=None) -> Answer:
    """The answer to ``question`` (checked: ``ValidationError`` when empty or too long)."""
    question = check_question(question)
    with translation.override(language):
        found = {
            doc_type: search(question, types=[doc_type], limit=SECTION_SIZE, user=user)
            for doc_type in ("practice", "obstacle", "treaty", "meeting")
        }
        practices = _practices(found["practice"].results, user, language)
        obstacles = _obstacles(found["obstacle"].results, language)
        themes = _themes(question, practices, obstacles)
        counterparts, counterpart_organisations = _counterparts(
            question, themes, territory, language, user
        )
        sections = {
            "counterparts": counterparts,
            "practices": [_practice_item(p, themes, language) for p in practices],
            "obstacles": [_obstacle_item(o, language) for o in obstacles],
            "legal_bases": _legal_bases(obstacles, found["treaty"].results, language),
            "places": _places(territory, language),
            "meetings": _meetings(
                found["meeting"].results, territory, counterpart_organisations, user, language
            ),
        }
    return Answer(question, language, territory, sorted(themes), sections)


def _theme_label(slug: str) -> str:
    return str(CompetenceTheme(slug).label) if slug in CompetenceTheme.values else slug


def _practices(hits, user, language) -> list[Practice]:
    ids = [int(hit.id) for hit in hits]
    practices = (
        Practice.objects.visible_to(user)
        .filter(pk__in=ids)
        .prefetch_related("translations", "themes")
    )
    by_id = {p.pk: p for p in practices}
    return [by_id[pk] for pk in ids if pk in by_id]


def _obstacles(hits, language) -> list[Obstacle]:
    ids = [int(hit.id) for hit in hits]
    obstacles = (
        Obstacle.objects.filter(pk__in=ids, status__in=PUBLISHED)
        .prefetch_related("translations", "provisions__act", "provisions__article")
        .distinct()
    )
    by_id = {o.pk: o for o in obstacles}
    return [by_id[pk] for pk in ids if pk in by_id]


def _question_terms(question: str) -> list[set[str]]:
    """One set of alternative stems per word of the question (its stem in each language)."""
    return text.query_terms(question, text.LANGUAGES)


def _named_themes(question: str) -> set[str]:
    """Themes whose whole name (in any language) the question uses."""
    words = set(fold(question).split())
    named = set()
    for name in ThemeName.objects.select_related("theme"):
        terms = set(text.analyse(name.name, name.language))
        if terms and terms <= set(text.analyse(question, name.language)) | words:
            named.add(name.theme.slug)
    return named


def _themes(question, practices, obstacles) -> set[str]:
    """The themes the question names, and those shared by at least two of the best practices
    and obstacles found (one hit alone may be a near miss of the search)."""
    votes: Counter[str] = Counter()
    for practice in practices[:THEME_PRACTICES]:
        votes.update({theme.slug for theme in practice.themes.all()})
    for obstacle in obstacles[:THEME_OBSTACLES]:
        if obstacle.domain in DOMAIN_THEMES:
            votes[DOMAIN_THEMES[obstacle.domain]] += 1
    themes = _named_themes(question) | {slug for slug, count in votes.items() if count >= 2}
    return themes & set(CompetenceTheme.values)


def _distance_km(a, b) -> float | None:
    if a is None or b is None or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def _counterpart_competences():
    """Competences of current posts, and of organisations with a current contact point."""
    held = Post.objects.current().listed()
    return (
        Competence.objects.active()
        .filter(
            Q(post__in=held)
            | Q(organisation__contact_post__in=held, organisation__archived_at__isnull=True)
        )
        .select_related(
            "territory",
            "post__person",
            "post__organisation__territory",
            "organisation__contact_post__person",
            "organisation__contact_post__organisation__territory",
        )
        .prefetch_related(
            "post__organisation__names", "organisation__contact_post__organisation__names"
        )
    )


def _counterparts(question, themes, territory, language, user):
    groups = _question_terms(question)
    candidates: dict[int, tuple[tuple, Item, int]] = {}
    home = territory.country if territory is not None else ""
    for competence in _counterpart_competences():
        post = competence.post or competence.organisation.contact_post
        terms = set(text.analyse(competence.description, competence.language))
        shared = [group for group in groups if group & terms]
        why = []
        if groups and len(shared) / len(groups) >= MIN_TEXT_SHARE:
            why.append(
                _("Handles cross-border questions on “%(text)s”") % {"text": competence.description}
            )
        if competence.theme in themes:
            why.append(_("Shared theme: %(theme)s") % {"theme": _theme_label(competence.theme)})
        if not why:
            continue
        if competence.post is None:
            why.append(
                _("Contact point of %(organisation)s")
                % {"organisation": post.organisation.name_in(language)}
            )
        place = competence.territory or post.organisation.territory
        country = post.organisation.country or (place.country if place else "")
        side = 2 if home and country == home else (0 if country else 1)
        if home and country and country != home:
            why.append(_("Across the border (%(country)s)") % {"country": country})
        if language in post.person.languages.split(","):
            why.append(_("Speaks your language (%(language)s)") % {"language": language})
        km = _distance_km(territory, place)
        if km is not None:
            why.append(_("%(km)s km away") % {"km": round(km)})
        rank = (side, -len(shared), km if km is not None else math.inf, post.pk)
        if post.pk in candidates and candidates[post.pk][0] <= rank:
            continue
        role = post.title or post.get_role_display()
        item = Item(
            title=str(post.person),
            url=localized_url(post.person, language),
            why=why,
            language=competence.language,
            detail=f"{role}, {post.organisation.name_in(language)}",
            country=country,
            contact=visible_contact(user, post),
        )
        candidates[post.pk] = (rank, item, post.organisation_id)
    ranked = sorted(candidates.values(), key=lambda entry: entry[0])[:SECTION_SIZE]
    return [item for _rank, item, _org in ranked], {org for _rank, _item, org in ranked}


def _practice_item(practice, themes, language) -> Item:
    reading = practice.reading_in(language)
    shared = [t for t in practice.themes.all() if t.slug in themes]
    why = [_("Matches your question")]
    why += [_("Shared theme: %(theme)s") % {"theme": t.name_in(language)} for t in shared]
    if reading.language == language:
        why.append(_("In your language"))
    return Item(
        title=reading.title,
        url=localized_url(practice, language),
        why=why,
        language=reading.language,
        detail=practice.get_stage_display(),
    )


def _obstacle_item(obstacle, language) -> Item:
    reading = obstacle.reading_in(language)
    why = [
        _("Matches your question"),
        _("Border: %(border)s") % {"border": obstacle.get_border_display()},
    ]
    if reading.language == language:
        why.append(_("In your language"))
    return Item(
        title=reading.title,
        url=localized_url(obstacle, language),
        why=why,
        language=reading.language,
        detail=obstacle.get_status_display(),
    )


def _legal_bases(obstacles, treaty_hits, language) -> list[Item]:
    items, seen = [], set()
    for obstacle in obstacles:
        title = obstacle.reading_in(language).title
        for provision in obstacle.provisions.all():
            key = provision.act.bwb_id if provision.act_id else provision.citation
            if key in seen:
                continue
            seen.add(key)
            items.append(
                Item(
                    title=provision.act.title if provision.act_id else provision.citation,
                    url=provision.url,
                    why=[_("Cited by the obstacle “%(title)s”") % {"title": title}],
                    language=provision.act.language if provision.act_id else "",
                    detail=str(provision) if provision.article_id else "",
                    country=provision.country,
                )
            )
    for hit in treaty_hits:
        if hit.id in seen:
            continue
        seen.add(hit.id)
        items.append(
            Item(
                title=hit.title,
                url=f"/{language}{hit.path}",
                why=[_("Cited treaty matching your question")],
                language=hit.language,
            )
        )
    return items[:SECTION_SIZE]


def _places(territory, language) -> list[Item]:
    if territory is None:
        return []
    return [
        Item(
            title=match.territory.name_in(language),
            url=localized_url(match.territory, language),
            why=match.reasons or [_("Similar in size and setting")],
            country=match.territory.country,
            detail=_("similarity %(score)s") % {"score": match.score},
        )
        for match in comparable(
            territory, across_border=True, limit=SECTION_SIZE, language=language
        )
    ]


def _meetings(hits, territory, counterpart_organisations, user, language) -> list[Item]:
    found = {int(hit.id) for hit in hits}
    local = set(territory.organisations.values_list("pk", flat=True)) if territory else set()
    involved = local | set(counterpart_organisations)
    meetings = (
        Meeting.objects.visible_to(user)
        .scheduled()
        .upcoming()
        .filter(
            Q(pk__in=found)
            | Q(organiser__in=involved)
            | Q(supporting__in=involved)
            | Q(participants__organisation__in=involved)
        )
        .select_related("organiser")
        .prefetch_related("translations", "organiser__names", "participants")
        .distinct()[:SECTION_SIZE]
    )
    items = []
    for meeting in meetings:
        taking_part = {meeting.organiser_id} | {
            p.organisation_id for p in meeting.participants.all() if p.organisation_id
        }
        why = []
        if meeting.pk in found:
            why.append(_("Matches your question"))
        if taking_part & local:
            why.append(_("Your municipality takes part"))
        if taking_part & set(counterpart_organisations):
            why.append(_("A counterpart's organisation takes part"))
        why = why or [
            _("Organised by %(organiser)s") % {"organiser": meeting.organiser.name_in(language)}
        ]
        reading = meeting.reading_in(language)
        items.append(
            Item(
                title=reading.title,
                url=localized_url(meeting, language),
                why=why,
                language=reading.language,
                detail=meeting.start.date().isoformat(),
            )
        )
    return items
