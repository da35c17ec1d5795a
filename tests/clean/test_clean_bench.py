"""The clean stage on real pages: token F1 against the extraction benchmark's gold text.

The benchmark lives outside the repository (its pages belong to their publishers); the test
skips when it is absent. Full numbers: ``python tests/clean/clean_bench.py``.
"""

from __future__ import annotations

import pytest
from clean_bench import BENCH, clean_stage, load_pages, page_scores

SAMPLE_EVERY = 9  # 181 pages -> 20, spread over the sorted ids (topics and sites are mixed)
SAMPLE_SIZE = 20
MIN_MEAN_TOKEN_F1 = 0.85


@pytest.mark.skipif(
    not (BENCH / "gold.jsonl").exists(),
    reason=f"extraction benchmark not found at {BENCH} (shared data, not in the repository)",
)
def test_token_f1_on_benchmark_pages() -> None:
    pages = load_pages()[::SAMPLE_EVERY][:SAMPLE_SIZE]
    assert len(pages) == SAMPLE_SIZE
    f1s = []
    for page in pages:
        precision, recall, _ = page_scores(page.gold, clean_stage(page), size=1, lower=True)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    mean_f1 = sum(f1s) / len(f1s)
    worst = min(zip(f1s, (p.url for p in pages), strict=True))
    assert mean_f1 >= MIN_MEAN_TOKEN_F1, f"mean token F1 {mean_f1:.3f}; worst {worst}"
