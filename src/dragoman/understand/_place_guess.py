"""Place names that no gazetteer holds, read from the words around them.

    guess_places(sentence, frames) -> [(start, end, with_noun)]     offsets into the sentence

News about fighting names villages, districts, hills and roads below any population floor: "the
village of Najarah", "the Hamar Weyne district", "the Abu Risha Dam", "fighting in Manigram". The
frames, from ``data/places/guess.yaml``:

* ``of``: after "the village of", "the outskirts of" ... (``before_of``);
* ``noun``: before "district", "area", "village" ... written in lower case (``after_name``; the
  noun stays outside the name);
* ``named``: before a capitalised place noun that belongs to the name: "Busue Village", "the
  Abu Risha Dam" (``name_nouns``; the noun is inside);
* ``after_preposition`` (loose, for the event-location reader only): a capitalised name after
  in/at/near/outside/inside/around/into, which may as well be an organisation's ("in Hamas") and
  needs the caller to rule out actors.

A name is one to four capitalised words, with Arabic and Romance particles between them ("Deir
al-Zor", "Ras el Ain") and not starting with a word of ``not_names`` ("the Syrian Army area").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dragoman.datafile import load_yaml, package_data_path
from dragoman.errors import DataFileError
from dragoman.understand._dates_patterns import alt

__all__ = ["FRAMES", "GuessRules", "guess_place_at", "guess_places", "load_guess_rules"]

FRAMES = ("of", "noun", "named", "after_preposition")
_UPPER = "A-Z\u00c0-\u00de\u0100-\u017f"
_TOKEN = rf"(?:[‘’'`]?[{_UPPER}][\w’'‘`.-]*|\d+(?=\s+[{_UPPER}]))"
_LOOSE_PREPOSITIONS = "in|at|near|around|outside|inside|into|toward|towards|across"


@dataclass(frozen=True, slots=True)
class GuessRules:
    frames: dict[str, re.Pattern[str]]  # frame -> the name at its cue, group `name`
    cues: dict[str, re.Pattern[str]]  # the cue words of a frame ("noun" also finds "named")
    not_names: frozenset[str]
    nouns: frozenset[str]  # capitalised place nouns, which are no name on their own
    name_suffix: re.Pattern[str]  # a capitalised place noun right after a name: " City"
    adjective: re.Pattern[str]  # "Serb-held", "European Union-financed": who holds it, no name


@cache
def load_guess_rules() -> GuessRules:
    """``data/places/guess.yaml``, checked and compiled.

    Raises:
        DataFileError: a key is missing or is not a list of words.
    """
    path = package_data_path("places", "guess.yaml")
    data = load_yaml(path, lines=False, what="the place-guessing words")

    def words(key: str) -> list[str]:
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise DataFileError(f"{path}: key '{key}' must be a list of words; quote on/off/yes/no")
        return value

    particles = alt(words("particles"))
    # a name starts on a capital, a digit, an apostrophe or a particle: checked first, cheaply
    name = (
        rf"(?=[‘’'`\d{_UPPER}]|(?:{particles})-)(?:\b(?:{particles})-)?{_TOKEN}"
        rf"(?:\s+(?:(?:{particles})[\s-]+)?{_TOKEN}){{0,3}}"
    )
    before_of = rf"\b(?i:{alt(words('before_of'))})\s+of\s"
    after_name = rf"\s(?:{alt(words('after_name'))})\b"
    name_nouns = alt(words("name_nouns"))
    prepositions = rf"\b(?i:{_LOOSE_PREPOSITIONS})\s"
    # One pass finds the cue words of every frame; then each frame reads the name at its cue:
    # after it ("the village of X"), or ending right before it ("the X district").
    cues = {
        "of": re.compile(rf"(?P<of>{before_of})"),
        "after_preposition": re.compile(rf"(?P<after_preposition>{prepositions})"),
        "noun": re.compile(rf"(?<=\s)(?:(?P<noun>{after_name[2:]})|(?P<named>(?:{name_nouns})\b))"),
    }
    frames = {
        "of": re.compile(
            rf"\s*(?:the\s+)?(?P<name>{name})"
            rf"(?P<more>(?:\s*,\s*(?:and\s+)?{name}|\s+and\s+{name})*)"
        ),
        "noun": re.compile(rf"(?P<name>{name})\s+\Z"),
        "named": re.compile(rf"(?P<name>{name})\s+\Z"),
        "after_preposition": re.compile(rf"\s*(?:the\s+)?(?P<name>{name})"),
    }
    return GuessRules(
        frames=frames,
        cues=cues,
        not_names=frozenset(words("not_names")),
        nouns=frozenset(w.split()[-1] for w in words("name_nouns")),
        name_suffix=re.compile(rf"\s+(?:{name_nouns})\b"),
        adjective=re.compile(rf"-(?:{alt(words('adjective_endings'))})\Z"),
    )


def guess_places(
    sentence: str, frames: tuple[str, ...] = ("of", "noun", "named")
) -> list[tuple[int, int]]:
    """Spans of place names read from their frames, in text order, not overlapping."""
    rules = load_guess_rules()
    spans: list[tuple[int, int]] = []
    passes = [rules.cues[f] for f in ("of", "after_preposition") if f in frames]
    if "noun" in frames or "named" in frames:
        passes.append(rules.cues["noun"])
    if " of " not in sentence and passes and passes[0] is rules.cues["of"]:
        passes.pop(0)  # most sentences: no "the village of"
    for cue in (c for pattern in passes for c in pattern.finditer(sentence)):
        frame = cue.lastgroup or ""
        if frame not in frames:
            continue
        for start, end in _names_at(sentence, cue, rules.frames[frame]):
            span = _trim(sentence, start, end, rules, named=frame == "named")
            if span is not None and frame == "named":
                span = (span[0], cue.end())  # "the Abu Risha Dam": the noun is in the name
            if span is not None and _is_demonym(sentence[span[0] : span[1]]):
                continue  # "the Swiss city": an adjective of nationality, not a place's name
            if span is not None and not any(a < span[1] and span[0] < b for a, b in spans):
                spans.append(span)
    return sorted(spans)


def guess_place_at(sentence: str, offset: int) -> tuple[int, int] | None:
    """The name that starts right at ``offset`` (after spaces and "the"), read as the loose
    frame reads it: "stormed the Technical College", "storming Hazrama". The caller knows why
    a place may stand there (a verb of taking or striking before it) and rules out actors."""
    rules = load_guess_rules()
    m = rules.frames["after_preposition"].match(sentence, offset)
    if m is None:
        return None
    span = _trim(sentence, m.start("name"), m.end("name"), rules, named=False)
    if span is None or _is_demonym(sentence[span[0] : span[1]]):
        return None
    return span


def _is_demonym(text: str) -> bool:
    from dragoman.understand.gazetteer import load_gazetteer  # built once per process

    return any(entry.kind == "demonym" for entry in load_gazetteer().lookup(text))


_WINDOW = 80  # characters searched before a cue for the name that ends there


def _names_at(s: str, cue: re.Match[str], pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The name (or names, of a list) that the cue word introduces or ends."""
    if cue.lastgroup in ("noun", "named"):
        m = pattern.search(s, max(0, cue.start() - _WINDOW), cue.start())
        return [(m.start("name"), m.end("name"))] if m else []
    m = pattern.match(s, cue.end())
    if m is None:
        return []
    found = [(m.start("name"), m.end("name"))]
    if "more" in m.re.groupindex and m["more"]:  # "the villages of Sukhnah, Taybah and 'Arak"
        found += [
            (m.start("more") + n.start(1), m.start("more") + n.end(1))
            for n in _LIST_ITEM.finditer(m["more"])
        ]
    return found


