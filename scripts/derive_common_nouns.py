"""Derive summarizer/data/common_nouns.txt.gz and first_names.txt from german-nouns'
nouns.csv (CC BY-SA 4.0).

    pip download --no-deps german-nouns==1.2.5 && unzip german_nouns-*.whl
    python scripts/derive_common_nouns.py german_nouns/nouns.csv

Keeps the capitalised one-word forms of entries that are nouns and not proper names, and,
apart, the entries Wiktionary marks as first names (to tell "Frank Wendler" from a firm)
and as place names (a city is where a deal happens, not who makes it).
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

NAMES = {"Eigenname", "Toponym", "Nachname", "Vorname", "Abkürzung"}
DATA = Path(__file__).resolve().parent.parent / "summarizer" / "data"
OUT = DATA / "common_nouns.txt.gz"
FIRST_NAMES = DATA / "first_names.txt"
PLACES = DATA / "places.txt"


def main(csv_path: str) -> None:
    forms: set[str] = set()
    first_names: set[str] = set()
    places: set[str] = set()
    with open(csv_path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for row in rows:
            kinds = set(row[1].split(","))
            if "Vorname" in kinds and row[0][:1].isupper() and row[0].isalpha():
                first_names.add(row[0])
            if "Toponym" in kinds:
                places.update(f for f in [row[0], *row[7:]] if f[:1].isupper() and " " not in f)
            if "Substantiv" not in kinds or kinds & NAMES:
                continue
            for form in [row[0], *row[7:]]:
                one_word = len(form) >= 3 and form[0].isupper() and " " not in form
                if one_word and (form.isalpha() or "-" in form):
                    forms.add(form)
    OUT.write_bytes(gzip.compress(("\n".join(sorted(forms)) + "\n").encode(), 9, mtime=0))
    FIRST_NAMES.write_text("\n".join(sorted(first_names)) + "\n", encoding="utf-8")
    PLACES.write_text("\n".join(sorted(places)) + "\n", encoding="utf-8")
    print(f"{len(forms)} noun forms, {len(first_names)} first names, {len(places)} places")


if __name__ == "__main__":
    main(sys.argv[1])
