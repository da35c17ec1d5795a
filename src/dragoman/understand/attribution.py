"""Attributions: whom the outlet cites for what a sentence reports.

    text + sentences --find_attributions--> [Attribution(sentence, start, end, text)]

``text`` is a short phrase chain as written: "Reuters, citing a US official", "the Kremlin",
"a source briefed on the arrangements", "Larijani". ``start``/``end`` span the attribution
clause ("Reuters reported, citing a US official"; "according to rights groups"). A sentence can
have several ("Larijani said ..., state media reported").

The patterns are data, ``data/understand/attribution.yaml``, compiled once and validated by
``_attribution_rules``; its header explains the pattern kinds. This module only walks the words
around each cue:

* ``speaker_before``: back from the verb to a clause boundary (a comma, a quotation mark, "that",
  "after" ...), skipping words between speaker and verb ("has", "on Tuesday"); an apposition
  closed by a comma gives the name before it ("Ali Larijani, secretary of ..., said");
* ``source_after``: forward from the cue to a clause boundary;
* ``citing``: as ``source_after``, chained onto the sentence's previous attribution.

Verbs inside quotation marks are not cues: in "“I said no,” Larijani told reporters" only
Larijani is cited.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dragoman.model import Attribution, Sentence
from dragoman.understand._attribution_rules import Rules, load_rules

# The tests reach the loader and the compiler here under their old names: re-exported, not called.
from dragoman.understand._attribution_rules import compile_rules as _compile  # noqa: F401
from dragoman.understand._attribution_rules import load_rules as _rules  # noqa: F401

log = logging.getLogger(__name__)

__all__ = ["find_attributions"]

_MAX_WORDS = 8  # a speaker phrase longer than this is cut (at "who", else to its last words)
_MAX_SOURCE_WORDS = 14

# Words ("U.S.", "Iran's", "al-Assad") and single punctuation marks.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-.&]\w+)*|[^\w\s]")
_BOUNDARY = frozenset(',;:()[]{}"“”‘’—–-…!?.')
_OPEN_QUOTES = "“‘"
_CLOSE_QUOTES = "”’"
_RELATIVE = frozenset(["who", "which"])
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "our",
        "some",
        "several",
        "many",
        "two",
        "three",
    ]
)
_ABBREVIATIONS = frozenset(
    ["Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Brig", "Adm", "Cmdr", "Dr", "Mr", "Mrs", "Ms",
     "Prof", "Rep", "Sen", "Gov", "St", "Jr", "Sr", "Rev", "Gens"]
)  # fmt: skip
_FUNCTION_WORDS = frozenset(["the", "of", "and", "for", "in", "on", "al", "de"])
_NAME_PARTICLES = frozenset(["al-", "bin", "ibn", "de", "van", "von", "der", "la", "da", "al"])
# Words that may stand before a name at the start of a clause: "and Ali Larijani, secretary ..."
_NAME_LEADS = frozenset(
    ["and", "but", "while", "as", "minister", "spokesman", "envoy", "president"]
)
_DAYS = frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"]
)  # fmt: skip
_SOURCE_ENDS = frozenset(["that", "said", "says", "told", "reported"])
_TIME_WORDS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|"
    r"night|morning|afternoon|evening|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|\d{1,2}(?:\s+[A-Z][a-z]+)?)"
)
_LEADING_TIME = re.compile(
    rf"(?:(?:[Oo]n|[Ii]n|[Aa]t|[Dd]uring|[Ll]ate|[Ee]arly|[Ll]ast|[Tt]his|[Ee]arlier|[Ll]ater|"
    rf"[Ee]arlier this|[Ll]ate last|[Ll]ate on|[Ee]arly on)\s+{_TIME_WORDS}(?:\s+{_TIME_WORDS})?"
    rf"|(?:In|At)\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?=[a-z])"  # "In Tehran officials said"
    rf"|[Yy]esterday|[Tt]oday|[Mm]eanwhile|[Ss]eparately|[Hh]owever)\b,?\s*"
)
# Trailing words that say when or how, not who: "said Larijani on Tuesday", "in a statement".
_TRAILING = re.compile(
    r"(?:,?\s+(?:on|late on|early on|earlier on|late|early|last|this|in a|in an)\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"statement|interview|briefing|news conference|press conference|television interview|"
    r"\d{1,2}\s+[A-Z][a-z]+)\b.*|\s+(?:today|yesterday|earlier|later))\Z"
)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # span of the whole clause in the sentence
    end: int
    text: str  # the source phrase as written
    kind: str
    cue: str  # the cue as written ("citing")


def find_attributions(text: str, sentences: Sequence[Sentence]) -> list[Attribution]:
    """Find whom each sentence's report is attributed to, in text order.

    Args:
        text: the article text that the sentences' offsets refer to.
        sentences: the article's sentences; each one's ``text`` is ``text[start:end]``.

    Returns:
        One Attribution per attribution clause, with offsets into ``text``.

    Raises:
        DataFileError: data/understand/attribution.yaml is malformed.
    """
    del text  # the sentences carry their text and offsets; the argument keeps the common signature
    rules = load_rules()
    out: list[Attribution] = []
    for sentence in sentences:
        for found in _chain(_in_sentence(sentence.text, rules)):
            out.append(
                Attribution(
                    sentence=sentence.index,
                    start=sentence.start + found.start,
                    end=sentence.start + found.end,
                    text=found.text,
                )
            )
    return out


def _in_sentence(s: str, rules: Rules) -> list[_Found]:
    """Every pattern's attributions in one sentence, overlaps resolved by first start."""
    found: list[_Found] = []
    for pattern in rules.patterns:
        for m in pattern.cue.finditer(s):
            if _inside_quotation(s, m.start()):
                continue
            if pattern.after is not None and not pattern.after.match(s, m.end()):
                continue
            if pattern.not_after is not None and pattern.not_after.match(s, m.end()):
                continue
            if pattern.not_before is not None and pattern.not_before.search(s, 0, m.start()):
                continue
            if pattern.kind == "speaker_before":
                span = _speaker(s, m.start(), rules)
                if span is not None:
                    found.append(
                        _Found(
                            span[0],
                            m.end(),
                            _clean(s[span[0] : span[1]]),
                            pattern.kind,
                            m.group().strip(),
                        )
                    )
            else:
                span = _source(s, m.end(), rules)
                if span is None or (pattern.ends_clause and not _at_clause_end(s, span[1])):
                    continue
                phrase = _clean(s[span[0] : span[1]])
                if pattern.needs_source_word and not _looks_like_source(phrase, rules):
                    continue
                found.append(
                    _Found(
                        m.start() + len(m.group()) - len(m.group().lstrip()),
                        span[0] + len(phrase),
                        phrase,
                        pattern.kind,
                        m.group().strip(),
                    )
                )
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for f in found:
        if f.text and not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return kept