# each name of ", Y, and Z"
_LIST_ITEM = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)([^,]+?)(?=\s*,|\s+and\s|$)")


def _trim(
    s: str, start: int, end: int, rules: GuessRules, *, named: bool
) -> tuple[int, int] | None:
    """The name without leading words that start no name ("The", "Syrian"), or None."""
    words = list(re.finditer(r"\S+", s[start:end]))
    for i, w in enumerate(words[:-1]):
        if re.search(r"['’]s$", w.group()):
            words = words[i + 1 :]  # "Baghdad's al-Ghazl market": the name after the owner
            break
    while words and words[0].group().rstrip(",.") in rules.not_names:
        words.pop(0)
    while len(words) > 1 and words[-1].group().rstrip(",.") in rules.not_names:
        words.pop()  # "the area of Ilidza Tuesday": a day or a body after the name
    if not words:
        return None
    a, b = start + words[0].start(), start + words[-1].end()
    b = a + len(re.sub(r"(?:['’]s)?[.,;:'’]*$", "", s[a:b]))  # "Mogadishu.", "Baghdad's"
    if b <= a:
        return None
    core = s[a:b].split()
    if rules.adjective.search(core[-1]):
        return None  # "the Serb-held area of Ilidza": an adjective of who holds it
    if not named and all(w in rules.nouns for w in core):
        return None  # "Village", "the District": a noun, not a name
    if len(core) == 1 and core[0].isupper() and core[0].isalpha() and len(core[0]) <= 5:
        return None  # an acronym: "SAA", "NDF"
    return a, b
