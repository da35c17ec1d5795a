"""Score the clean stage on the extraction benchmark (main text from HTML), and time it.

    python tests/clean/clean_bench.py [--limit N] [--show-removed] [--speed]

Prints, for trafilatura alone (the same call the clean stage makes) and for the clean stage
(trafilatura + our furniture layer): precision, recall and F1 the benchmark's way (4-token
shingles, case kept, P and R averaged over pages, F1 from the means), the plain token variant
(1-token, lower case), the mean per-page token F1, and pages per second. ``--speed`` also times
the clean stage on a synthetic 100 KB page (our fixture article padded with menus, scripts,
teasers and comments), the page size the speed target is set for.
The benchmark's pages stay outside the repository; see its README for licence and scoring.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# ../shared/bench beside the clone (as CI lays it out), or wherever $DRAGOMAN_BENCH points.
BENCH = Path(os.environ.get("DRAGOMAN_BENCH") or Path(__file__).resolve().parents[3] / "shared" / "bench") / "extraction"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    gold: str
    html: bytes
    topic: str


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    mean_page_f1: float


def load_pages(root: Path = BENCH, limit: int | None = None) -> list[Page]:
    pages = []
    with (root / "gold.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            html = (root / "html" / f"{row['id']}.html").read_bytes()
            pages.append(
                Page(row["id"], row["url"], row["articleBody"], html, row.get("topic", ""))
            )
            if limit is not None and len(pages) >= limit:
                break
    return pages


def shingles(text: str, *, size: int = 4, lower: bool = False) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower() if lower else text)
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_scores(gold: str, pred: str, *, size: int, lower: bool) -> tuple[float, float, bool]:
    """Page precision, recall, and whether anything was predicted (bags of shingles)."""
    g, p = shingles(gold, size=size, lower=lower), shingles(pred, size=size, lower=lower)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0, tp > 0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, tp + fp > 0


def score(pairs: Iterable[tuple[str, str]], *, size: int = 4, lower: bool = False) -> Score:
    """(gold, predicted) texts -> the benchmark's P/R/F1 and the mean of per-page F1."""
    precisions, recalls, f1s = [], [], []
    for gold, pred in pairs:
        p, r, predicted = page_scores(gold, pred, size=size, lower=lower)
        if predicted:
            precisions.append(p)
        recalls.append(r)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    mp = sum(precisions) / len(precisions) if precisions else 0.0
    mr = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    return Score(mp, mr, f1, sum(f1s) / len(f1s) if f1s else 0.0)


def run(pages: Sequence[Page], extract: Callable[[Page], str]) -> tuple[list[str], float]:
    start = time.perf_counter()
    outputs = [extract(page) for page in pages]
    return outputs, len(pages) / (time.perf_counter() - start)


