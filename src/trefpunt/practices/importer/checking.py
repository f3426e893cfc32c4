"""Checking the records read before anything is written: every theme, territory and
organisation they name exists, no external id appears twice; the import is refused whole
(``ImportFailed``) with the first problems and their lines."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from trefpunt.organisations.models import Organisation
from trefpunt.places.importers.base import ImportProblem
from trefpunt.places.models import Territory

from ..models import Theme
from .reading import CollectionRecord, PracticeRecord

MAX_PROBLEMS = 20


class ImportFailed(Exception):
    """The import was refused; ``problems`` lists what is wrong, with line numbers."""

    def __init__(self, problems: list[ImportProblem], *, complete: bool = True):
        self.problems = problems
        self.complete = complete
        super().__init__("\n".join(str(problem) for problem in problems))


class References:
    """Identifier → primary key for themes, territories and organisations, loaded once."""

    def __init__(self):
        self.themes = dict(Theme.objects.values_list("slug", "pk"))
        self.territories = dict(Territory.objects.values_list("code", "pk"))
        self.organisations = dict(Organisation.objects.values_list("slug", "pk"))

    def check(self, record: PracticeRecord) -> None:
        for name, known, message in (
            ("themes", self.themes, _("unknown theme %(key)r")),
            ("territories", self.territories, _("unknown territory %(key)r")),
            ("organisations", self.organisations, _("unknown organisation %(key)r")),
        ):
            for key in getattr(record, name) or ():
                if key not in known:
                    raise ImportProblem(message % {"key": key}, line=record.line)
        if record.owner and record.owner not in self.organisations:
            raise ImportProblem(
                _("unknown organisation %(key)r") % {"key": record.owner}, line=record.line
            )

    def organisation(self, slug: str | None) -> Organisation | None:
        return Organisation.objects.get(pk=self.organisations[slug]) if slug else None

    def check_collection(self, record: CollectionRecord, practices: set[str]) -> None:
        """``practices``: the external ids known (stored, or imported alongside)."""
        if record.owner and record.owner not in self.organisations:
            raise ImportProblem(
                _("unknown organisation %(key)r") % {"key": record.owner}, line=record.line
            )
        for key in record.items:
            if key not in practices:
                raise ImportProblem(_("unknown practice %(key)r") % {"key": key}, line=record.line)


Progress = Callable[[str, int], None]


def check_all(records, references: References, progress: Progress | None) -> None:
    problems: list[ImportProblem] = []
    seen: dict[str, int] = {}
    pending = 0
    if progress:
        progress("check", 0)
    for record in records:
        pending += 1
        if progress and pending == 1000:
            progress("check", pending)
            pending = 0
        try:
            if isinstance(record, ImportProblem):
                raise record
            first = seen.setdefault(record.external_id, record.line)
            if first != record.line:
                raise ImportProblem(
                    _("external_id %(id)r appears twice (first on line %(first)s)")
                    % {"id": record.external_id, "first": first},
                    line=record.line,
                )
            references.check(record)
        except ImportProblem as problem:
            problems.append(problem)
            if len(problems) == MAX_PROBLEMS:
                raise ImportFailed(problems, complete=False) from None
    if progress and pending:
        progress("check", pending)
    if problems:
        raise ImportFailed(problems)