def _chain(found: list[_Found]) -> list[_Found]:
    """Join "citing" clauses onto the attribution they qualify: "Reuters, citing a US official"."""
    out: list[_Found] = []
    pending: _Found | None = None  # a sentence-initial "Citing two officials, Reuters reported"
    for f in found:
        if f.kind == "citing":
            prev = out[-1] if out else None
            if prev is not None and prev.kind != "citing" and ", " + f.cue.lower() not in prev.text:
                out[-1] = _Found(
                    prev.start, f.end, f"{prev.text}, {f.cue.lower()} {f.text}", prev.kind, prev.cue
                )
            elif not out:
                pending = f
            else:
                out.append(f)
            continue
        if pending is not None:
            out.append(
                _Found(
                    pending.start,
                    f.end,
                    f"{f.text}, {pending.cue.lower()} {pending.text}",
                    f.kind,
                    f.cue,
                )
            )
            pending = None
            continue
        out.append(f)
    if pending is not None:
        out.append(pending)
    return out


def _speaker(s: str, cue_start: int, rules: Rules) -> tuple[int, int] | None:
    """The speaker phrase before a verb of saying, as (start, end) in ``s``, or None."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s, 0, cue_start)]
    i = len(toks) - 1
    while i >= 0 and (toks[i][2] in rules.between or toks[i][2].lower() in rules.between):
        i -= 1
    if i < 0:
        return None
    if toks[i][2] == ",":  # "Ali Larijani, secretary of ..., said": the name before the apposition
        j = i - 1
        while j >= 0 and toks[j][2] not in _BOUNDARY and i - j <= 12:
            j -= 1
        if j < 1 or toks[j][2] != "," or j + 1 == i:
            return None
        return _name_before(toks, j)
    last = toks[i][2]
    if last in _BOUNDARY or last.lower() in rules.not_speaker_end or last[0].isdigit():
        return None
    j = i
    while j >= 0:
        w = toks[j][2]
        lw = w.lower()
        if w == "." and j > 0 and toks[j - 1][2] in _ABBREVIATIONS:
            j -= 1  # "Gen. Abdul Raziq said"
            continue
        if lw in _RELATIVE and j < i and _starts_clause(toks[j + 1][2]):
            j -= 1  # "a diplomat who spoke on condition of anonymity said": part of the speaker
            continue
        if w in _BOUNDARY or lw in rules.speaker_stops or lw in _RELATIVE:
            break
        if lw in ("and", "or") and not _joins_names(toks, j):
            break
        j -= 1
    first = j + 1
    # "On Tuesday the ministry said", "Last week an Azerbaijani news site reported": the time
    # phrase is not the speaker.
    lead = _LEADING_TIME.match(s, toks[first][0], toks[i][1]) if first <= i else None
    while lead and first <= i and toks[first][0] < lead.end():
        first += 1
    if i - first + 1 > _MAX_WORDS:
        rel = [k for k in range(first + 1, i + 1) if toks[k][2].lower() in _RELATIVE]
        if rel:
            i = rel[0] - 1
        if i - first + 1 > _MAX_WORDS:
            first = i - _MAX_WORDS + 1
    if first > i:
        return None
    return toks[first][0], toks[i][1]


def _starts_clause(word: str) -> bool:
    """True for the verb after "who" in "a diplomat who spoke ...", not "who U.S. officials say"."""
    return word[0].islower() and word.lower() not in _DETERMINERS


def _name_before(toks: list[tuple[int, int, str]], comma: int) -> tuple[int, int] | None:
    """A proper name right before a comma ("Ali Larijani"), as (start, end), or None."""
    k = comma - 1
    while k >= 0 and comma - k <= 5 and (toks[k][2][0].isupper() or toks[k][2] in _NAME_PARTICLES):
        k -= 1
    if k == comma - 1 or (
        k >= 0
        and toks[k][2] not in _BOUNDARY
        and toks[k][2][0].isalpha()
        and toks[k][2].lower() not in _NAME_LEADS
    ):
        return None
    first = k + 1
    while first < comma and toks[first][2] in _NAME_PARTICLES:
        first += 1
    return (toks[first][0], toks[comma - 1][1]) if first < comma else None


def _joins_names(toks: list[tuple[int, int, str]], j: int) -> bool:
    """True for the "and" of "the US and Iran", not of "met on Tuesday and officials"."""
    if j == 0 or j + 1 >= len(toks):
        return False
    before, after = toks[j - 1][2], toks[j + 1][2]
    return before[0].isupper() and after[0].isupper() and before not in _DAYS and after not in _DAYS


def _source(s: str, start: int, rules: Rules) -> tuple[int, int] | None:
    """The source phrase after a cue ("according to ..."), up to a clause boundary."""
    end = None
    prev = ""
    for n, m in enumerate(_TOKEN.finditer(s, start)):
        w = m.group()
        if w == "." and prev in _ABBREVIATIONS and m.end() < len(s) - 1:
            end, prev = m.end(), w  # "said border police Gen. Abdul Raziq"
            continue
        if n >= _MAX_SOURCE_WORDS or w in _BOUNDARY or (n and w.lower() in _SOURCE_ENDS):
            break
        end, prev = m.end(), w
    if end is None:
        return None
    return start, end


def _at_clause_end(s: str, pos: int) -> bool:
    """True when only punctuation or the sentence's end follows: "..., said Larijani." """
    rest = s[pos:].lstrip()
    return not rest or rest[0] in _BOUNDARY


def _clean(phrase: str) -> str:
    """Trailing punctuation and time phrases off: "Larijani on Tuesday," -> "Larijani"."""
    phrase = phrase.strip().rstrip(".,;:")
    return _TRAILING.sub("", phrase).strip()


def _looks_like_source(phrase: str, rules: Rules) -> bool:
    """A source word ("two officials") or a proper name ("Reuters", "the Tasnim news agency")."""
    words = re.findall(r"[\w’'-]+", phrase)
    if any(w.lower() in rules.source_words for w in words):
        return True
    return bool(words) and all(w[0].isupper() or w in _FUNCTION_WORDS for w in words)


def _inside_quotation(s: str, pos: int) -> bool:
    """True when ``pos`` lies between an opening and a closing quotation mark."""
    head = s[:pos]
    curly = sum(head.count(q) for q in _OPEN_QUOTES[:1]) - sum(
        head.count(q) for q in _CLOSE_QUOTES[:1]
    )
    return curly > 0 or head.count('"') % 2 == 1
