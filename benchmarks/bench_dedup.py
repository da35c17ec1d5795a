"""Near-duplicate index: cost of add() as the index grows, memory, and how the threshold was chosen.

    python benchmarks/bench_dedup.py --speed [--sizes 1000 100000]
    python benchmarks/bench_dedup.py --threshold [--bench DIR]
    python benchmarks/bench_dedup.py --clusters [--bench DIR]

--speed fills a NearDupIndex with synthetic articles (400 words drawn from a 20,000-word
vocabulary, fixed seed; every tenth one a light edit of an earlier one, so groups form) and, at each
size, times 1,000 further add() calls (CPU time of this process, and wall time). The per-document cost should not grow with the index.
Memory is the process's resident size before and after filling, per indexed document.

--threshold reads the ECB+ articles of the benchmark (never copied into the repository) and
measures the estimated Jaccard similarity of (a) each article and a re-published copy of it: new
headline, byline and share line, one paragraph of update appended, the last sentence cut;
(b) pairs of different articles reporting the same event, the hardest non-duplicates.

--clusters profiles the ECB+ articles (clean, then words and names; no understand stage) and
times EventClusterer.add() one article at a time, then add_all() on the same articles.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import time
from itertools import combinations
from pathlib import Path

from dragoman.dedup import NearDupIndex

WORDS_PER_DOC = 400
VOCABULARY = 20_000
TIMED_ADDS = 1_000


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc), in MB."""
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def word(k: int) -> str:
    """A made-up word of letters only ("baqe"), so the tokenizer keeps it whole."""
    letters = ""
    k += 26 * 27  # at least three letters
    while k:
        k, r = divmod(k, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return letters


def synthetic_docs(
    rng: random.Random, vocab: list[str], n: int, start: int
) -> list[tuple[str, str]]:
    docs: list[tuple[str, str]] = []
    for i in range(start, start + n):
        words = rng.choices(vocab, k=WORDS_PER_DOC)
        if docs and i % 10 == 0:  # a re-published copy of a recent article with a few words changed
            words = docs[-1][1].split()
            for k in rng.sample(range(len(words)), 8):
                words[k] = rng.choice(vocab)
        docs.append((f"a_{i:08d}", " ".join(words)))
    return docs


def speed(sizes: list[int]) -> None:
    rng = random.Random(7)
    vocab = [word(k) for k in range(VOCABULARY)]
    index = NearDupIndex()
    before = rss_mb()
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    print(
        f"{'indexed':>9} {'CPU us/add':>11} {'wall us/add':>12} {'RSS MB':>8} {'KB/doc':>7} {'groups':>7}"
    )
    made = 0
    for size in sorted(sizes):
        while made < size:
            batch = synthetic_docs(rng, vocab, min(10_000, size - made), made)
            for doc_id, text in batch:
                index.add(doc_id, text)
            made += len(batch)
        grown = rss_mb()
        timed = synthetic_docs(rng, vocab, TIMED_ADDS, 10_000_000 + made)
        t0, c0 = time.perf_counter(), time.process_time()
        for doc_id, text in timed:
            index.add(doc_id, text)
        per_add = (time.perf_counter() - t0) / TIMED_ADDS * 1e6
        cpu_per_add = (time.process_time() - c0) / TIMED_ADDS * 1e6
        print(
            f"{size:>9,} {cpu_per_add:>11.0f} {per_add:>12.0f} {grown:>8.0f} {(grown - before) * 1e3 / size:>7.2f} "
            f"{len(index.groups()):>7,}"
        )
    t0 = time.perf_counter()
    saved = index.to_bytes()
    t1 = time.perf_counter()
    NearDupIndex.from_bytes(saved)
    t2 = time.perf_counter()
    print(
        f"to_bytes {t1 - t0:.1f} s ({len(saved) / 1e6:.0f} MB), from_bytes {t2 - t1:.1f} s, {len(index):,} docs"
    )


def republished(text: str, rng: random.Random, update: str) -> str:
    """A syndicated copy: other headline and furniture, an update paragraph, the last sentence cut."""
    lines = text.split("\n")
    body = lines[1:] if len(lines) > 3 else lines
    if len(body) > 3:
        body = body[:-1]
    return (
        "\n".join(
            [
                f"Latest: {rng.choice(['World', 'News', 'Report'])} update",
                "By Staff Writer | 3 min read",
                *body,
                update,
            ]
        )
        + "\nShare this story on social media."
    )


def threshold(bench: Path) -> None:
    path = bench / "coref" / "ecbplus_dev.jsonl"
    docs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    rng = random.Random(11)
    index = NearDupIndex()
    positives: list[float] = []
    for k, d in enumerate(docs):
        update = docs[(k * 7 + 3) % len(docs)]["text"].split("\n")[-1]  # a paragraph from elsewhere
        index.add(d["id"], d["text"])
        index.add(d["id"] + "~copy", republished(d["text"], rng, update))
        positives.append(index.similarity(d["id"], d["id"] + "~copy"))
    by_event: dict[str, list[str]] = {}
    for d in docs:
        by_event.setdefault(d["doc_event"], []).append(d["id"])
    negatives = sorted(
        (index.similarity(a, b), a, b) for ids in by_event.values() for a, b in combinations(ids, 2)
    )
    positives.sort()
    print(
        f"{len(positives)} re-published copies; {len(negatives)} pairs of different reports of one event"
    )
    q = [positives[int(p * (len(positives) - 1))] for p in (0.0, 0.01, 0.05, 0.5)]
    print("copies: min {:.2f}, 1st pct {:.2f}, 5th pct {:.2f}, median {:.2f}".format(*q))
    top = negatives[-5:]
    print("same-event pairs, most similar: " + ", ".join(f"{s:.2f} ({a} {b})" for s, a, b in top))
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        recall = sum(1 for s in positives if s >= t) / len(positives)
        above = sum(1 for s, _, _ in negatives if s >= t)
        print(
            f"threshold {t:.1f}: copies found {recall:.3f}; same-event pairs at or above: {above}"
        )


def clusters(bench: Path) -> None:
    from dragoman.dedup import EventClusterer, load_settings
    from dragoman.eval.tasks.doc_clusters import profile_item
    from dragoman.options import Options

    path = bench / "coref" / "ecbplus_dev.jsonl"
    docs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    settings = load_settings().clusters
    profiles = [profile_item(d, settings, Options(), people=False) for d in docs]
    one_by_one = EventClusterer(settings)
    c0 = time.process_time()
    slowest = 0.0
    for p in profiles:
        t0 = time.process_time()
        one_by_one.add(p)
        slowest = max(slowest, time.process_time() - t0)
    each = time.process_time() - c0
    batch = EventClusterer(settings)
    c0 = time.process_time()
    batch.add_all(profiles)
    at_once = time.process_time() - c0
    assert batch.clusters() == one_by_one.clusters()
    blocks = json.loads(batch.to_json())["blocks"]
    print(
        f"{len(profiles)} articles, {len(batch.clusters())} clusters, largest block {max(map(len, blocks))}: "
        f"add() {each / len(profiles) * 1e3:.1f} ms CPU per article (slowest {slowest * 1e3:.0f} ms), "
        f"add_all() {at_once / len(profiles) * 1e3:.1f} ms per article"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--threshold", action="store_true")
    parser.add_argument("--clusters", action="store_true")
    default_bench = os.environ.get("DRAGOMAN_BENCH") or str(
        Path(__file__).resolve().parents[1].parent / "shared" / "bench"
    )
    parser.add_argument("--bench", type=Path, default=Path(default_bench))
    args = parser.parse_args()
    if not (args.speed or args.threshold or args.clusters):
        parser.error("choose --speed, --threshold and/or --clusters")
    if args.threshold:
        threshold(args.bench)
    if args.clusters:
        clusters(args.bench)
    if args.speed:
        speed(args.sizes)


if __name__ == "__main__":
    main()
