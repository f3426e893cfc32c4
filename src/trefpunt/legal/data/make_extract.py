"""Build ``treaties_extract.jsonl``: the packaged demo extract of the legal library.

Run from the repository root:  python src/trefpunt/legal/data/make_extract.py PATH/TO/
treaties_crossborder_BE_LU_DE_FR.jsonl

It keeps the crisis and cooperation treaties named in the data set's SOURCES.md, each with its
title and its text up to the end of its third article (preamble and first articles), plus
``path`` and ``source_commit`` so the demo links to the source. The texts are official treaty
texts (no copyright, Dutch Auteurswet art. 11).
"""

import json
import re
import sys
from pathlib import Path

KEEP = (
    "BWBV0002224",  # NL–BE mutual assistance in disasters and accidents
    "BWBV0002494",  # its first implementing agreement
    "BWBV0002163",  # NL–DE mutual assistance in disasters
    "BWBV0001273",  # NL–DE cost of assistance
    "BWBV0003156",  # BE–NL–LU MoU on crisis management with cross-border effects
    "BWBV0001813",  # NL–DE cross-border police cooperation
    "BWBV0006323",  # Benelux convention on cross-border and inter-territorial cooperation
    "BWBV0004011",  # European Outline Convention on transfrontier co-operation (Madrid 1980)
    "BWBV0002367",  # Anholt agreement (NL–DE–Niedersachsen–NRW), 1991
    "BWBV0004497",  # Benelux protocol on compulsory motor insurance (search example)
)
ARTICLES_KEPT = 3
ARTICLE = re.compile(r"^(?:#{1,6}\s*|\*\*\s*)(?:Artikel|Article|Art\.?)\s+\S", re.M)
OUT = Path(__file__).with_name("treaties_extract.jsonl")


def extract(text: str) -> str:
    starts = [match.start() for match in ARTICLE.finditer(text)]
    if len(starts) > ARTICLES_KEPT:
        return text[: starts[ARTICLES_KEPT]].rstrip() + "\n"
    return text[:6000]


def main(source: str) -> None:
    records = {}
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            if data["bwb_id"] in KEEP:
                text = extract(data["text"])
                records[data["bwb_id"]] = {
                    "bwb_id": data["bwb_id"],
                    "title": data["title"],
                    "crisis_related": data["crisis_related"],
                    "path": data["path"],
                    "source_commit": data["source_commit"],
                    "n_chars": len(text),
                    "text": text,
                }
    with OUT.open("w", encoding="utf-8") as out:
        for bwb_id in KEEP:
            if bwb_id in records:
                out.write(json.dumps(records[bwb_id], ensure_ascii=False) + "\n")
    print(f"{len(records)} acts written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
