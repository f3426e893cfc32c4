"""Why two territories are comparable, in the reader's language.

A reason is stated only when it is true by these thresholds:

- population: the larger is at most :data:`POPULATION_FACTOR` times the smaller; the figure is
  their geometric mean rounded to two significant figures ("both about 80,000 inhabitants");
- border: both within :data:`~trefpunt.matching.features.BORDER_TOWN_KM` of another country
  (see :func:`~trefpunt.matching.features.nearest_foreign_km`); the figure is the farther of
  the two, rounded up to 5 km;
- DEGURBA: the same class (city, town, rural area);
- regional centre: both have a centre role of at least :data:`CENTRE_ROLE` (the largest of
  their group);
- language: at least one language of the language area in common;
- density: within :data:`DENSITY_FACTOR` of each other, stated like the population.

Reasons come in the order of the feature weights (population first), at most
:data:`MAX_REASONS`. Numbers are grouped the way the active language writes them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trefpunt.lib.languages import LANGUAGE_LABELS

from .features import BORDER_TOWN_KM, LANGUAGES, WEIGHTS

POPULATION_FACTOR = 1.5
DENSITY_FACTOR = 1.5
CENTRE_ROLE = 0.99
MAX_REASONS = 4


@dataclass(frozen=True)
class Facts:
    """What is known about one unit; ``None`` when not known."""

    population: float | None = None
    density: float | None = None
    degurba: int | None = None
    border_km: float | None = None
    centre_role: float | None = None
    languages: tuple[str, ...] = ()

    @classmethod
    def from_values(
        cls,
        *,
        population: float,
        density: float,
        degurba: float,
        border_km: float,
        centre_role: float,
        languages: str,
    ) -> Facts:
        """From index values, where NaN means not known."""

        def known(value: float) -> float | None:
            return float(value) if math.isfinite(value) else None

        level = known(degurba)
        return cls(
            population=known(population),
            density=known(density),
            degurba=int(level) if level is not None else None,
            border_km=known(border_km),
            centre_role=known(centre_role),
            languages=tuple(part.strip() for part in languages.split(",") if part.strip()),
        )


def round_significant(value: float, digits: int = 2) -> float:
    if value <= 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(value)))


def format_number(value: float) -> str:
    """Two significant figures, grouped and with the decimal mark of the active language."""
    rounded = round_significant(value)
    decimals = max(0, 1 - math.floor(math.log10(rounded))) if rounded > 0 else 0
    return number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _plural_count(value: float) -> int:
    """The number gettext chooses a plural form by (it takes integers: 1.5 counts as 2)."""
    return math.ceil(round_significant(value))


def typical_within(a: float | None, b: float | None, factor: float) -> float | None:
    """The geometric mean of ``a`` and ``b`` when they are within ``factor`` of each other."""
    if a is None or b is None or a <= 0 or b <= 0 or max(a, b) > factor * min(a, b):
        return None
    return math.sqrt(a * b)


def _population(a: Facts, b: Facts) -> str | None:
    typical = typical_within(a.population, b.population, POPULATION_FACTOR)
    if typical is None:
        return None
    return ngettext(
        "both about %(population)s inhabitant",
        "both about %(population)s inhabitants",
        _plural_count(typical),
    ) % {"population": format_number(typical)}


def _border(a: Facts, b: Facts) -> str | None:
    if a.border_km is None or b.border_km is None:
        return None
    farther = max(a.border_km, b.border_km)
    if farther > BORDER_TOWN_KM:
        return None
    km = max(5, 5 * math.ceil(farther / 5))
    return _("both border towns (within %(km)s km of a border)") % {"km": km}


def _degurba(a: Facts, b: Facts) -> str | None:
    if a.degurba is None or a.degurba != b.degurba:
        return None
    return {
        1: _("both cities (DEGURBA 1)"),
        2: _("both towns (DEGURBA 2)"),
        3: _("both rural areas (DEGURBA 3)"),
    }.get(a.degurba)


def _centre(a: Facts, b: Facts) -> str | None:
    if a.centre_role is None or b.centre_role is None:
        return None
    if min(a.centre_role, b.centre_role) < CENTRE_ROLE:
        return None
    return _("both regional centres")


def _language(a: Facts, b: Facts) -> str | None:
    shared = [code for code in LANGUAGES if code in a.languages and code in b.languages]
    if not shared:
        return None
    labels = ", ".join(str(LANGUAGE_LABELS[code]) for code in shared)
    return _("same language area (%(language)s)") % {"language": labels}


def _density(a: Facts, b: Facts) -> str | None:
    typical = typical_within(a.density, b.density, DENSITY_FACTOR)
    if typical is None:
        return None
    return ngettext(
        "similar population density (about %(density)s inhabitant/km²)",
        "similar population density (about %(density)s inhabitants/km²)",
        _plural_count(typical),
    ) % {"density": format_number(typical)}


CHECKS: dict[str, Callable[[Facts, Facts], str | None]] = {
    "population": _population,
    "border": _border,
    "degurba": _degurba,
    "centre": _centre,
    "language": _language,
    "density": _density,
}
# Most important first: by feature weight, ties in the order above.
ORDER: tuple[str, ...] = tuple(sorted(CHECKS, key=lambda name: -WEIGHTS[name]))


def explain(a: Facts, b: Facts, *, limit: int = MAX_REASONS) -> list[str]:
    """The reasons ``a`` and ``b`` are alike, most important first."""
    reasons = []
    for name in ORDER:
        reason = CHECKS[name](a, b)
        if reason is not None:
            reasons.append(reason)
            if len(reasons) == limit:
                break
    return reasons
