"""Reading Eurostat/GISCO "Healthcare services in Europe" files (``healthcare_XX.csv``).

Which rows are kept (the Benelux and its neighbours, documented in ``docs/data-sources.md``):
- BE, NL, LU: every row.
- DE: North Rhine-Westphalia, approximated by postcode area (32, 33, 40–42, 44–48, 50–53,
  57–59) and the state's bounding box (50.32–52.54 N, 5.86–9.47 E).
- FR: Hauts-de-France and Grand Est by department (postcode): 02, 59, 60, 62, 80 and 08, 10,
  51, 52, 54, 55, 57, 67, 68, 88.

Each kept row gives a ``hospital`` capability (quantity = beds when the file gives them) and,
when the file says ``emergency = yes``, a ``hospital-emergency`` capability (quantity 1).
Fields are kept as given (address, telephone, e-mail, website, dates) and noisy ones flagged.
A line that cannot be read (missing id, coordinates that are not numbers, a bed count that is
not a whole number) is an error: the caller writes nothing.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .reach import in_area

SOURCE = "eurostat-healthcare"
COLUMNS = ("id", "hospital_name", "lat", "lon", "cc", "postcode", "cap_beds", "emergency")
NRW_POSTCODES = {
    "32",
    "33",
    "40",
    "41",
    "42",
    "44",
    "45",
    "46",
    "47",
    "48",
    "50",
    "51",
    "52",
    "53",
    "57",
    "58",
    "59",
}
NRW_BOX = (50.32, 52.54, 5.86, 9.47)
FR_REGIONS = {
    **dict.fromkeys(("02", "59", "60", "62", "80"), "FR-HDF"),
    **dict.fromkeys(("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"), "FR-GES"),
}
KEPT_DETAILS = (
    "site_name",
    "street",
    "house_number",
    "postcode",
    "city",
    "facility_type",
    "public_private",
    "tel",
    "email",
    "url",
    "ref_date",
    "pub_date",
    "geo_qual",
)


@dataclass
class HospitalRow:
    key: str
    name: str
    country: str
    region: str
    latitude: float
    longitude: float
    beds: int | None
    emergency: bool
    details: dict
    flags: list[str] = field(default_factory=list)


def be_region(postcode: str) -> str:
    if not postcode.isdigit():
        return ""
    number = int(postcode)
    if 1000 <= number < 1300:
        return "BE-BRU"
    if 1300 <= number < 1500 or 4000 <= number < 8000:
        return "BE-WAL"
    return "BE-VLG"


def _region(country: str, postcode: str, lat: float, lon: float) -> str | None:
    """The region code, or None when the row is outside the regions kept."""
    code = postcode.strip()
    if country == "BE":
        return be_region(code)
    if country in ("NL", "LU"):
        return ""
    if country == "DE":
        lat_min, lat_max, lon_min, lon_max = NRW_BOX
        inside = lat_min <= lat <= lat_max and lon_min <= lon <= lon_max
        return "DE-NW" if inside and code[:2] in NRW_POSTCODES else None
    if country == "FR":
        return FR_REGIONS.get(code.zfill(5)[:2]) if code.isdigit() else None
    return None


def _flags(raw: dict) -> list[str]:
    flags = []
    postcode = raw.get("postcode") or ""
    if postcode != postcode.strip():
        flags.append("postcode_spaces")
    if not (raw.get("cap_beds") or "").strip():
        flags.append("beds_missing")
    if (raw.get("geo_qual") or "").strip() not in ("1",):
        flags.append("geocode_quality_" + ((raw.get("geo_qual") or "").strip() or "unknown"))
    if not (raw.get("tel") or "").strip():
        flags.append("telephone_missing")
    return flags


def _number(value: str, field_name: str, line: int, errors: list[str]) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        errors.append(
            _("Line %(line)d: %(field)s is not a number (%(value)r).")
            % {"line": line, "field": field_name, "value": value}
        )
        return None


def read(path: Path) -> tuple[list[HospitalRow], list[str]]:
    """The kept rows of ``path`` and the errors of its broken lines."""
    rows: list[HospitalRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            return [], [_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}]
        for raw in reader:
            line = reader.line_num
            if None in raw or any(v is None for v in raw.values()):
                errors.append(_("Line %(line)d: wrong number of fields.") % {"line": line})
                continue
            ident, country = raw["id"].strip(), raw["cc"].strip().upper()
            if not ident or not raw["hospital_name"].strip() or len(country) != 2:
                errors.append(_("Line %(line)d: id, name or country missing.") % {"line": line})
                continue
            lat = _number(raw["lat"], "lat", line, errors)
            lon = _number(raw["lon"], "lon", line, errors)
            beds_text = raw["cap_beds"].strip()
            if beds_text and not beds_text.isdigit():
                errors.append(
                    _("Line %(line)d: cap_beds is not a whole number (%(value)r).")
                    % {"line": line, "value": beds_text}
                )
                continue
            if lat is None or lon is None:
                continue
            region = _region(country, raw["postcode"], lat, lon)
            if region is None:
                continue
            seen[ident] = seen.get(ident, 0) + 1
            key = f"{country}:{ident}" + (f"#{seen[ident]}" if seen[ident] > 1 else "")
            rows.append(
                HospitalRow(
                    key=key,
                    name=raw["hospital_name"].strip(),
                    country=country,
                    region=region,
                    latitude=lat,
                    longitude=lon,
                    beds=int(beds_text) if beds_text else None,
                    emergency=raw["emergency"].strip().lower() == "yes",
                    details={k: raw.get(k, "") for k in KEPT_DETAILS if raw.get(k)},
                    flags=_flags(raw) + ([] if in_area(lat, lon) else ["outside_area"]),
                )
            )
    return rows, errors
