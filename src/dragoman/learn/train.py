"""``dragoman train``: fit the learned coding model on the dev bench, choosing settings by k-fold CV.

    model, report = train(bench, load_config())
    save_model(model, folder)

1. Read the examples of the configured sets (data.py) and their features (features.py).
2. Draw k folds by ``group`` (near-duplicates stay together), in an order fixed by the seed.
3. For each setting of the grid (train.yaml), fit the four heads k times and read every example
   with the model that did not see it; keep the setting with the best mean of root accuracy,
   PLOVER and penta macro-F1 and event balanced accuracy on those out-of-fold readings.
4. On the chosen setting's out-of-fold readings of the ``policy_sets``, choose the thresholds of
   ``review.decide`` by simulating what rules + model would output (the objective: per set, the
   mean of root accuracy, PLOVER and penta macro-F1, the precision of the PLOVER types output and
   one minus the false-event rate; then the mean over sets).
5. Fit the heads on all examples; ship them with the k fold models and which fold each training
   sentence was in (model.py: held-out reading keeps eval honest).

scikit-learn is imported here only: the coder itself reads the model with numpy.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from dragoman.coding.ontology import load_ontology
from dragoman.errors import ConfigError, DataFileError
from dragoman.learn.data import Example, read_examples
from dragoman.learn.features import Features, Vectorizer, penta_class, sentence_features
from dragoman.learn.metrics import model_scores, simulate
from dragoman.learn.model import HEADS, Candidate, LearnedModel, Reading, Weights, sentence_key

log = logging.getLogger(__name__)

__all__ = ["TrainConfig", "assign_folds", "candidates", "load_config", "train"]

CONFIG = Path(__file__).resolve().parents[1] / "data" / "models" / "train.yaml"
Progress = Callable[[str], None]


@dataclass(frozen=True, kw_only=True)
class TrainConfig:
    seed: int = 0
    folds: int = 5
    sets: tuple[str, ...] = ()
    min_df: int = 2
    structure_weights: tuple[float, ...] = (0.5,)
    cs: tuple[float, ...] = (4.0,)
    max_iter: int = 2000
    policy_grid: Mapping[str, tuple[float, ...]] | None = None
    policy_sets: tuple[str, ...] = ()  # the sets that choose the policy (all when empty)


def load_config(path: Path = CONFIG, *, seed: int | None = None) -> TrainConfig:
    """The training settings of ``path`` (train.yaml); ``seed`` overrides the file's.

    Raises:
        DataFileError: the file is missing or lacks a key.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        policy = {k: tuple(float(v) for v in vs) for k, vs in data["policy"].items()}
        return TrainConfig(
            seed=int(data["seed"] if seed is None else seed),
            folds=int(data["folds"]),
            sets=tuple(data["sets"]),
            min_df=int(data["features"]["min_df"]),
            structure_weights=tuple(float(v) for v in data["features"]["structure_weight"]),
            cs=tuple(float(v) for v in data["classifier"]["C"]),
            max_iter=int(data["classifier"]["max_iter"]),
            policy_grid=policy,
            policy_sets=tuple(data.get("policy_sets") or ()),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as e:
        raise DataFileError(f"{path}: cannot read the training settings ({e!r}); fix the file") from e


def candidates() -> tuple[Candidate, ...]:
    """Per CAMEO root and PLOVER type it maps to, the root's first such code (ontology tables);
    root 01 (statements) as type "none", which codes nothing."""
    first: dict[tuple[str, str], str] = {}
    for code in sorted(load_ontology().cameo):
        row = load_ontology().cameo[code]
        first.setdefault((code[:2], row.plover_type), code)
    return tuple(
        Candidate(code, event_type, root, str(penta_class(root)))
        for (root, event_type), code in sorted(first.items())
        if penta_class(root) is not None
    )


def assign_folds(groups: Sequence[str], k: int, seed: int) -> list[int]:
    """A fold per example: groups ordered by a seeded digest, dealt round-robin by size."""
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = sorted(sizes, key=lambda g: hashlib.sha256(f"{seed}:{g}".encode()).hexdigest())
    load = [0] * k
    fold_of: dict[str, int] = {}
    for g in sorted(order, key=lambda g: -sizes[g]):  # stable: equal sizes keep the digest order
        fold = min(range(k), key=lambda f: (load[f], f))
        fold_of[g] = fold
        load[fold] += sizes[g]
    return [fold_of[g] for g in groups]


def train(
    bench: Path, config: TrainConfig, *, progress: Progress | None = None
) -> tuple[LearnedModel, dict[str, Any]]:
    """The model trained on ``config.sets`` of ``bench``, and the report of its cross-validation."""
    say = progress or (lambda message: None)
    if config.folds < 2:
        raise ConfigError(f"folds is {config.folds}; cross-validation needs at least 2")
    examples = read_examples(bench, config.sets)
    say(f"{len(examples)} examples from {', '.join(config.sets)}")
    docs = [_names(e) for e in examples]
    folds = assign_folds([e.group for e in examples], config.folds, config.seed)
    classes = _classes(examples)
    shape = _Shape(classes, candidates())
    best: _Setting | None = None
    cv: list[dict[str, Any]] = []
    for weight in config.structure_weights:
        vectorizer = Vectorizer.fit(docs, min_df=config.min_df, structure_weight=weight)
        x = _matrix(vectorizer, docs)
        for c in config.cs:
            fold_weights = [
                _fit(x, examples, [i for i, f in enumerate(folds) if f != k], shape, c, config)
                for k in range(config.folds)
            ]
            readings = _oof(shape, x, fold_weights, folds)
            scores = model_scores(examples, readings)
            cv.append({"structure_weight": weight, "C": c, **scores})
            say(f"CV structure_weight={weight} C={c}: {_fmt(scores)}")
            if best is None or scores["objective"] > best.objective:
                best = _Setting(scores["objective"], weight, c, vectorizer, x, fold_weights, readings)
    if best is None:
        raise ConfigError("train.yaml: the grid of structure_weight and C is empty")
    weight, c, vectorizer, x, fold_weights = best.weight, best.c, best.vectorizer, best.x, best.folds
    readings = best.readings
    chosen = [i for i, e in enumerate(examples) if e.set in (config.policy_sets or config.sets)]
    policy, simulated = _choose_policy(
        [examples[i] for i in chosen], [readings[i] for i in chosen], config.policy_grid or {}
    )
    say(f"policy {policy}")
    full = _fit(x, examples, list(range(len(examples))), shape, c, config)
    held_out = {
        sentence_key(s.text): fold for e, fold in zip(examples, folds) for s in e.sentences
    }
    report = {
        "sets": list(config.sets),
        "examples": len(examples),
        "seed": config.seed,
        "folds": config.folds,
        "chosen": {"structure_weight": weight, "C": c, "min_df": config.min_df},
        "policy_sets": list(config.policy_sets or config.sets),
        "cv_settings": cv,
        "cv_simulated": simulated,
        "features": len(vectorizer),
    }
    report = _rounded(report)  # sums over sets of classes vary in the last digit between runs
    model = LearnedModel(
        vectorizer=vectorizer,
        classes=classes,
        candidates=shape.candidates,
        full=full,
        folds=tuple(fold_weights),
        held_out=held_out,
        policy=policy,
        meta=report,
    )
    return model, report


@dataclass(frozen=True)
class _Setting:
    """A setting of the grid with what its cross-validation fitted and read."""

    objective: float
    weight: float
    c: float
    vectorizer: Vectorizer
    x: Any
    folds: list[Weights]
    readings: list[Reading]


def _names(example: Example) -> Features:
    parts = [sentence_features(s.text, s.structure) for s in example.sentences]
    return sum(parts[1:], parts[0])


def _classes(examples: Sequence[Example]) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {head: set() for head in HEADS}
    for e in examples:
        for head, label in e.labels.items():
            found[head].add(label)
    found["plover"].add("none")
    return {head: tuple(sorted(labels)) for head, labels in found.items()}


@dataclass(frozen=True)
class _Shape:
    """The class columns every fitted model shares, so fold models line up with the full one."""

    classes: Mapping[str, tuple[str, ...]]
    candidates: tuple[Candidate, ...]

    @property
    def slices(self) -> dict[str, tuple[int, int]]:
        out, at = {}, 0
        for head in HEADS:
            out[head] = (at, at + len(self.classes[head]))
            at += len(self.classes[head])
        return out


def _matrix(vectorizer: Vectorizer, docs: Sequence[Features]) -> Any:
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for names in docs:
        idx, val = vectorizer.transform(names)
        indices.extend(idx)
        data.extend(val)
        indptr.append(len(indices))
    return csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices), np.asarray(indptr)),
        shape=(len(docs), len(vectorizer)),
    )


