"""The date reader's regular expressions, built from the words of ``dates.yaml``.

    compile_dates(Words) -> one alternation of every date form; ``match.lastgroup`` names it
    compile_cues(...), compile_breaks(...) -> the tense cues and clause breaks of ``_dates_tense``

Word lists become tries ("t(?:o(?:day|night)|uesday)") so that the engine branches on one
character at a time. A form whose mention does not start where its match does (a lone year after
its preposition, "the" before a quarter) marks the mention's start with a ``<form>_core`` group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["Words", "alt", "compile_breaks", "compile_cues", "compile_dates", "word"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Words:
    """The normalised words each form is built from."""

    full_months: list[str]
    abbreviations: list[str]
    weekdays: list[str]
    units: list[str]
    modifiers: list[str]
    hedges: list[str]
    year_preps: Mapping[str, list[str]]  # strong, weak, determiners
    numbers: list[str]
    relative_days: list[str]
    steps: list[str]
    quarter_ordinals: list[str]
    half_ordinals: list[str]
    seasons: list[str]
    decades: list[str]
    centuries: list[str]
    quarter_latest: list[str]
    quarter_current: list[str]
    year_back: list[str]
    references: list[str]
    spelled: Mapping[str, list[str]]  # spelled_years: centuries, tens, units, digits, teens


def _char(ch: str) -> str:
    """One character of a phrase: a space matches any white space, an apostrophe either one."""
    return {" ": r"\s+", "'": "['’]"}.get(ch, re.escape(ch))


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` as a trie: "t(?:o(?:day|night)|uesday)".

    The regex engine tries the branches of an alternation one by one; sharing prefixes makes it
    branch on one character at a time. Longer words win ("this past" over "this").
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict) -> str:  # type: ignore[type-arg]
    branches = [_char(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # a word ends here: longer ones optional


def word(words: Iterable[str]) -> str:
    return r"\b" + alt(words) + r"\b"


def compile_dates(w: Words) -> re.Pattern[str]:
    """One alternation of named forms, tried in this order at each position."""
    month = rf"\b(?:{alt(w.full_months)}\b|{alt(w.abbreviations)}(?:\.|\b))"
    full = word(w.full_months)
    weekday = word(w.weekdays)
    day = r"(?<![\w.,:/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![.:,/]\d)"
    year = r"\b(?:1[89]|2[01])\d\d\b(?![.,]\d)"
    dash = r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*"
    time = (
        r"(?:,?\s*(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\b\.?)?"
        r"(?:\s*(?:gmt|utc|cet|est|edt|local\s+time)\b)?)?"
    )
    mod = word(w.modifiers)
    number = rf"(?:{word(w.numbers)}|\b\d{{1,3}}\b)"
    unit = rf"(?:{alt(w.units)})s?\b"
    hedge = rf"(?:{word(w.hedges)}\s+)?"
    part = r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
    step = word(w.steps)
    fiscal = r"(?:fiscal[\s-]+)?"
    q_ord = word(w.quarter_ordinals)
    # not a number ("2,000%") and not the year of a quarter ("in the 1988 third quarter")
    no_percent = (
        r"(?!\s*(?:%|per\s*cent\b|percent\b))"
        rf"(?![\s-]+{fiscal}(?:{q_ord}[\s-]+)?{fiscal}(?:quarter|period)\b)"
    )
    year_back = word(w.year_back)
    preps = w.year_preps
    sp = w.spelled
    spelled = (  # "nineteen ninety-six", "nineteen oh five", "nineteen eighteen"
        rf"{word(sp['centuries'])}[\s-]+(?:{word(sp['tens'])}(?:[\s-]+{word(sp['digits'])})?"
        rf"|{word(sp['units'])}|{word(sp['teens'])})"
    )

    def year_of(g: str) -> str:  # ", 2026" after a day and month
        return rf"(?:,?\s+(?P<{g}>{year}))?"

    def years(p: str) -> str:  # "2025", or a span of years "1998-99", "2014-2016"
        return rf"(?P<{p}_y>{year})(?:[-–/](?P<{p}_y2>\d\d(?:\d\d)?)\b)?"

    def of_year(p: str) -> str:  # "of 1990", "of next year", "of the year"
        return (
            rf"\s+of\s+{fiscal}(?:(?P<{p}_oy>{year})|(?P<{p}_os>{step})\s+year\b"
            rf"|(?P<{p}_ot>the\s+(?:current\s+)?year)\b)"
        )

    forms = {
        "iso": rf"(?P<iso_y>{year})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
        r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w-])",
        "num": rf"(?<![\w.,:/])(?P<num_a>\d{{1,2}})(?P<num_s>[./])(?P<num_b>\d{{1,2}})(?P=num_s)"
        rf"(?P<num_y>{year})",
        "dmdm": rf"(?:\b(?:from|between)\s+)?(?:the\s+)?(?P<dmdm_d1>{day})\s+(?:of\s+)?"
        rf"(?P<dmdm_m1>{month}){dash}(?:the\s+)?(?P<dmdm_d2>{day})\s+(?:of\s+)?"
        rf"(?P<dmdm_m2>{month}){year_of('dmdm_y')}",
        "dmb": rf"\bbetween\s+(?:the\s+)?(?P<dmb_d1>{day})\s+and\s+(?:the\s+)?(?P<dmb_d2>{day})"
        rf"\s+(?:of\s+)?(?P<dmb_m>{month}){year_of('dmb_y')}",
        "dmr": rf"(?:\bfrom\s+)?(?:the\s+)?(?P<dmr_d1>{day}){dash}(?:the\s+)?(?P<dmr_d2>{day})"
        rf"\s+(?:of\s+)?(?P<dmr_m>{month}){year_of('dmr_y')}",
        "mdmd": rf"(?:\b(?:from|between)\s+)?(?P<mdmd_m1>{month})\s+(?P<mdmd_d1>{day}){dash}"
        rf"(?P<mdmd_m2>{month})\s+(?P<mdmd_d2>{day}){year_of('mdmd_y')}",
        "mdr": rf"(?:\bfrom\s+)?(?P<mdr_m>{month})\s+(?P<mdr_d1>{day}){dash}(?P<mdr_d2>{day})"
        rf"{year_of('mdr_y')}",
        "dm": rf"(?:(?P<dm_w>{weekday}),?\s+)?(?:the\s+)?(?P<dm_d>{day})\s+(?:of\s+)?"
        rf"(?P<dm_m>{month}){year_of('dm_y')}{time}",
        "md": rf"(?:(?P<md_w>{weekday}),?\s+)?(?P<md_m>{month})\s+(?:the\s+)?(?P<md_d>{day})"
        rf"{year_of('md_y')}{time}",
        "my": rf"(?:{mod}[\s-]+)?(?P<my_m>{month})(?:\s+of)?,?\s+(?P<my_y>{year}|{spelled})",
        "mrel": rf"(?:{mod}[\s-]+)?(?P<mrel_m>{full})\s+(?P<mrel_s>this|last|next)\s+year\b",
        "relm": rf"(?:{mod}[\s-]+)?(?P<relm_s>{step})\s+(?P<relm_m>{full})",
        # "the third quarter", "third-quarter", "the 1988 second quarter", "this year's third
        # quarter", "the year-ago third quarter", "the third quarter of 1990"
        "qtr": rf"(?:\bthe\s+)?(?P<qtr_core>(?:(?P<qtr_s>{step})\s+year['’]s\s+"
        rf"|(?P<qtr_back>{year_back})\s+|(?P<qtr_y>{year})(?:['’]s)?\s+)?{fiscal}"
        rf"(?P<qtr_n>{q_ord})[\s-]+{fiscal}quarter\b(?:{of_year('qtr')})?)",
        # "the first half of 1990", "the first two quarters of 1990", "the second half of next year"
        "half": rf"(?:\bthe\s+)?(?P<half_core>(?P<half_n>{word(w.half_ordinals)})[\s-]+"
        rf"(?:half|two\s+quarters)\b{of_year('half')})",
        # "the quarter", "the latest quarter", "the year-ago period", "the 1988 quarter", "last
        # year's quarter", "the quarter a year ago"
        "qref": rf"(?:\bthe\s+(?:(?P<qref_l>{word(w.quarter_latest)})\s+"
        rf"|(?P<qref_c>{word(w.quarter_current)})\s+)?(?:(?P<qref_back>{year_back})\s+"
        rf"|(?P<qref_y>{year})\s+)?|(?P<qref_s>{step})\s+year['’]s\s+)"
        rf"{fiscal}(?P<qref_u>quarter|period)\b"
        r"(?P<qref_ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b)?",
        "relp": rf"(?:{mod}[\s-]+)?(?P<relp_s>{step})\s+(?P<relp_u>week|weekend|month|quarter"
        r"|(?:fiscal\s+)?year)\b",
        # "this summer", "last fall", "the summer of 1989", "the early summer"
        "season": rf"(?:\bthe\s+)?(?P<season_core>(?:(?P<season_s>{step})\s+|{mod}[\s-]+)?"
        rf"(?P<season_n>{word(w.seasons)})(?:\s+of)?(?:,?\s+(?P<season_y>{year}|{spelled}))?)",
        # "the 1990s", "the mid-1990s", "the '80s", "the nineties"
        "decade": rf"(?:\bthe\s+)?(?P<decade_core>(?:{mod}[\s-]+)?(?:(?P<decade_c>1\d|20)"
        rf"(?P<decade_d>\d)0|(?<![\w'’])['’](?P<decade_s>\d)0)['’]?s\b)",
        # a decade's word only after "the": "in his nineties" is an age
        "decadew": rf"\bthe\s+(?P<decadew_core>(?:{mod}[\s-]+)?(?P<decadew_w>{word(w.decades)}))",
        "century": rf"(?:\bthe\s+)?(?P<century_core>(?:(?P<century_n>\d{{1,2}})(?:st|nd|rd|th)"
        rf"|(?P<century_w>{word(w.centuries)}))[\s-]+century\b)",
        "yend": rf"(?:\bthe\s+end\s+of\s+(?:the\s+)?year|\byear['’]?s?[\s-]+end)\b"
        rf"(?:\s+(?P<yend_y>{year}))?",
        # "nineteen ninety-six", "the year two thousand and one"
        "spelled": rf"(?:\bthe\s+year\s+)?(?P<spelled_w>{spelled})"
        rf"|\bthe\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<spelled_k>"
        rf"{word([*sp['digits'], *sp['teens'], 'ten'])}))?\b",
        # "for the year", "the full year", "the fiscal year": the year of publication; not "the
        # year before", "the year of the attack", "the year-ago quarter", "the year 2000"
        "theyear": r"\bthe\s+(?:full\s+)?(?:fiscal\s+)?year\b(?![\s-]+(?:ago|earlier|before|after"
        r"|of|when|in|that|which)\b|['’-]|\s+\d)",
        "wkend": r"\bthe\s+weekend\b",
        "ago": rf"{hedge}(?P<ago_n>{number})\s+(?P<ago_u>{unit})\s+(?P<ago_w>ago|earlier)\b",
        "yback": rf"(?P<yback_w>{year_back})",
        "inn": rf"\bin\s+{hedge}(?P<inn_n>{number})\s+(?P<inn_u>{unit})(?:['’]?\s*time\b)?",
        "relday": rf"(?:(?P<relday_mod>{mod})\s+)?(?P<relday_w>{word(w.relative_days)}){part}",
        "wd": rf"(?:(?P<wd_mod>{mod})\s+(?:on\s+)?)?(?:(?P<wd_s>{step})\s+)?(?P<wd_d>{weekday})"
        rf"{part}",
        "mon": rf"(?:{mod}[\s-]+)?(?P<mon_m>{full})",
        # A lone year: after a strong preposition, a modifier, a weak preposition when no
        # lower-case word follows, or a determiner. The mention starts at `_core`.
        "year": rf"\b{alt(preps['strong'])}\s+(?:the\s+(?:year\s+)?)?"
        rf"(?P<year_core>(?:{mod}[\s-]+)?{years('year')}){no_percent}",
        "yearm": rf"(?P<yearm_core>{mod}[\s-]+{years('yearm')}){no_percent}",
        "yearw": rf"\b{alt(preps['weak'])}\s+(?P<yearw_core>{years('yearw')})"
        rf"(?!\s+(?-i:[a-z])){no_percent}",
        "yeard": rf"\b{alt(preps['determiners'])}\s+(?P<yeard_core>{years('yeard')})"
        rf"{no_percent}",
        # after a possessive: "Iran's 1979 revolution"
        "yearp": rf"(?<=['’]s\s)(?P<yearp_core>{years('yearp')}){no_percent}",
        # "now", "recently", "the future": no calendar period; never before a number or a unit
        # ("the past two months" is a duration)
        "ref": rf"(?P<ref_w>{word(w.references)})(?![\s-]+(?:\d|{alt(w.numbers)}\b|few\b"
        rf"|several\b|{unit}))",
    }
    alternation = "|".join(f"(?P<{name}>{body})" for name, body in forms.items())
    return re.compile(f"{_gate(w)}(?:{alternation})", re.IGNORECASE)


def _gate(w: Words) -> str:
    """What every form starts with, checked before the alternation is tried.

    Every form starts at a word boundary with a digit, a word that is a date on its own ("March",
    "Friday", "today", "now"), or a lead word ("in", "the", "last", "third") followed by a digit
    or a vocabulary word. Checking that first spares the engine trying every form at each
    position: ten times faster.
    """
    alone = [
        *w.full_months,
        *w.abbreviations,
        *w.weekdays,
        *w.seasons,
        *(x for x in [*w.relative_days, *w.references, *w.year_back] if " " not in x),
        "year's",
    ]
    phrases = [
        *w.modifiers, *w.hedges, *w.numbers, *w.relative_days, *w.steps, *w.units,
        *(x for group in w.year_preps.values() for x in group),
        *w.quarter_ordinals, *w.half_ordinals, *w.decades, *w.centuries, *w.quarter_latest,
        *w.quarter_current, *w.year_back, *w.references,
        *(x for table in w.spelled.values() for x in table),
        "fiscal", "quarter", "quarters", "half", "period", "century", "year", "end",
    ]  # fmt: skip
    leads = {x.split()[0] for x in phrases} | {"between", "from", "the", "in"}
    seconds = {t for x in [*alone, *phrases] for t in x.split()}
    seconds |= {"on", "of", "the", "weekend", *(u + "s" for u in w.units)}
    return (
        rf"\b(?=\d|{alt(alone)}(?![a-z])"
        rf"|{alt(leads)}[\s-]+(?:\d|['’]\d|{alt(seconds)}(?![a-z])))"
    )


def compile_breaks(words: list[str]) -> re.Pattern[str]:
    """Where a clause may start: punctuation, a line break, or a conjunction of dates.yaml."""
    return re.compile(rf"[,;:()\[\]\"“”—–\n]|{word(words)}", re.IGNORECASE)


def compile_cues(
    *, future: list[str], past: list[str], present: list[str], cancel: list[str]
) -> re.Pattern[str]:
    """Tense cues. A future cue takes the verb after it, so "will be held" is not a past "held";
    a present perfect is past ("has fluctuated") unless its verb cancels ("has called off")."""
    adverbs = r"(?:\s+(?:not|be|been|have|also|then|now|soon|likely|probably|again|only|formally))*"
    return re.compile(
        rf"(?:\b|(?=['’]))(?:(?P<future>{alt(future)}\b{adverbs}(?:\s+[a-z]+\b)?)"
        rf"|(?P<past>{alt(past)}\b)"
        rf"|(?P<cancel>{alt(cancel)}\b)"
        rf"|(?P<perfect>\b(?:has|have)\b{adverbs}\s+(?:(?P<perfect_cancel>{alt(cancel)})\b|[a-z]+ed\b(?!\s+to\b)))"
        rf"|(?P<present>{alt(present)}\b{adverbs}(?:\s+[a-z]+ed\b)?)"
        r"|(?P<ed>\b[a-z][a-z-]{2,}ed\b))",
        re.IGNORECASE,
    )
