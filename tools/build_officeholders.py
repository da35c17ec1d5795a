"""Build dragoman's dated office-holder table from the shared gazetteer.

    python tools/build_officeholders.py                   # defaults: ../shared next to the repo
    python tools/build_officeholders.py --shared /path/to/shared --out src/dragoman/data/actors

Reads ``bench/gazetteer/leaders.jsonl`` (never at run time) and writes
``officeholders.tsv.gz`` into the actor data folder: one line per dated row of every source
whose licence allows redistribution (``LICENCES`` below; a source not listed there stops the
build, so that a new source is reviewed before it ships). Columns, tab-separated, with a header:

    name  aliases  iso3  igo  place  role  position  start  end  snapshot  source  wikidata  note

``aliases`` are joined by ``|``; ``place`` is the source's name of an entity with neither an ISO3
nor an IGO code ("Republic of Abkhazia"); ``start``/``end`` are ISO dates of the source's
precision ("2014", "2014-03", "2014-03-05"), empty when unknown (start) or open (end: in office
at ``snapshot``). Rows are sorted and the gzip header carries no time or file name, so
re-running on the same input writes the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "dragoman" / "data" / "actors"
OUT_NAME = "officeholders.tsv.gz"

# Licence of each source, from bench/gazetteer/README.md ("Sources, commits and licences").
LICENCES = {
    "wikidata-heads": "CC0 1.0 (Wikidata)",
    "wikidata-foreign-ministers": "CC0 1.0 (Wikidata)",
    "wikidata-igo-officials": "CC0 1.0 (Wikidata)",
    "world-leaders-current": "CC BY-SA 4.0 (open-data-archive/world-leaders-current)",
    "countryinfo-rulers": "CC BY-SA 3.0 (CountryInfo, Philip A. Schrodt; from rulers.org)",
    "countryinfo-cabinet": "CC BY-SA 3.0 (CountryInfo; from the CIA World Leaders directory)",
    "phoenix-igo-rulers": "MIT (PETRARCH2 Phoenix dictionaries, Open Event Data Alliance)",
}
COLUMNS = ("name", "aliases", "iso3", "igo", "place", "role", "position", "start", "end",
           "snapshot", "source", "wikidata", "note")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    source = args.shared / "bench" / "gazetteer" / "leaders.jsonl"
    rows = build_rows(read_jsonl(source))
    target = args.out / OUT_NAME
    target.write_bytes(encode(rows))
    print(f"{len(rows)} dated office holders -> {target} ({target.stat().st_size:,} bytes)")
    return 0


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_rows(rows: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    """The table's lines, sorted; rows of an unknown source stop the build."""
    out = set()
    for lineno, row in enumerate(rows, 1):
        if row["source"] not in LICENCES:
            raise SystemExit(
                f"leaders.jsonl:{lineno}: source {row['source']!r} has no licence in LICENCES; "
                "check bench/gazetteer/README.md and add it, or leave its rows out"
            )
        out.add(table_row(row, lineno))
    return sorted(out, key=_order)


def table_row(row: dict[str, Any], lineno: int) -> tuple[str, ...]:
    aliases = sorted({a for a in row.get("aliases") or [] if a != row["name"]})
    has_code = bool(row.get("iso3") or row.get("igo"))
    values = {
        "name": row["name"],
        "aliases": "|".join(aliases),
        "iso3": row.get("iso3") or "",
        "igo": row.get("igo") or "",
        "place": "" if has_code else row.get("country") or "",
        "role": row["role"],
        "position": row.get("position") or "",
        "start": row.get("start") or "",
        "end": row.get("end") or "",
        "snapshot": row["snapshot"],
        "source": row["source"],
        "wikidata": row.get("wikidata") or "",
        "note": row.get("note") or "",
    }
    for key, value in values.items():
        if any(c in value for c in "\t\n\r") or (key == "aliases" and "|" in "".join(aliases)):
            raise SystemExit(f"leaders.jsonl:{lineno}: {key} {value!r} holds a tab, newline or |")
    return tuple(" ".join(values[c].split()) for c in COLUMNS)


def _order(values: tuple[str, ...]) -> tuple[str, ...]:
    row = dict(zip(COLUMNS, values, strict=True))
    code = row["iso3"] or row["igo"] or "~" + row["place"]
    return (code, row["role"], row["start"], row["end"], row["name"], row["source"], *values)


def encode(rows: list[tuple[str, ...]]) -> bytes:
    text = "\t".join(COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    buffer = io.BytesIO()
    # mtime=0 and no file name: the same rows give the same bytes
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))
    return buffer.getvalue()


if __name__ == "__main__":
    sys.exit(main())