def _fit(
    x: Any,
    examples: Sequence[Example],
    rows: Sequence[int],
    shape: _Shape,
    c: float,
    config: TrainConfig,
) -> Weights:
    """The four heads fitted on ``rows`` (each on the rows that carry its label)."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    slices = shape.slices
    total = slices[HEADS[-1]][1]
    coef = np.zeros((x.shape[1], total), dtype=np.float64)
    intercept = np.full(total, -20.0)  # a class a fold never saw stays out of reach
    for head in HEADS:
        labelled = [i for i in rows if head in examples[i].labels]
        y = [examples[i].labels[head] for i in labelled]
        if head == "plover":
            y = ["none" if examples[i].labels.get("root") == "01" else lab for i, lab in zip(labelled, y)]
        a, _ = slices[head]
        column = {label: a + j for j, label in enumerate(shape.classes[head])}
        if len(set(y)) < 2:
            continue
        clf = LogisticRegression(
            C=c,
            tol=1e-3,
            max_iter=config.max_iter,
            class_weight="balanced",
            random_state=config.seed,
        )
        with threadpool_limits(1):  # one BLAS thread: as fast on 2 shared cores, and reproducible
            clf.fit(x[labelled], y)
        if len(clf.classes_) == 2:  # sklearn keeps one row for two classes: p(second)
            w, b = clf.coef_[0], clf.intercept_[0]
            pairs = [(clf.classes_[0], -w / 2, -b / 2), (clf.classes_[1], w / 2, b / 2)]
        else:
            pairs = [(k, clf.coef_[j], clf.intercept_[j]) for j, k in enumerate(clf.classes_)]
        for label, w, b in pairs:
            coef[:, column[label]] = w
            intercept[column[label]] = b
    return Weights(coef.astype(np.float32), intercept.astype(np.float32), slices)


def _oof(
    shape: _Shape, x: Any, fold_weights: Sequence[Weights], folds: Sequence[int]
) -> list[Reading]:
    """Every example read by the fold model that did not see it."""
    reader = LearnedModel(
        vectorizer=Vectorizer({}, ()), classes=shape.classes, candidates=shape.candidates,
        full=fold_weights[0],
    )  # fmt: skip
    readings: list[Reading] = []
    scores = [x @ w.coef.astype(np.float64) + w.intercept for w in fold_weights]
    for i, fold in enumerate(folds):
        readings.append(reader.reading(np.asarray(scores[fold][i]).ravel(), shape.slices))
    return readings


# Thresholds that act only together are searched together: a proposal needs both.
_JOINT = (("propose_above", "propose_confidence"),)


def _choose_policy(
    examples: Sequence[Example], readings: Sequence[Reading], grid: Mapping[str, tuple[float, ...]]
) -> tuple[dict[str, float], dict[str, Any]]:
    """Thresholds by coordinate ascent over the grid: from "the model does nothing", each
    threshold in turn (sorted names; the ``_JOINT`` ones as a pair) takes its best value given
    the others, until none moves. Ties keep the current value, then the earlier grid value."""
    if not grid or not all(grid.values()):
        raise ConfigError("train.yaml: the policy grid is empty")
    policy = {k: max(vs) for k, vs in grid.items()}  # highest thresholds: no proposal, no recode
    policy.update({k: min(grid[k]) for k in grid if k.startswith("drop")})  # and no drop
    rules_only = dict(policy)
    joint = [tuple(k for k in keys if k in grid) for keys in _JOINT]
    alone = [(k,) for k in sorted(grid) if not any(k in keys for keys in joint)]
    best = simulate(examples, readings, policy)["objective"]
    for _ in range(5):
        moved = False
        for keys in alone + [keys for keys in joint if keys]:
            for values in itertools.product(*(grid[k] for k in keys)):
                trial = {**policy, **dict(zip(keys, values))}
                score = simulate(examples, readings, trial)["objective"]
                if score > best + 1e-12:
                    best, policy, moved = score, trial, True
        if not moved:
            break
    chosen = simulate(examples, readings, policy)
    return policy, {"rules_only": simulate(examples, readings, rules_only), "chosen": chosen}


def _rounded(value: Any) -> Any:
    """``value`` with every float rounded to 6 decimals, through dicts and lists."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _fmt(scores: Mapping[str, Any]) -> str:
    return "  ".join(
        f"{k} {v:.3f}" for k, v in scores.items() if isinstance(v, float)
    )
