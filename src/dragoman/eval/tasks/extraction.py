"""Task ``extraction``: HTML page -> main text, scored as the article-extraction benchmark does.

Each page is read by ``ingest.read_file`` and cleaned by ``clean.clean``, as ``dragoman ingest``
does; our text is ``Article.text`` (the headline is kept apart in ``Article.title``, as the gold
leaves it out). A rejected page outputs nothing.

Scoring (bench/extraction/README.md), the benchmark's own measure: tokens are runs of ``\\w``
(case kept), compared as bags of 4-token shingles per page; ``precision`` is the mean page
precision over pages where we output something, ``recall`` the mean page recall over all pages,
``f1`` their harmonic mean (not a mean of page F1s); ``politics_f1`` the same over the pages whose
``topic`` is not ``other``. Diagnostics add the plain variant, bags of lower-case single words
(``*_words``), and the share of pages rejected.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dragoman import clean, ingest
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import f1, ratio
from dragoman.eval.tasks._common import add_error, drop_none, read_jsonl, tick
from dragoman.model import Rejected
from dragoman.options import Options

_WORD = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str, *, lower: bool = False) -> list[str]:
    return _WORD.findall(text.lower() if lower else text)


def shingles(words: Sequence[str], n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Every window of ``n`` words; a shorter text is one shingle, an empty one none."""
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_scores(
    gold: str, ours: str, *, n: int = SHINGLE, lower: bool = False
) -> tuple[float | None, float]:
    """(precision, recall) of one page; precision is None when we output nothing."""
    g = shingles(tokens(gold, lower=lower), n)
    p = shingles(tokens(ours, lower=lower), n)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    return precision, tp / (tp + fn) if tp + fn else 1.0


def pooled(
    pages: list[tuple[float | None, float]],
) -> tuple[float | None, float | None, float | None]:
    """(precision, recall, f1) over pages, as the benchmark pools them."""
    precisions = [p for p, _ in pages if p is not None]
    precision = sum(precisions) / len(precisions) if precisions else None
    recall = sum(r for _, r in pages) / len(pages) if pages else None
    if precision is None and recall is not None:
        return 0.0, recall, 0.0  # nothing output on any page
    if precision is None or recall is None:
        return None, None, None
    return precision, recall, f1(precision, recall)


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    html_dir = spec.file("html_dir")
    assert html_dir is not None  # Task.needs checked it
    gold_pages = read_jsonl(spec.path, limit)
    today = opts.ingest.ingested or date.today().isoformat()
    shingled: list[tuple[float | None, float]] = []
    words: list[tuple[float | None, float]] = []
    politics: list[tuple[float | None, float]] = []
    rejected = missing = 0
    errors: list[str] = []
    for page in tick(gold_pages, progress):
        path = html_dir / f"{page['id']}.html"
        if not path.is_file():
            missing += 1
            add_error(errors, f"{page['id']}: no page {path}")
            continue
        text, reason = _clean_page(path, opts, today)
        if reason:
            rejected += 1
            add_error(errors, f"{page['id']} ({page.get('url')}): rejected: {reason}")
        scores = page_scores(page["articleBody"], text)
        shingled.append(scores)
        words.append(page_scores(page["articleBody"], text, n=1, lower=True))
        if page.get("topic", "other") != "other":
            politics.append(scores)
        if scores[0] is not None and (scores[0] < 0.7 or scores[1] < 0.7):
            add_error(
                errors,
                f"{page['id']} ({page.get('url')}): precision {scores[0]:.2f}, "
                f"recall {scores[1]:.2f}",
            )
    precision, recall, f = pooled(shingled)
    metrics = {
        "precision": precision,
        "recall": recall,
        "f1": f,
        "politics_f1": pooled(politics)[2] if politics else None,
    }
    wp, wr, wf = pooled(words)
    diagnostics: dict[str, Any] = {
        "pages": len(shingled),
        "politics_pages": len(politics),
        "rejected_pages": rejected,
        "missing_pages": missing,
        "precision_words": wp,
        "recall_words": wr,
        "f1_words": wf,
        "rejected_rate": ratio(rejected, len(shingled)),
    }
    return TaskOutput(
        n=len(shingled), metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def _clean_page(path: Path, opts: Options, today: str) -> tuple[str, str | None]:
    """Our main text of one saved page, and the reason when it was rejected."""
    for raw in ingest.read_file(path, opts.ingest, today=today):
        if isinstance(raw, Rejected):
            return "", raw.reason
        article = clean.clean(raw, opts.clean)
        if isinstance(article, Rejected):
            return "", article.reason
        return article.text, None
    return "", "ingest read nothing"
