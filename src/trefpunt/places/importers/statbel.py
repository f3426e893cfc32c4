"""Statbel (Belgium): the REFNIS code list or the population by municipality, told apart by header.

**REFNIS code list** (``TU_COM_REFNIS.csv``: ``LVL_REFNIS, CD_REFNIS, CD_SUP_REFNIS,
TX_REFNIS_DE/FR/NL, DT_VLDT_START, DT_VLDT_END``) → regions (level 1), provinces (level 2) and
municipalities (level 4) with their nl/fr/de names and validity dates. Arrondissements (level 3)
are not stored: a municipality's parent is the province of its arrondissement, or the Brussels
region for the 19 Brussels municipalities (arrondissement 21000 belongs to no province).

The file lists every unit since 1970 (2,769 rows); only the rows valid on ``on`` (default: today)
are imported, so a code appears once. An open end date (31/12/9999) becomes ``valid_to=None``.
The copy in ``../shared/data`` is a snapshot of February 2020: its open-ended rows are the 581
municipalities of 2019–2024 (after the 2019 mergers), so it yields 581 municipalities whether
``on`` is 2020-01-01 or today. A current Statbel download (from 2025-01-01) yields 565.

``TX_REFNIS_DE`` repeats the French or Dutch name where there is no German one: a German name is
kept only where it differs from both, or for the nine municipalities of the German-speaking
Community (where it is the official name). Names in a language of the unit's language area are
official, the others exonyms (``Luik`` and ``Lüttich`` for Liège).

**Population** (``bevolking_per_gemeente``: ``NIS code, Woonplaats, Mannen, Vrouwen, Totaal``)
→ ``population`` on 1 January of the year in the file name (2020 for ``…_2020.csv``; else pass
``population_year``) for municipalities, and for the country (``01000`` → ``ISO:BE``), regions
and provinces when those already exist (arrondissements are skipped). The ``Woonplaats`` names
are the Dutch names, so they are added as ``nl`` names and never replace an official name; a
municipality not yet known is created under that Dutch name (import the REFNIS list or the
packaged gazetteer first for the official names). Municipality rows are the 5-digit codes not
ending in ``000``, except the provinces Flemish and Walloon Brabant (20001, 20002): 581 in 2020.
"""

import re
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _

from .base import ImportProblem, TerritoryRecord, csv_header, parse_int, read_csv
from .packaged import BE_GERMAN_SPEAKING, BE_REGION_LANGUAGES

REFNIS_COLUMNS = {
    "LVL_REFNIS",
    "CD_REFNIS",
    "CD_SUP_REFNIS",
    "TX_REFNIS_DE",
    "TX_REFNIS_FR",
    "TX_REFNIS_NL",
    "DT_VLDT_START",
    "DT_VLDT_END",
}
POPULATION_COLUMNS = {"NIS code", "Woonplaats", "Mannen", "Vrouwen", "Totaal"}
SOURCE_REFNIS = "Statbel REFNIS"
SOURCE_POPULATION = "Statbel population"
LEVELS = {"1": "region", "2": "province", "4": "municipality"}
OPEN_END = date(9999, 12, 31)
COUNTRY_NIS = "01000"
# Provinces of the Brabant split (1995) have no "x0000" code.
BRABANT = {"21": "04000", "23": "20001", "24": "20001", "25": "20002"}
FLEMISH_PROVINCES = {"10000", "20001", "30000", "40000", "70000"}
_NIS = re.compile(r"\d{5}")
_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


def records(
    path: str | Path, on: date | None = None, population_year: int | None = None
) -> list[TerritoryRecord]:
    """Records from either Statbel layout (chosen by the header).

    ``on``: REFNIS rows valid on this day (default today). ``population_year``: the reference
    year of a population file (default: the year in the file name, else left unknown).
    """
    header = csv_header(path)
    if REFNIS_COLUMNS <= header:
        return refnis_records(path, on=on)
    if POPULATION_COLUMNS <= header:
        return population_records(path, year=population_year)
    raise ImportProblem(
        _(
            "not a Statbel file: expected the REFNIS columns (%(refnis)s) or the population "
            "columns (%(population)s); found %(found)s"
        )
        % {
            "refnis": ", ".join(sorted(REFNIS_COLUMNS)),
            "population": ", ".join(sorted(POPULATION_COLUMNS)),
            "found": ", ".join(sorted(header)),
        },
        path=str(path),
        line=1,
    )


def _problem(path, line: int, message: str) -> ImportProblem:
    return ImportProblem(message, path=str(path), line=line)


