"""Training examples from the dev bench (../shared/bench), read in place and never copied.

    examples = read_examples(bench, sets=("plover_gsr", "conflibert_cameo", "diplomacy"))

One example per gold item (a sentence or a short snippet), or per labelled sentence of the
diplomacy pages. Its labels, one per head of the model, come from the gold as the bench READMEs
describe it:

* ``event``: "1" when the item has events, "0" for ``no_event`` items, the diplomacy negatives and
  every sentence of a page the gold says has no event (the sports page);
* ``root``: the CAMEO root of the item's first real CAMEO code (PETRARCH's test-only codes skipped);
* ``penta``: ConfliBERT's class, or the class of that root;
* ``plover``: the first gold PLOVER type (human or derived, and the suggested type of CASE 2021).

``group`` keeps near-duplicates together when folds are drawn (the bench's ``group`` field; one
group per diplomacy page).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman import clean, ingest, understand
from dragoman.coding._prefix import may_match, word_starts
from dragoman.coding.coder import RuleCoder, _views
from dragoman.coding.rules import find_matches, without_content
from dragoman.errors import ConfigError, DataFileError
from dragoman.eval.bench import SetSpec, load_manifest
from dragoman.eval.tasks._common import read_jsonl, text_article
from dragoman.learn.features import Structure, penta_class
from dragoman.learn.review import structure_of
from dragoman.model import Annotations, Article, Rejected
from dragoman.options import CodingOptions, Options

__all__ = ["Example", "Sentence", "read_examples", "sentences_of"]

_ITEM_TASKS = ("sentence_events", "sentence_class")
_DOC_TASKS = ("diplomacy_articles",)
_TODAY = "2026-01-01"  # ingest date of pages without one: fixed, so training is reproducible


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    structure: Structure


@dataclass(frozen=True)
class Example:
    id: str
    set: str
    group: str
    sentences: tuple[Sentence, ...]  # as the pipeline splits and reads the item
    labels: dict[str, str] = field(default_factory=dict)  # head -> label

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


def read_examples(bench: Path, sets: Sequence[str]) -> list[Example]:
    """The labelled examples of the named sets of ``bench``, in manifest then file order.

    Raises:
        ConfigError: a set is not in the manifest, or its task cannot give training labels.
    """
    specs = {s.name: s for s in load_manifest(bench)}
    unknown = [name for name in sets if name not in specs]
    if unknown:
        raise ConfigError(
            f"no set named {', '.join(unknown)} in {bench / 'manifest.json'}; "
            f"known sets: {', '.join(sorted(specs))}"
        )
    reader = _SentenceReader()
    examples: list[Example] = []
    for name in sets:
        spec = specs[name]
        if spec.task in _ITEM_TASKS:
            examples.extend(_item_examples(spec, reader))
        elif spec.task in _DOC_TASKS:
            examples.extend(_page_examples(spec, reader))
        else:
            raise ConfigError(
                f"set {name!r} has task {spec.task!r}, which gives no coding labels; "
                f"train on sets of tasks {', '.join(_ITEM_TASKS + _DOC_TASKS)}"
            )
    return examples


class _SentenceReader:
    """Splits and reads text as the coder does (sentences, actors, rule trigger candidates)."""

    def __init__(self) -> None:
        self.coder = RuleCoder(CodingOptions(use_model=False))
        self.opts = Options()

    def article(self, text: str, published: str | None, origin: str) -> tuple[Sentence, ...]:
        article = text_article(text, published=published, origin=origin)
        return self.annotated(article, understand.annotate(article, self.opts.understand))

    def annotated(self, article: Article, annotations: Annotations) -> tuple[Sentence, ...]:
        del article
        return tuple(self.sentence(view) for view in _views(annotations))

    def sentence(self, view: Any) -> Sentence:
        text = view.sentence.text
        lexicon, rules = self.coder.lexicon_, self.coder.status_rules_
        index = word_starts(text)
        cues = lexicon.cues
        sports = (
            cues.sports is not None
            and may_match(index, cues.sports_prefixes)
            and cues.sports.search(text) is not None
        )
        matches = [] if sports else without_content(rules, text, find_matches(lexicon, text, index))
        countries = {m.actor.country for m in view.actors if m.actor.country}
        return Sentence(
            text, structure_of(matches, actors=len(view.actors), countries=len(countries))
        )


def sentences_of(text: str, published: str | None = None) -> tuple[Sentence, ...]:
    """``text`` as the pipeline splits and reads it (for tests and tools)."""
    return _SentenceReader().article(text, published, "sentences_of")


def _item_examples(spec: SetSpec, reader: _SentenceReader) -> Iterator[Example]:
    for item in read_jsonl(spec.path):
        if item.get("scorable", True) is False:
            continue
        labels = _item_labels(item)
        if not labels:
            continue
        yield Example(
            id=str(item["id"]),
            set=spec.name,
            group=str(item.get("group") or item["id"]),
            sentences=reader.article(item["text"], item.get("date"), str(item["id"])),
            labels=labels,
        )


def _item_labels(item: dict[str, Any]) -> dict[str, str]:
    labels: dict[str, str] = {}
    events = list(item.get("events") or ())
    if item.get("no_event"):
        return {"event": "0"}
    if not events:
        return labels
    labels["event"] = "1"
    roots = [
        e["cameo"][:2]
        for e in events
        if e.get("cameo") and not e.get("cameo_test_only") and penta_class(e["cameo"][:2])
    ]
    if roots:
        labels["root"] = roots[0]
        labels["penta"] = str(penta_class(roots[0]))
    label = item.get("label")
    if isinstance(label, dict) and label.get("penta") is not None:
        labels["penta"] = str(label["penta"])
    plovers = [e["plover"] for e in events if e.get("plover")]
    if plovers:
        labels["plover"] = plovers[0]
    return labels


def _page_examples(spec: SetSpec, reader: _SentenceReader) -> Iterator[Example]:
    """Labelled sentences of the diplomacy pages: gold evidence (the event's PLOVER type), the
    gold negatives, and every sentence of a page with no gold event."""
    try:
        gold = json.loads(spec.path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise DataFileError(f"{spec.path}: cannot read the gold ({e})") from e
    docs_dir = spec.file("docs_dir") or spec.path.parent
    evidence: dict[str, list[tuple[str, str]]] = {}
    for event in gold.get("events", ()):
        for file, snippet in (event.get("evidence") or {}).items():
            evidence.setdefault(file, []).append((snippet, event["event_type"]))
    negatives: dict[str, list[str]] = {}
    for neg in gold.get("negatives", ()):
        negatives.setdefault(neg["file"], []).append(neg["sentence"])
    for doc in gold.get("documents", ()):
        file = doc["file"]
        sentences = _page_sentences(docs_dir / file, reader)
        quiet = file not in evidence
        for k, sentence in enumerate(sentences):
            labels = _sentence_labels(
                sentence.text, evidence.get(file, ()), negatives.get(file, ()), quiet=quiet
            )
            if labels:
                yield Example(
                    id=f"{spec.name}/{file}#{k}",
                    set=spec.name,
                    group=f"{spec.name}/{file}",
                    sentences=(sentence,),
                    labels=labels,
                )


def _sentence_labels(
    text: str, evidence: Sequence[tuple[str, str]], negatives: Sequence[str], *, quiet: bool
) -> dict[str, str]:
    for snippet, event_type in evidence:
        if snippet in text:
            return {"event": "1", "plover": event_type}
    if quiet or any(neg in text or text in neg for neg in negatives):
        return {"event": "0"}
    return {}


def _page_sentences(path: Path, reader: _SentenceReader) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for raw in ingest.read_file(path, reader.opts.ingest, today=_TODAY):
        if isinstance(raw, Rejected):
            continue
        article = clean.clean(raw, reader.opts.clean)
        if isinstance(article, Rejected):
            continue
        out.extend(reader.annotated(article, understand.annotate(article, reader.opts.understand)))
    return tuple(out)
