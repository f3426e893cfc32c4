"""Writes of the legal library: importing acts (all or nothing), their articles and links.

Acts come only from imports; people do not edit them, so there is no ``version`` check.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from trefpunt.places.importers.base import ImportProblem
from trefpunt.search import index as search_index

from . import parsing
from .importer import TreatyRecord
from .models import ActLink, Article, LegalAct
from .search import DOC_TYPE, documents_for_acts
from .themes import themes_for

MAX_PROBLEMS = 20
Progress = Callable[[str, int], None]
COMPARED = (
    "title",
    "text",
    "language",
    "languages",
    "kind",
    "parties",
    "signed_on",
    "in_force_on",
    "themes",
    "crisis_related",
    "source",
    "source_commit",
)


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links: int = 0
    documents: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


class ImportFailed(Exception):
    """The import was refused; ``problems`` lists what is wrong, with line numbers."""

    def __init__(self, problems: list[ImportProblem], *, complete: bool = True):
        self.problems = problems
        self.complete = complete
        super().__init__("\n".join(str(problem) for problem in problems))


def act_values(record: TreatyRecord) -> tuple[dict, list[parsing.ParsedArticle]]:
    """The stored fields of an act and its articles, all derived from the record."""
    facts = parsing.read_facts(record.title, record.text)
    # The original language is the title's: wetten.overheid.nl titles are Dutch even when the
    # text starts with another authentic language (a French note, an English convention).
    language = parsing.detect_language(record.title, default="nl")
    values = {
        "title": record.title,
        "text": record.text,
        "language": language,
        "languages": facts.languages,
        "kind": facts.kind,
        "parties": facts.parties,
        "signed_on": facts.signed_on,
        "in_force_on": facts.in_force_on,
        "themes": themes_for(record.title, record.crisis_related),
        "crisis_related": record.crisis_related,
        "source": record.source,
        "source_commit": record.source_commit,
    }
    return values, facts.articles


def check_records(records: Iterable, progress: Progress | None = None) -> list[TreatyRecord]:
    """Every record, or ``ImportFailed`` listing the bad lines (nothing is written)."""
    problems: list[ImportProblem] = []
    seen: dict[str, int] = {}
    good: list[TreatyRecord] = []
    for record in records:
        if progress:
            progress("check", 1)
        try:
            if isinstance(record, ImportProblem):
                raise record
            first = seen.setdefault(record.bwb_id, record.line)
            if first != record.line:
                raise ImportProblem(
                    _("bwb_id %(id)r appears twice (first on line %(first)s)")
                    % {"id": record.bwb_id, "first": first},
                    line=record.line,
                )
            good.append(record)
        except ImportProblem as problem:
            problems.append(problem)
            if len(problems) == MAX_PROBLEMS:
                raise ImportFailed(problems, complete=False) from None
    if problems:
        raise ImportFailed(problems)
    if not good:
        raise ImportFailed([ImportProblem(_("the file holds no legal acts"))])
    return good


def import_acts(records: Iterable, *, progress: Progress | None = None) -> ImportSummary:
    """Upsert acts by ``bwb_id``, all or nothing; unchanged acts are not touched.

    Changed acts get their articles rebuilt and one history row; the links between all acts
    are then derived again, and the changed acts indexed in one ``bulk_index`` at the end.
    """
    started = time.monotonic()
    checked = check_records(records, progress)
    summary = ImportSummary()
    with transaction.atomic():
        existing = {act.bwb_id: act for act in LegalAct.objects.all()}
        changed: list[LegalAct] = []
        for record in checked:
            values, articles = act_values(record)
            act = existing.get(record.bwb_id)
            if act is None:
                act = LegalAct.objects.create(bwb_id=record.bwb_id, **values)
                existing[act.bwb_id] = act
                summary.created += 1
            elif any(getattr(act, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(act, name, value)
                act.save()
                summary.updated += 1
            else:
                summary.unchanged += 1
                if progress:
                    progress("write", 1)
                continue
            _replace_articles(act, articles)
            changed.append(act)
            if progress:
                progress("write", 1)
        if changed:
            summary.links = derive_links(existing)
            if progress:
                progress("index", 0)
            summary.documents = search_index.bulk_index(
                documents_for_acts([act.pk for act in changed]),
                progress=(lambda count: progress("index", count)) if progress else None,
            )
    summary.seconds = time.monotonic() - started
    return summary


def _replace_articles(act: LegalAct, articles: list[parsing.ParsedArticle]) -> None:
    """Bring the act's articles in line with ``articles``, matched by anchor: existing ones are
    updated in place (what cites them keeps pointing at them), new ones created, vanished ones
    deleted — unless something else protects them (an obstacle's provision cites it), then they
    stay, so a re-import never breaks a citation."""
    current = {article.anchor: article for article in Article.objects.filter(act=act)}
    fields = ("number", "language", "heading", "text", "position")
    updated, created = [], []
    for parsed in articles:
        article = current.pop(parsed.anchor, None)
        if article is None:
            created.append(Article(act=act, anchor=parsed.anchor))
            article = created[-1]
        else:
            updated.append(article)
        for name in fields:
            setattr(article, name, getattr(parsed, name))
    Article.objects.bulk_update(updated, fields)
    Article.objects.bulk_create(created)
    for article in current.values():  # few: articles that vanished from the text
        try:
            with transaction.atomic():
                article.delete()
        except ProtectedError:  # cited elsewhere: it stays
            pass


def derive_links(acts: dict[str, LegalAct]) -> int:
    """Replace the stored links by those the texts and titles give (see ``plan_links``)."""
    titles = {bwb_id: act.title for bwb_id, act in acts.items()}
    wanted: set[tuple[int, int, str]] = set()
    for bwb_id, act in acts.items():
        for plan in parsing.plan_links(act.title, bwb_id, act.text, titles):
            wanted.add((act.pk, acts[plan.to_id].pk, plan.kind))
    stored = {
        (link.from_act_id, link.to_act_id, link.kind): link.pk for link in ActLink.objects.all()
    }
    stale = [pk for key, pk in stored.items() if key not in wanted]
    ActLink.objects.filter(pk__in=stale).delete()
    ActLink.objects.bulk_create(
        ActLink(from_act_id=f, to_act_id=t, kind=k) for f, t, k in wanted - set(stored)
    )
    return len(wanted)


def delete_act(act: LegalAct) -> None:
    """Remove an act (its articles and links go with it) and its search documents."""
    with transaction.atomic():
        bwb_id = act.bwb_id
        act.delete()
        search_index.remove_record(DOC_TYPE, bwb_id)