def _date(value: str, column: str, line: int, path) -> date:
    match = _DATE.fullmatch(value)
    try:
        if not match:
            raise ValueError
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    except ValueError:
        raise _problem(
            path,
            line,
            _("%(column)s is not a date (dd/mm/yyyy): %(value)r")
            % {"column": column, "value": value},
        ) from None


def _nis(value: str, column: str, line: int, path) -> str:
    if not _NIS.fullmatch(value):
        raise _problem(
            path,
            line,
            _("%(column)s is not a five-digit NIS code: %(value)r")
            % {"column": column, "value": value},
        )
    return value


def _names(nl: str, fr: str, de: str, languages: str, german_speaking: bool):
    official = set(languages.split(","))
    candidates = [("nl", nl), ("fr", fr)]
    if de and (german_speaking or (de != nl and de != fr)):
        candidates.append(("de", de))
    return [
        (lang, name, "official" if lang in official else "exonym")
        for lang, name in candidates
        if name
    ]


def refnis_records(path: str | Path, on: date | None = None) -> list[TerritoryRecord]:
    on = on or date.today()
    rows = []  # every row is checked, also those not valid on ``on``
    for line, row in read_csv(path, REFNIS_COLUMNS):
        level = row["LVL_REFNIS"]
        if level not in ("1", "2", "3", "4"):
            raise _problem(
                path, line, _("LVL_REFNIS must be 1, 2, 3 or 4, not %(value)r") % {"value": level}
            )
        code = _nis(row["CD_REFNIS"], "CD_REFNIS", line, path)
        sup = row["CD_SUP_REFNIS"]
        if sup != "-":
            _nis(sup, "CD_SUP_REFNIS", line, path)
        elif level != "1" and level != "2":
            raise _problem(path, line, _("CD_SUP_REFNIS is empty ('-') below province level"))
        start = _date(row["DT_VLDT_START"], "DT_VLDT_START", line, path)
        end = _date(row["DT_VLDT_END"], "DT_VLDT_END", line, path)
        if end < start:
            raise _problem(path, line, _("DT_VLDT_END is before DT_VLDT_START"))
        if not (row["TX_REFNIS_NL"] or row["TX_REFNIS_FR"]):
            raise _problem(path, line, _("the unit has neither a Dutch nor a French name"))
        rows.append((line, level, code, sup, row, start, end))

    current: dict[str, tuple] = {}
    for item in rows:
        line, _level, code, _sup, _row, start, end = item
        if start <= on <= end:
            if code in current:
                raise _problem(
                    path,
                    line,
                    _("code %(code)s is valid twice on %(date)s (also line %(first)s)")
                    % {"code": code, "date": on.isoformat(), "first": current[code][0]},
                )
            current[code] = item

    def region_of(code: str) -> str | None:
        """The region a unit belongs to (walking up), or None (Brabant before 1995)."""
        seen = 0
        while code in current and seen < 5:
            _line, level, _code, sup, *_rest = current[code]
            if level == "1":
                return code
            code, seen = sup, seen + 1
        return None

    result = []
    for line, level, code, sup, row, start, end in sorted(current.values()):
        if level == "3":
            continue
        if level == "1":
            parent = "ISO:BE"
        elif sup == "-":
            parent = "ISO:BE"
        else:
            parent = sup
            if parent not in current:
                raise _problem(
                    path,
                    line,
                    _("CD_SUP_REFNIS %(code)s is not a unit valid on %(date)s")
                    % {"code": parent, "date": on.isoformat()},
                )
            if current[parent][1] == "3":  # arrondissement → its province or region
                parent = current[parent][3]
                if parent not in current:
                    raise _problem(
                        path,
                        line,
                        _("the arrondissement's parent %(code)s is not a unit valid on %(date)s")
                        % {"code": parent, "date": on.isoformat()},
                    )
            if current[parent][1] not in ("1", "2") or current[parent][1] >= level:
                raise _problem(
                    path,
                    line,
                    _("CD_SUP_REFNIS %(code)s is not a region or province above this unit")
                    % {"code": sup},
                )
            parent = f"BE-NIS:{parent}"
        german_speaking = level == "4" and code in BE_GERMAN_SPEAKING
        if german_speaking:
            languages = "de"
        else:
            languages = BE_REGION_LANGUAGES.get(region_of(code) or "", "fr,nl")
        names = _names(
            _label(row["TX_REFNIS_NL"]),
            _label(row["TX_REFNIS_FR"]),
            _label(row["TX_REFNIS_DE"]),
            languages,
            german_speaking,
        )
        by_language = {lang: name for lang, name, _kind in names}
        main = languages.split(",")[0]
        if main not in by_language:
            main = names[0][0]
        result.append(
            TerritoryRecord(
                code=f"BE-NIS:{code}",
                level=LEVELS[level],
                country="BE",
                name=by_language[main],
                name_language=main,
                parent_code=parent,
                names=names,
                languages=languages,
                source=SOURCE_REFNIS,
                valid_from=start,
                valid_to=None if end == OPEN_END else end,
                line=line,
            )
        )
    return result


