"""The learned coding model: linear heads over sentence features, stored as plain arrays + JSON.

    model = load_model()                               # data/models/coder.json + coder.npz
    reading = model.read(text, structure, holdout=True)
    reading.event                                      # P(the sentence states a codeable event)
    reading.candidates[0]                              # Candidate(code="040", event_type="CONSULT", ...)

Four logistic-regression heads share one feature row (``features.py``):

* ``event``: does the sentence state an event at all (the relevance filter);
* ``root``: its CAMEO root (01-20), learned from the CAMEO-coded sets;
* ``penta``: ConfliBERT's five classes, which cover many more sentences than exact roots do;
* ``plover``: its PLOVER type, from the human and derived PLOVER labels.

A candidate code is scored by all three type heads at once (log p(root) + log p(penta of the root) +
log p(PLOVER type)), so each head contributes what its training data knows. Only numpy is needed
to read and apply the model; scikit-learn (the ``[ml]`` extra) only to train it.

**Held-out folds.** The file also holds the k models of the cross-validation, and which fold each
training sentence was in. With ``holdout=True`` a sentence the model was trained on is read by the
fold model that never saw it, so that scoring the model on its own dev data stays honest
(docs/accuracy.md). Every other sentence is read by the full model.

Stored without pickle: ``np.load(..., allow_pickle=False)`` and ``json``.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dragoman.errors import DataFileError
from dragoman.learn.features import (
    Structure,
    Vectorizer,
    is_function_word,
    sentence_features,
    words,
)

__all__ = ["Candidate", "LearnedModel", "Reading", "Weights", "load_model", "sentence_key"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
MODEL_NAME = "coder"
FORMAT = 1
HEADS = ("event", "root", "penta", "plover")
_TOKEN = re.compile(r"\w+(?:'\w+)?")


def sentence_key(text: str) -> str:
    """A short digest of a sentence's words, to recognise the model's training sentences."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A CAMEO code the model may choose, with its PLOVER type and its share of the score."""

    code: str
    event_type: str
    root: str
    penta: str
    probability: float = 0.0


@dataclass(frozen=True, slots=True)
class Reading:
    event: float  # P(the sentence states a codeable event)
    candidates: tuple[Candidate, ...]  # best first; probabilities sum to 1

    def probability(self, root: str) -> float:
        """The summed probability of the candidates with this CAMEO root."""
        return sum(c.probability for c in self.candidates if c.root == root)


@dataclass(frozen=True)
class Weights:
    """One trained model: a (features x classes) matrix and intercepts, head columns in ``slices``."""

    coef: np.ndarray
    intercept: np.ndarray
    slices: Mapping[str, tuple[int, int]]

    def scores(self, idx: list[int], val: list[float]) -> np.ndarray:
        if not idx:
            return self.intercept.astype(np.float64)
        rows = self.coef[idx].astype(np.float64)
        return np.asarray(val, dtype=np.float64) @ rows + self.intercept


