"""Sentence features: TF-IDF over word and character n-grams, plus what our own pipeline read.

    feats = sentence_features(text, Structure(...))   # text: ["w:talks", "b:held talks", "c:tal", ...]
                                                      # structure: ["r:root=04", "a:actors=2", ...]
    vec = Vectorizer.fit(docs, min_df=2)              # vocabulary + idf, learned on the dev data
    idx, val = vec.transform(feats)                   # one sparse row, l2-normalised text part

The same two functions serve training (``dragoman train``) and coding, so the model never sees
features computed differently from the ones it was trained on. Structural features come from the
rule coder: the CAMEO codes and PLOVER types of the sentence's candidate triggers, how many actor
mentions it holds, and modality cues (data/models/features.yaml). They are not TF-IDF weighted: they
enter with the fixed value ``structure_weight`` the model was trained with.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

from dragoman.errors import DataFileError

__all__ = ["Features", "Structure", "Vectorizer", "penta_class", "sentence_features", "structure_names"]

_FEATURES_FILE = Path(__file__).resolve().parents[1] / "data" / "models" / "features.yaml"
_WORD = re.compile(r"[a-z0]+(?:'[a-z]+)?")
_DIGITS = re.compile(r"\d+")
CHAR_NGRAMS = (3, 4)  # with 5-grams too, training took about twice as long (not compared by CV)


@dataclass(frozen=True, slots=True)
class Structure:
    """What the rule pipeline read in a sentence before any event was built."""

    codes: tuple[str, ...] = ()  # CAMEO codes of the candidate triggers ("046", "1123")
    types: tuple[str, ...] = ()  # their PLOVER types
    generated: tuple[bool, ...] = ()  # per trigger: from the generated verb lexicon
    actors: int = 0  # actor mentions in the sentence
    countries: int = 0  # distinct actor countries


@dataclass(frozen=True, slots=True)
class _Cues:
    groups: dict[str, frozenset[str]] = field(default_factory=dict)  # group -> words
    penta: dict[str, str] = field(default_factory=dict)  # CAMEO root -> ConfliBERT class
    function_words: frozenset[str] = frozenset()  # never an anchor


@functools.cache
def _cues(path: Path = _FEATURES_FILE) -> _Cues:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DataFileError(f"{path}: cannot read the feature cues ({e}); restore the file") from e
    groups = data.get("modality") if isinstance(data, dict) else None
    if not isinstance(groups, dict):
        raise DataFileError(f"{path}: expected a mapping `modality: {{group: [words]}}`")
    penta = data.get("penta")
    if not isinstance(penta, dict):
        raise DataFileError(f"{path}: expected a mapping `penta: {{class: [CAMEO roots]}}`")
    return _Cues(
        {str(k): frozenset(str(w).lower() for w in v) for k, v in groups.items()},
        {str(root): str(k) for k, roots in penta.items() for root in roots},
        frozenset(str(w).lower() for w in data.get("function_words") or ()),
    )


def is_function_word(token: str) -> bool:
    """A word no act is anchored on ("and", "the", "said"), from features.yaml."""
    return len(token) < 3 or token in _cues().function_words


def penta_class(root: str) -> str | None:
    """ConfliBERT's five-way class of a CAMEO root ("04" -> "1"), from features.yaml."""
    return _cues().penta.get(root)


def words(text: str) -> list[str]:
    """Lower-case word tokens, digits folded to 0 ("1,200 troops" -> "0", "0", "troops")."""
    return _WORD.findall(_DIGITS.sub("0", text.lower()))


def text_names(text: str, *, char_range: tuple[int, int] = CHAR_NGRAMS) -> list[str]:
    """Word unigrams (w:), bigrams (b:) and character n-grams inside words (c:)."""
    tokens = words(text)
    names = [f"w:{t}" for t in tokens]
    names.extend(f"b:{a} {b}" for a, b in pairwise(tokens))
    low, high = char_range
    for t in tokens:
        padded = f" {t} "
        for n in range(low, high + 1):
            names.extend(f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1))
    return names


def structure_names(text: str, structure: Structure) -> list[str]:
    """The rule pipeline's reading as feature names (r: triggers, a: actors, m: modality)."""
    names = [f"r:root={c[:2]}" for c in structure.codes]
    names.extend(f"r:code={c}" for c in structure.codes)
    names.extend(f"r:type={t}" for t in structure.types)
    names.extend("r:generated" if g else "r:written" for g in structure.generated)
    if not structure.codes:
        names.append("r:none")
    names.append(f"a:actors={min(structure.actors, 3)}")
    names.append(f"a:countries={min(structure.countries, 3)}")
    present = set(words(text))
    for group, cue_words in _cues().groups.items():
        if not present.isdisjoint(cue_words):
            names.append(f"m:{group}")
    if "?" in text:
        names.append("m:question")
    return names


def sentence_features(text: str, structure: Structure) -> Features:
    """Every feature name of one sentence: the text's (repeats count) and the structure's."""
    return Features(text_names(text), structure_names(text, structure))


@dataclass(frozen=True, slots=True)
class Features:
    text: list[str]  # TF-IDF weighted
    structure: list[str]  # present or not

    def __add__(self, other: Features) -> Features:
        return Features(self.text + other.text, self.structure + other.structure)


@dataclass(frozen=True)
class Vectorizer:
    """Feature names -> one sparse row: sublinear TF-IDF (l2-normalised) + weighted structure."""

    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    structure_weight: float = 0.5

    @classmethod
    def fit(
        cls, docs: Sequence[Features], *, min_df: int = 2, structure_weight: float = 0.5
    ) -> Vectorizer:
        """Keep text names found in at least ``min_df`` documents and every structure name."""
        df: Counter[str] = Counter()
        structure: set[str] = set()
        for doc in docs:
            df.update(set(doc.text))
            structure.update(doc.structure)
        kept = sorted({n for n, c in df.items() if c >= min_df} | structure)
        n = len(docs)
        idf = tuple(math.log((1 + n) / (1 + df[name])) + 1.0 for name in kept)
        return cls({name: i for i, name in enumerate(kept)}, idf, structure_weight)

    def __len__(self) -> int:
        return len(self.vocabulary)

    def transform(self, features: Features) -> tuple[list[int], list[float]]:
        """Column indices (ascending) and values of one row; unknown names are left out."""
        vocabulary, idf = self.vocabulary, self.idf
        row: dict[int, float] = {}
        for name, count in Counter(features.text).items():
            j = vocabulary.get(name)
            if j is not None:
                row[j] = (1.0 + math.log(count)) * idf[j] if count > 1 else idf[j]
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        for j in row:
            row[j] /= norm
        for name in features.structure:
            j = vocabulary.get(name)
            if j is not None:
                row[j] = self.structure_weight
        idx = sorted(row)
        return idx, [row[j] for j in idx]