_DISAMBIGUATION = re.compile(r"\s*\([^()]*\)$")


def _label(text: str) -> str:
    """REFNIS labels repeat the arrondissement to tell namesakes apart ("Aalst (Aalst)",
    "Hofstade (Zemst)"): the name is the part before it."""
    return _DISAMBIGUATION.sub("", text).strip()


def refnis_vintage(records: list[TerritoryRecord]):
    """The last change a REFNIS file knows of: units absent from it ended before then."""
    starts = [r.valid_from for r in records if r.level == "municipality" and r.valid_from]
    return max(starts) if starts else None


def _year_from_name(path: str | Path) -> int | None:
    """``…_2020.csv`` → 2020, ``…_20250101.csv`` → 2025."""
    match = re.search(r"(?<!\d)((?:19|20)\d\d)(?:\d{4})?(?!\d)", Path(path).name)
    return int(match.group(1)) if match else None


def _province_of(nis: str) -> str:
    """The province (or, for Brussels, the region) of a municipality, from its NIS code."""
    return BRABANT.get(nis[:2], nis[0] + "0000")


def population_records(path: str | Path, year: int | None = None) -> list[TerritoryRecord]:
    year = year or _year_from_name(path)
    result = []
    seen: dict[str, int] = {}
    for line, row in read_csv(path, POPULATION_COLUMNS):
        nis = _nis(row["NIS code"], "NIS code", line, path)
        if nis in seen:
            raise _problem(
                path,
                line,
                _("NIS code %(code)s appears twice (first on line %(first)s)")
                % {"code": nis, "first": seen[nis]},
            )
        seen[nis] = line
        try:
            men = parse_int(row["Mannen"], "Mannen", line, blank_ok=False)
            women = parse_int(row["Vrouwen"], "Vrouwen", line, blank_ok=False)
            total = parse_int(row["Totaal"], "Totaal", line, blank_ok=False)
        except ImportProblem as problem:
            raise _problem(path, line, problem.reason) from None
        if men + women != total:
            raise _problem(
                path,
                line,
                _("Mannen + Vrouwen (%(sum)s) is not Totaal (%(total)s)")
                % {"sum": men + women, "total": total},
            )
        name = _label(row["Woonplaats"])
        if not name:
            raise _problem(path, line, _("Woonplaats (the name) is empty"))
        common = {"population": total, "population_year": year, "source": SOURCE_POPULATION}
        if nis == COUNTRY_NIS:
            result.append(
                TerritoryRecord(
                    code="ISO:BE",
                    level="country",
                    country="BE",
                    update_only=True,
                    line=line,
                    **common,
                )
            )
            continue
        if nis in BE_REGION_LANGUAGES or nis in ("20001", "20002") or nis.endswith("0000"):
            level = "region" if nis in BE_REGION_LANGUAGES else "province"
            result.append(
                TerritoryRecord(
                    code=f"BE-NIS:{nis}",
                    level=level,
                    country="BE",
                    update_only=True,
                    line=line,
                    **common,
                )
            )
            continue
        if nis.endswith("000"):
            continue  # an arrondissement: not stored
        province = _province_of(nis)
        if nis in BE_GERMAN_SPEAKING:
            languages = "de"
        elif province == "04000":
            languages = BE_REGION_LANGUAGES["04000"]
        elif province in FLEMISH_PROVINCES:
            languages = BE_REGION_LANGUAGES["02000"]
        else:
            languages = BE_REGION_LANGUAGES["03000"]
        kind = "official" if "nl" in languages.split(",") else "exonym"
        result.append(
            TerritoryRecord(
                code=f"BE-NIS:{nis}",
                level="municipality",
                country="BE",
                # No main name: the Dutch name is added, and names only a new territory.
                names=[("nl", name, kind)],
                parent_code=f"BE-NIS:{province}",
                languages=languages,
                line=line,
                **common,
            )
        )
    return result