@dataclass(frozen=True)
class LearnedModel:
    vectorizer: Vectorizer
    classes: Mapping[str, tuple[str, ...]]  # head -> its class labels, in column order
    candidates: tuple[Candidate, ...]
    full: Weights
    folds: tuple[Weights, ...] = ()
    held_out: Mapping[str, int] = field(default_factory=dict)  # sentence_key -> fold
    policy: Mapping[str, float] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)

    def weights_for(self, text: str, *, holdout: bool) -> Weights:
        """The fold model that never saw ``text`` when it is a training sentence and ``holdout``."""
        if holdout and self.held_out:
            fold = self.held_out.get(sentence_key(text))
            if fold is not None:
                return self.folds[fold]
        return self.full

    def read(self, text: str, structure: Structure, *, holdout: bool = False) -> Reading:
        """How likely the sentence states an event, and which code it most likely has."""
        weights = self.weights_for(text, holdout=holdout)
        idx, val = self.vectorizer.transform(sentence_features(text, structure))
        return self.reading(weights.scores(idx, val), weights.slices)

    def reading(self, scores: np.ndarray, slices: Mapping[str, tuple[int, int]]) -> Reading:
        """A Reading from one row of raw head scores."""
        logp = {head: _log_softmax(scores[a:b]) for head, (a, b) in slices.items()}
        event = math.exp(logp["event"][self.classes["event"].index("1")])
        totals = np.zeros(len(self.candidates))
        for head, (columns, known) in self._candidate_columns.items():
            totals += np.where(known, logp[head][columns], -20.0)
        probs = _softmax(totals)
        ranked = sorted(
            (
                Candidate(c.code, c.event_type, c.root, c.penta, float(p))
                for c, p in zip(self.candidates, probs)
            ),
            key=lambda c: (-c.probability, c.code),
        )
        return Reading(event=event, candidates=tuple(ranked))

    @functools.cached_property
    def _candidate_columns(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Per type head: each candidate's class column, and whether the head knows that class."""
        out = {}
        for head, attr in (("root", "root"), ("penta", "penta"), ("plover", "event_type")):
            index = {c: i for i, c in enumerate(self.classes[head])}
            labels = [getattr(c, attr) for c in self.candidates]
            out[head] = (
                np.asarray([index.get(label, 0) for label in labels]),
                np.asarray([label in index for label in labels]),
            )
        return out

    def anchor(self, text: str, root: str, *, holdout: bool = False) -> tuple[int, int] | None:
        """The span of the word that weighs most for ``root``: where a proposed act sits, so that
        the rules read its source before and its target after it."""
        weights = self.weights_for(text, holdout=holdout)
        a, _ = weights.slices["root"]
        column = a + self.classes["root"].index(root) if root in self.classes["root"] else None
        if column is None:
            return None
        best: tuple[float, int, int] | None = None
        for m in _TOKEN.finditer(text):
            token = words(m.group())
            if not token or is_function_word(token[0]):
                continue
            j = self.vectorizer.vocabulary.get(f"w:{token[0]}")
            if j is None:
                continue
            w = float(weights.coef[j, column])
            if w > 0 and (best is None or w > best[0]):
                best = (w, m.start(), m.end())
        return (best[1], best[2]) if best else None


def _log_softmax(x: np.ndarray) -> np.ndarray:
    shifted = x - x.max()
    return shifted - math.log(float(np.exp(shifted).sum()))


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


# -- storage -------------------------------------------------------------------------------------


def save_model(model: LearnedModel, folder: Path, name: str = MODEL_NAME) -> tuple[Path, Path]:
    """Write ``name.json`` (vocabulary, classes, policy, metadata) and ``name.npz`` (weights).

    The bytes depend only on the model: keys are sorted and zip entries carry a fixed date.
    """
    folder.mkdir(parents=True, exist_ok=True)
    doc = {
        "format": FORMAT,
        "meta": dict(model.meta),
        "policy": dict(model.policy),
        "classes": {h: list(c) for h, c in model.classes.items()},
        "slices": {h: list(s) for h, s in model.full.slices.items()},
        "candidates": [[c.code, c.event_type, c.root, c.penta] for c in model.candidates],
        "structure_weight": model.vectorizer.structure_weight,
        "vocabulary": sorted(model.vectorizer.vocabulary, key=model.vectorizer.vocabulary.get),
        "idf": [round(v, 6) for v in model.vectorizer.idf],
        "held_out": dict(sorted(model.held_out.items())),
    }
    json_path = folder / f"{name}.json"
    json_path.write_text(json.dumps(doc, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    arrays: dict[str, np.ndarray] = {}
    for prefix, weights in [("full", model.full)] + [
        (f"fold{k}", fold) for k, fold in enumerate(model.folds)
    ]:
        q, scale = quantize(weights.coef)
        arrays[f"{prefix}.coef"] = q
        arrays[f"{prefix}.scale"] = scale
        arrays[f"{prefix}.intercept"] = weights.intercept.astype(np.float32)
    npz_path = folder / f"{name}.npz"
    with zipfile.ZipFile(npz_path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for key in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[key]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, buf.getvalue())
    return json_path, npz_path


def quantize(coef: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and a float32 scale per column (weight = int8 * scale): a quarter of the
    size, and the many weights near zero become zero, which the zip then compresses away."""
    peak = np.abs(coef).max(axis=0).astype(np.float32)
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    return np.round(coef / scale).astype(np.int8), scale


def load_model(folder: Path = MODEL_DIR, name: str = MODEL_NAME) -> LearnedModel:
    """Read a model written by ``save_model``.

    Raises:
        DataFileError: a file is missing, malformed, or of another format version.
    """
    json_path, npz_path = folder / f"{name}.json", folder / f"{name}.npz"
    try:
        doc = json.loads(json_path.read_text(encoding="utf-8"))
        with np.load(npz_path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except (OSError, ValueError, zipfile.BadZipFile) as e:
        raise DataFileError(
            f"{json_path}: cannot read the learned model ({e}); run `dragoman train` to rebuild it"
        ) from e
    if doc.get("format") != FORMAT:
        raise DataFileError(
            f"{json_path}: model format {doc.get('format')!r}, expected {FORMAT}; "
            "run `dragoman train` to rebuild it"
        )
    slices = {h: (int(a), int(b)) for h, (a, b) in doc["slices"].items()}

    def weights(prefix: str) -> Weights:
        coef = arrays[f"{prefix}.coef"].astype(np.float32) * arrays[f"{prefix}.scale"]
        return Weights(coef, arrays[f"{prefix}.intercept"], slices)

    n_folds = sum(1 for k in arrays if k.startswith("fold") and k.endswith(".coef"))
    vocabulary = {name: i for i, name in enumerate(doc["vocabulary"])}
    return LearnedModel(
        vectorizer=Vectorizer(vocabulary, tuple(doc["idf"]), float(doc["structure_weight"])),
        classes={h: tuple(c) for h, c in doc["classes"].items()},
        candidates=tuple(Candidate(*row) for row in doc["candidates"]),
        full=weights("full"),
        folds=tuple(weights(f"fold{k}") for k in range(n_folds)),
        held_out=doc["held_out"],
        policy=doc["policy"],
        meta=doc["meta"],
    )