def trafilatura_alone(page: Page) -> str:
    """trafilatura with the arguments the clean stage passes, and nothing of ours."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        page.html.decode("utf-8"),
        fast=True,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return doc.text if doc is not None and doc.text else ""


def trafilatura_default(page: Page) -> str:
    import trafilatura

    doc = trafilatura.bare_extraction(
        page.html.decode("utf-8"), with_metadata=True, include_comments=False
    )
    return doc.text if doc is not None and doc.text else ""


def clean_stage(page: Page) -> str:
    from dragoman.clean import clean
    from dragoman.model import Article, RawDocument
    from dragoman.options import CleanOptions

    raw = RawDocument(id=page.id, origin=f"{page.id}.html", kind="html", content=page.html)
    result = clean(raw, CleanOptions(min_chars=1))
    return result.text if isinstance(result, Article) else ""


def synthetic_page(size: int = 100_000) -> bytes:
    """``geneva_talks.html`` padded to ``size`` bytes with the bulk of a real news page."""
    page = (Path(__file__).parent / "fixtures" / "geneva_talks.html").read_text(encoding="utf-8")
    pad: list[str] = []
    i = 0
    while sum(map(len, pad)) < size - len(page):
        i += 1
        pad.append(
            f'<script>window.__state_{i} = {{"slot": "ad-{i}", "sizes": [[300, 250], [728, 90]], '
            f'"targeting": {{"section": "world", "tags": ["caucasus", "diplomacy"]}}}};</script>\n'
            f'<ul class="menu"><li><a href="/s/{i}">Section {i}</a></li>'
            f'<li><a href="/s/{i}/a">Analysis {i}</a></li></ul>\n'
            f'<aside class="teaser"><h3>More from Lakeside Observer</h3><p><a href="/t/{i}">'
            f"Regional leaders gather for summit number {i} in the mountains</a></p></aside>\n"
            f'<div class="comment"><p>reader_{i} wrote 2 hours ago</p><p>Comment number {i}: the '
            f"talks have gone on for a long time and will go on for longer still.</p></div>\n"
        )
    return page.replace("</body>", "".join(pad) + "</body>").encode("utf-8")


def _speed(pages: Sequence[Page], rounds: int = 3) -> None:
    """Pages per second, best of ``rounds`` (the machine is shared; the best run is the one
    least disturbed), on the benchmark's 70-130 KB pages and on the synthetic 100 KB page."""
    mid = [p for p in pages if 70_000 <= len(p.html) <= 130_000]
    synthetic = Page("synthetic", "", "", synthetic_page(), "other")
    for label, sample in (
        (f"{len(mid)} real pages of 70-130 KB", mid),
        (f"synthetic {len(synthetic.html) / 1000:.0f} KB page x 40", [synthetic] * 40),
    ):
        for name, fn in (
            ("trafilatura as we call it", trafilatura_alone),
            ("clean stage", clean_stage),
        ):
            fn(sample[0])
            rate = max(run(sample, fn)[1] for _ in range(rounds))
            print(f"{name:<24} {label}: {rate:.1f} pages/s (best of {rounds})")


def _report(name: str, pages: Sequence[Page], outputs: list[str], rate: float) -> None:
    pairs = [(p.gold, o) for p, o in zip(pages, outputs, strict=True)]
    sh = score(pairs)
    tok = score(pairs, size=1, lower=True)
    politics = [(p.gold, o) for p, o in zip(pages, outputs, strict=True) if p.topic != "other"]
    pol = score(politics) if politics else None
    print(
        f"{name:<24} shingle4 P {sh.precision:.4f} R {sh.recall:.4f} F1 {sh.f1:.4f} | "
        f"token F1 {tok.f1:.4f} (mean page {tok.mean_page_f1:.4f}) | "
        f"politics F1 {pol.f1 if pol else float('nan'):.4f} | {rate:.1f} pages/s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show-removed", action="store_true",
                        help="list lines our layer dropped that the gold text contains")  # fmt: skip
    parser.add_argument("--speed", action="store_true", help="time 100 KB pages, best of 3")
    args = parser.parse_args(argv)
    if not BENCH.exists():
        print(f"{BENCH} not found", file=sys.stderr)
        return 1
    pages = load_pages(limit=args.limit)
    mb = sum(len(p.html) for p in pages) / len(pages) / 1000
    print(f"{len(pages)} pages, mean {mb:.0f} KB")
    clean_stage(pages[0])  # import and rule loading outside the timing
    for name, fn in (("trafilatura (default)", trafilatura_default),
                     ("trafilatura as we call it", trafilatura_alone),
                     ("clean stage", clean_stage)):  # fmt: skip
        outputs, rate = run(pages, fn)
        _report(name, pages, outputs, rate)
    if args.show_removed:
        _show_removed(pages)
    if args.speed:
        _speed(pages)
    return 0


def _show_removed(pages: Sequence[Page]) -> None:
    """Lines the layer dropped although the gold contains them: rules that are too broad."""
    from dragoman.clean import clean
    from dragoman.model import Article, RawDocument
    from dragoman.options import CleanOptions

    def norm(s: str) -> str:
        return " ".join(_WORD.findall(s.lower()))

    for page in pages:
        raw = RawDocument(id=page.id, origin=page.id, kind="html", content=page.html)
        result = clean(raw, CleanOptions(min_chars=1))
        if not isinstance(result, Article):
            print(f"REJECTED {page.id[:10]}: {result.reason}")
            continue
        gold = norm(page.gold)
        for line in result.removed:
            n = norm(line)
            if len(n) > 15 and n in gold:
                print(f"{page.id[:10]} LOST {line[:150]!r}")


if __name__ == "__main__":
    sys.exit(main())
