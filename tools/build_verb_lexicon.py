"""Build the coder's secondary trigger lexicon from the PETRARCH2 CAMEO verb dictionary.

    python tools/build_verb_lexicon.py                 # defaults: ../shared next to the repo
    python tools/build_verb_lexicon.py --dictionary /path/to/CAMEO.2.0.txt --out FILE.tsv

Reads (never at run time; the output is committed package data):

* ``resources/petrarch2-dictionaries/CAMEO.2.0.txt``: verb synonym blocks, irregular forms, noun
  synonym sets (``&SET``) and phrase patterns (``- * (FOR TALKS) [046]``). MIT licence, Copyright
  (c) 2015 Open Event Data Alliance; see ``src/dragoman/data/coding/LICENSE-PETRARCH2.txt``.
* ``src/dragoman/data/ontology/cameo_codes.tsv``: each code's PLOVER type, mode and contexts.

It also reads ``src/dragoman/data/coding/triggers.yaml`` for one thing: the roles hint its
hand-written triggers give a CAMEO code, when they all agree (0874 withdrawals and 1723 curfews
are ``domestic``, 057 signings ``symmetric``), so that both lexicons read actors alike.

Writes ``src/dragoman/data/coding/cameo_verbs.tsv``, one trigger per row, which
``dragoman.coding.lexicon`` loads as a secondary lexicon: the coder reads it only for a sentence
in which no hand-written trigger matches. Output is sorted and stable: re-running on the same
inputs changes nothing. Re-run after editing the dictionary, this script, cameo_codes.tsv or the
roles in triggers.yaml, then ``dragoman eval`` (see data/coding/README.md).

How a dictionary entry becomes a trigger
-----------------------------------------
PETRARCH matched patterns over a parse tree; we match regexes over a sentence, so only what can be
read off the surface is kept:

* a pattern applies to the verbs named in its comment (``# RUSH``: the verb it was written for),
  to every verb of the block when it has no comment, and to none when the comment names only
  verbs the block no longer lists;
* each verb gets its irregular forms from ``{...}`` or, without them, the regular ones we generate
  (``-s``/``-es``/``-ies``, ``-ed``/``-d``/``-ied``, ``-ing``, a doubled final consonant);
* literal words stay in order; words of one ``{noun phrase}`` or ``(prepositional phrase)`` may
  have two words between them, separate parts three, never across a comma, a clause word ("and",
  "that", "which" ...) or an ``-ing`` word (a new predicate: "a statement calling for");
  ``+``/``$``/``%`` (actors) and ``^`` (a skipped phrase) are up to six words; ``&SET`` is the
  set's phrases with their regular plurals;
* the verb's base and ``-s`` forms do not count after a determiner or before "of" (nouns: "the
  start of a trip", "a call"), nor after "to", "must" or "should" (an act wanted or asked for:
  "plans to impose", "must return"); its ``-ing`` forms not after a preposition ("aimed at
  pushing for"); a pattern whose literal words are all function words or vague nouns ("imported
  from", "monitored the situation") is a bare verb (below); verbs of state ("enjoyed support")
  are left out;
* a verb alone codes only when the dictionary gives it a code of its own or heads its block
  (``--- KIDNAP [181] ---``), its code is one whose verb names the act (``_BARE_ROOTS``) and it is
  not a generic verb (``_GENERIC``); its base form then needs "will", "would" or another modal
  before it, its ``-ing`` form "is", "was" or the like (both are mostly nouns or adjectives
  otherwise: "a demand", "a demanding job"), and its ``-s`` form is left out ("demands");
* the code is ``[source->target]`` (``[042:043]``: the first), ``[:code]`` is the reverse act
  (roles ``passive``), ``[---]`` codes nothing (dropped).

Ontology decisions (ontology/README.md) applied here: CAMEO 01 statements have no PLOVER type and
are dropped; 036 for a meeting, visit or mission planned (CONSULT + planned, decision 1) and
cancellations or postponements of meetings (a status, decisions 5 and 6) are dropped; mediation
045 is CONSULT 046 with the mediator apart (decision 2); anything about sanctions or an embargo is
163 when imposed, 1312 when threatened and 085 when eased (decision 4); the manual's labels
(decision 9) come with cameo_codes.tsv.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


REPO = Path(__file__).resolve().parents[1]
DEFAULT_DICTIONARY = (
    REPO.parent / "shared" / "resources" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
)
DEFAULT_CODES = REPO / "src" / "dragoman" / "data" / "ontology" / "cameo_codes.tsv"
DEFAULT_TRIGGERS = REPO / "src" / "dragoman" / "data" / "coding" / "triggers.yaml"
DEFAULT_OUT = REPO / "src" / "dragoman" / "data" / "coding" / "cameo_verbs.tsv"

COLUMNS = ("id", "pattern", "cameo", "event_type", "mode", "context", "roles", "starts", "index",
           "needs", "verb", "line")  # fmt: skip

# A word between the parts of a pattern: never a comma, a clause word or a reporting verb.
_STOP = (r"(?:and|but|or|nor|that|which|who|whom|whose|while|whereas|because|although|though|if|"
         r"unless|when|where|after|before|since|until|said|says|say|told|according)")  # fmt: skip
_FILLER = rf"(?:(?!{_STOP}\b|\w+ing\b)[\w'’.-]+\s+)"
# A bare verb's base form is an act only after these ("will retaliate"); "to", "must" and
# "should" make it an act wanted or asked for (_COMPLEMENT).
_MODAL_BEFORE = ("will", "would", "shall", "could", "can", "cannot", "may", "might", "not",
                 "never")  # fmt: skip
_BE_BEFORE = ("is", "are", "was", "were", "be", "been")
_PREPOSITIONS = ("at", "of", "for", "about", "towards", "toward", "against", "without", "before",
                 "after", "from", "by", "on", "in", "into", "upon")  # fmt: skip
# "plans to impose", "must return": an act wanted, planned or asked for, not done (REQUEST, AGREE
# or THREATEN in PLOVER); "will" and "would" stay (an announced act).
_COMPLEMENT = ("to", "must", "should")
_DETERMINERS = ("the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "any", "no",
                "every", "each")  # fmt: skip
_INLINE_SET, _MAX_NEED = 4, 16  # bigger synonym sets become macros; bigger groups no pre-check
_INNER, _OUTER, _SLOT = (0, 2), (0, 3), (1, 6)  # words allowed: in a phrase, between parts, actor

# Verbs whose bare form says nothing about the act ("said", "made", "came"): never coded alone.
# Also verbs that news uses mostly for other things ("failed", "declined", "ordered", "supported",
# "died", "targeted", "imposed"), and feelings and attitudes that are not acts ("regretted").
_GENERIC = _wordset("""
be is are was were been have has had do does did go goes went gone get got make made take took
give gave put set come came say said tell told see saw look seem appear keep hold bring run turn
leave move call ask show play work use find open close start begin end stop return send receive
reach raise remain stay stand sit let help try want need plan prepare consider think believe hope
expect express feel hear learn know mean note add mention describe report announce state claim
argue explain agree join face meet act break hit match pit beat best bust base post place pose
position station stage arrange touch handle manage carry follow pass lead win lose grant allow
free release deliver offer treat deal pay cost own change alter switch revise modify concern worry
apply suggest bargain collaborate coordinate greet influence rejoice support affirm reassert
respect favor favour bless encourage appreciate formalize monitor search spy decree order insist
despair dismay dismiss distrust regret offend curse disgrace lament renounce compensate defect
delay fail decline object overrule breach endanger warn disturb provoke overfly parade abort
betray disrupt undermine disband disassociate rescind exclude impel impose punish suppress extract
steal bar fine sentence confine sue abuse hurt kick rip slap whip wrestle rampage scuffle
terrorize die destroy engage flatten pound target encircle repulse explode brand savage mock
kill injure wound
""")
# Generic verbs whose act their subject does not tell: "- &MILITARY * [192] # TAKE" codes "the
# army has taken up the task" as an occupation, "- CRITICS * [111] # REPORT" any report. Only a
# pattern with words after such a verb codes (an object: "took control"). Verbs of harm keep
# their subject-only patterns: "a suicide bomber killed", "troops moved to" name the act.
_SUBJECT_BLIND = _wordset("take use join open start report keep stop fail stand apply mock")
# Irregular verbs whose past is their base form, when the dictionary lists no forms for them.
_SAME_PAST = _wordset("set put cut hit let shut spread cast hurt split burst bid quit upset "
                      "broadcast forecast thrust shed beat")  # fmt: skip
# Verbs of state, not of acts: "the plan enjoyed support", "remained a concern".
_STATIVE = _wordset("enjoy remain seem appear lack possess deserve suffer own like love hate")
# CAMEO roots whose verbs name the act on their own ("kidnapped", "vetoed", "condemned"); meetings,
# statements, material cooperation and yielding need their object ("held talks", "sent aid").
_BARE_ROOTS = frozenset({"02", "05", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
                         "19", "20"})  # fmt: skip
# PETRARCH codes cancelling or postponing a meeting as a reduced relation; for dragoman it is the
# meeting's status (decisions 5 and 6), read by status.yaml.
_STATUS_VERBS = frozenset({"cancel", "call off", "postpone", "delay", "defer", "put off", "shelve",
                           "scrap", "abort", "reschedule", "push back", "table", "stall"})  # fmt: skip
_MEETING_WORDS = frozenset({"talk", "talks", "meeting", "meetings", "summit", "visit", "trip",
                            "conference", "negotiation", "negotiations", "dialogue", "discussion",
                            "discussions", "tour", "meet", "departure", "debate"})  # fmt: skip
# Decision 1: a scheduled meeting, visit or mission is CONSULT + planned (triggers.yaml), so 036
# ("intend to meet") is kept only for offers and willingness ("offered talks", "sought dialogue").
_SCHEDULING_VERBS = _wordset(
    "plan schedule expect announce send make begin start launch embark host call tout fly"
) | {"set up", "embark on"}
_TRIP_WORDS = _wordset("visit visits trip trips tour tours mission missions team teams summit "
                       "summits meeting meetings stop travel minister")  # fmt: skip
_SANCTION_WORDS = frozenset({"sanction", "sanctions", "embargo", "embargoes"})
_SYMMETRIC_CODES = frozenset({"040", "041", "044", "046"})
# "fought", "clashed", "battled": two sides; other conventional force has a source and a target.
_FIGHT_VERBS = frozenset({"fight", "clash", "battle", "skirmish", "duel", "grapple", "quarrel",
                          "square off", "wage war", "combat", "engage", "altercate"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str  # lower case, words joined by spaces: "ask for"
    forms: tuple[str, ...]  # every form, the lemma first
    past: tuple[str, ...]  # forms that are past tense or participles (a bare verb's safe forms)
    code: str | None  # its own code on its line, if any
    line: int


@dataclass(slots=True)
class Block:
    name: str
    code: str | None
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Pattern:
    tokens: tuple[str, ...]  # the pattern's words, "*" for the verb
    code: str  # as written: "046", "042:043", ":173", "---"
    verbs: tuple[str, ...]  # the verbs the comment names, upper case as written
    line: int


@dataclass(frozen=True, slots=True)
class Dictionary:
    synsets: dict[str, tuple[tuple[str, ...], ...]]  # "&FOOD" -> phrases as word tuples
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class CodeInfo:
    event_type: str
    mode: str
    context: str  # comma-separated
    roles: str | None = None  # what every hand-written trigger of the code has, if they agree


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    pattern: str
    cameo: str
    event_type: str
    mode: str
    context: str
    roles: str
    starts: str  # the words a match can start with
    index: str  # words a match must contain, one of which the loader indexes the entry by
    needs: str  # word groups ("a|b c") of which every match contains one word each
    verb: str
    line: int

    def row(self) -> list[str]:
        return [str(getattr(self, c)) for c in COLUMNS]


# ------------------------------------------------------------------------------------ reading


def parse_dictionary(text: str) -> Dictionary:
    """Read the synonym sets and verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[tuple[str, ...]]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    set_plurals = True
    in_verbs = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if "TRANSFORMATIONS" in raw and raw.startswith("#"):
            break
        if "VERB PATTERNS" in raw and raw.startswith("#"):
            in_verbs = True
            continue
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("---") else raw.rstrip()
        comment = raw.split("#", 1)[1] if "#" in raw and not raw.startswith("---") else ""
        if not line.strip():
            current_set = None
            continue
        if line.startswith("&"):
            name = line.split()[0]
            set_plurals = not name.endswith("_")
            current_set = name.rstrip("_")
            synsets[current_set] = []
            continue
        if current_set is not None and line.startswith("+"):
            phrase = line[1:].strip()
            words = _words(phrase.rstrip("_"))
            synsets[current_set].append(words)
            if set_plurals and not phrase.endswith("_"):
                synsets[current_set].append((*words[:-1], _plural(words[-1])))
            continue
        if not in_verbs:
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                blocks.append(Block(m.group(1), _code(m.group(2)), lineno))
            continue
        if not blocks:
            continue
        if line.startswith("-"):
            pattern = _pattern(line, comment, lineno)
            if pattern is not None:
                blocks[-1].patterns.append(pattern)
            continue
        verb = _verb(line, lineno)
        if verb is not None:
            blocks[-1].verbs.append(verb)
    return Dictionary(
        synsets={k: tuple(dict.fromkeys(v)) for k, v in synsets.items()}, blocks=tuple(blocks)
    )


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.split(r"[\s_]+", phrase.strip()) if w)


def _code(text: str) -> str | None:
    text = text.strip()
    return None if not text or text.startswith("---") else text


def _pattern(line: str, comment: str, lineno: int) -> Pattern | None:
    m = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*$", line)
    if m is None:
        return None
    named = tuple(re.findall(r"[A-Z][A-Z_-]+", comment.split("<")[0]))
    tokens = tuple(m.group(1).replace("(", " ( ").replace(")", " ) ").replace("{", " { ")
                   .replace("}", " } ").split())  # fmt: skip
    return Pattern(tokens=tokens, code=m.group(2).strip() or "---", verbs=named, line=lineno)


def _verb(line: str, lineno: int) -> Verb | None:
    m = re.match(r"\+?([A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", line.strip())
    if m is None:
        return None
    lemma = " ".join(_words(m.group(1)))
    given = [" ".join(_words(f.lstrip("+"))) for f in re.split(r"[\s,]+", m.group(2) or "") if f]
    if m.group(2) is not None:  # irregular: the forms given replace the regular ones
        forms = [lemma, *given]
        past = [f for f in given if _is_past(f, lemma)]
    else:
        forms, past = _regular_forms(lemma)
    return Verb(
        lemma=lemma,
        forms=tuple(dict.fromkeys(forms)),
        past=tuple(dict.fromkeys(past)),
        code=_code(m.group(3) or ""),
        line=lineno,
    )


def _is_past(form: str, lemma: str) -> bool:
    head, lead = form.split(" ")[0], lemma.split(" ")[0]
    return (
        head != lead
        and not head.endswith("ing")
        and not (head == lead + "s" or head.endswith(("es", "ies")))
    )


def _regular_forms(lemma: str) -> tuple[list[str], list[str]]:
    """Base, -s, -ed and -ing forms of a regular verb; particles ("ask for") follow the head."""
    head, *rest = lemma.split(" ")
    tail = "".join(" " + w for w in rest)
    if head.endswith("ie"):
        third, past, ing = [head + "s"], [head + "d"], [head[:-2] + "ying"]
    elif head.endswith(("ee", "ye", "oe")):  # "agreed", "eyed": the e stays before -ing
        third, past, ing = [head + "s"], [head + "d"], [head + "ing"]
    elif head.endswith("e"):
        third, past, ing = [head + "s"], [head + "d"], [head[:-1] + "ing"]
    elif head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        third, past, ing = [head[:-1] + "ies"], [head[:-1] + "ied"], [head + "ing"]
    elif head.endswith(("s", "x", "z", "ch", "sh")):
        third, past, ing = [head + "es"], [head + "ed"], [head + "ing"]
    else:
        third, past, ing = [head + "s"], [head + "ed"], [head + "ing"]
        # "ban"/"banned", "commit"/"committed", "travel"/"travelled": a doubled consonant after
        # one short vowel, in one syllable or a stressed last one; both spellings where usage
        # varies ("travelled", "traveled").
        if re.search(r"(?:^|[^aeiou])[aeiou][bcdfgklmnprstvz]$", head):
            doubled = (head + head[-1] + "ed", head + head[-1] + "ing")
            if len(re.findall(r"[aeiouy]+", head)) == 1:
                past, ing = [doubled[0]], [doubled[1]]
            elif re.search(
                r"(?:mit|(?:re|pre|con|trans|in|de)fer|cur|pel|bel|trol|gret|quip|[aeo]l)$", head
            ):
                past.append(doubled[0])
                ing.append(doubled[1])
    if head in _SAME_PAST:  # "set", "cut": the past is the base form, which stays ambiguous
        past = []
    forms = [head, *third, *past, *ing]
    return [f + tail for f in forms], [f + tail for f in past]


def _plural(word: str) -> str:
    if word.endswith("s") and not word.endswith("ss"):
        return word  # already plural ("troops")
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


# ------------------------------------------------------------------------------------ building


def read_codes(path: Path, triggers: Path | None = None) -> dict[str, CodeInfo]:
    """cameo_codes.tsv: code -> PLOVER type, mode and contexts; with ``triggers`` (triggers.yaml)
    also the roles its hand-written triggers give the code, where they all agree."""
    house: dict[str, set[str]] = {}
    if triggers is not None:
        for t in yaml.safe_load(triggers.read_text(encoding="utf-8"))["triggers"]:
            if t["roles"] in ("directed", "symmetric", "domestic"):
                house.setdefault(str(t["cameo"]), set()).add(t["roles"])
    with path.open(encoding="utf-8", newline="") as f:
        return {
            row["code"].strip(): CodeInfo(
                event_type=row["plover_type"].strip(),
                mode=(row.get("plover_mode") or "").strip(),
                context=(row.get("plover_context") or "").strip(),
                roles=next(iter(r))
                if len(r := house.get(row["code"].strip(), set())) == 1
                else None,
            )
            for row in csv.DictReader(f, delimiter="\t")
        }


def build_entries(dictionary: Dictionary, codes: dict[str, CodeInfo]) -> list[Entry]:
    """Every trigger the dictionary yields, deduplicated and sorted by code, verb and line."""
    found: dict[tuple[str, str], Entry] = {}
    for block in dictionary.blocks:
        verbs = _merge(block.verbs)
        head = " ".join(_words(block.name)).split(" ")[0]
        for verb in verbs:
            code = verb.code or block.code
            if code is not None and (verb.code is not None or verb.lemma == head):
                entry = _bare(verb, code, codes)
                if entry is not None:
                    found.setdefault((entry.pattern, entry.cameo), entry)
        for pattern in block.patterns:
            for verb in _pattern_verbs(pattern, verbs):
                entry = _phrase(pattern, verb, block, dictionary.synsets, codes)
                if entry is not None:
                    found.setdefault((entry.pattern, entry.cameo), entry)
    entries = sorted(found.values(), key=lambda e: (e.cameo, e.verb, e.line, e.pattern))
    seen: dict[str, int] = {}
    out = []
    for e in entries:
        base = f"{e.cameo}.{e.verb.replace(' ', '_')}.{e.line}"
        seen[base] = seen.get(base, 0) + 1
        out.append(
            Entry(**{**_fields(e), "id": base if seen[base] == 1 else f"{base}.{seen[base]}"})
        )
    return out


def _fields(e: Entry) -> dict[str, object]:
    return {c: getattr(e, c) for c in COLUMNS}


def _merge(verbs: Iterable[Verb]) -> list[Verb]:
    """One Verb per lemma: a block may list a verb twice ("BRING", "BRING {BROUGHT ...}")."""
    out: dict[str, Verb] = {}
    for v in verbs:
        if v.lemma in out:
            old = out[v.lemma]
            v = Verb(
                lemma=v.lemma,
                forms=tuple(dict.fromkeys(old.forms + v.forms)),
                past=tuple(dict.fromkeys(old.past + v.past)),
                code=old.code or v.code,
                line=old.line,
            )
        out[v.lemma] = v
    return list(out.values())


def _pattern_verbs(pattern: Pattern, verbs: list[Verb]) -> list[Verb]:
    """The verbs a pattern was written for (its comment), every verb of the block when the
    comment names none, and no verb when it names only verbs the block lacks ("# URGE" in the
    DEMAND block: a pattern left behind when its verb moved)."""
    named = {" ".join(_words(n)) for n in pattern.verbs}
    chosen = [v for v in verbs if named & ({v.lemma} | set(v.forms))]
    return chosen if named else verbs


def _resolve(code: str, words: list[str], verb: str, codes: dict[str, CodeInfo]
             ) -> tuple[str, bool] | None:  # fmt: skip
    """The CAMEO code we record and whether the act is reversed ([:173]); None to drop."""
    forward, _, backward = code.partition(":")
    reverse = not forward.strip()
    code = (backward if reverse else forward).strip()
    if not code or code.startswith("-") or code not in codes:
        return None
    if code == "045":
        code = "046"  # decision 2: mediation is the parties' talks, mediator apart
    if set(words) & _SANCTION_WORDS:  # decision 4
        if code[:2] in ("16", "17"):
            code = "163"
        elif code[:2] == "13":
            code = "1312"
        elif code[:2] == "08":
            code = "085"
    if codes[code].event_type in ("none", ""):
        return None  # CAMEO 01: a statement alone is not an event
    particle = " ".join([verb, *words[:1]]) in _STATUS_VERBS  # "call * off"
    if (verb in _STATUS_VERBS or particle) and (
        set(words) & _MEETING_WORDS or len(words) <= int(particle)
    ):
        return None  # decisions 5 and 6: a called-off or put-off meeting is the meeting's status
    return code, reverse


def _roles(code: str, info: CodeInfo, verb: str, reverse: bool, tokens: tuple[str, ...]) -> str:
    """The coder's roles hint: the dictionary's direction, else triggers.yaml's for the code."""
    star = tokens.index("*") if "*" in tokens else 0
    if reverse or "$" in tokens[star:] or "+" in tokens[:star]:
        return "passive"
    if code == "046" and verb in ("mediate", "broker", "facilitate"):
        return "mediation"
    if info.roles is not None:
        return info.roles
    if code in _SYMMETRIC_CODES or (code == "190" and verb in _FIGHT_VERBS):
        return "symmetric"
    if code[:2] in ("14", "15"):
        return "domestic"
    return "directed"


def _entry(pattern: str, code: str, reverse: bool, verb: Verb, tokens: tuple[str, ...],
           groups: list[tuple[str, ...]], codes: dict[str, CodeInfo], line: int) -> Entry:  # fmt: skip
    """``groups``: the words of each part in text order (a part's first words); one of each part
    is in every match."""
    info = codes[code]
    starts = groups[0]
    verb_group = _firsts(verb.forms)  # the loader indexes by a noun first, then the verb
    groups = [verb_group, *(g for g in groups if g != verb_group)]
    # a group that holds another adds nothing to the pre-check ("seize|seized|seizes|seizing"
    # beside a bare verb's own "seize|seized|seizing")
    groups = [g for g in groups if not any(set(h) < set(g) for h in groups)]
    # index the entry by its most telling group: a noun before a verb form, the shortest first
    small = [g for g in groups if len(g) <= _MAX_NEED] or groups[:1]
    literal = [g for g in small[1:] if not set(g) & _FUNCTION_WORDS] or small
    key = min(literal, key=lambda g: (len(g), " ".join(sorted(g))))
    return Entry(
        id="",
        pattern=pattern,
        cameo=code,
        event_type=info.event_type,
        mode=info.mode,
        context=info.context,
        roles=_roles(code, info, verb.lemma, reverse, tokens),
        starts=" ".join(starts),
        index=" ".join(sorted(key)),
        needs=" ".join("|".join(sorted(g)) for g in groups if len(g) <= _MAX_NEED),
        verb=verb.lemma,
        line=line,
    )


# Objects that say nothing of the act: "monitored the situation", "took a step", "continued
# their effort" (060 in the dictionary: an effort names no cooperation).
_VAGUE_NOUNS = _wordset("""
situation situations issue issues matter matters question questions thing things way ways time
times part parts place places case cases point points role roles fact facts step steps effort
efforts
""")
_FUNCTION_WORDS = _wordset("""
a an the to of in on at by for from with into onto over under against about as up down out off
back away forward his her its their our this that these those any some more new own one two
""")


def _bare(verb: Verb, code: str, codes: dict[str, CodeInfo]) -> Entry | None:
    """A verb alone: only a specific one (see the module docstring), and only its safe forms."""
    resolved = _resolve(code, [], verb.lemma, codes)
    if resolved is None or verb.lemma in _GENERIC or " " in verb.lemma:
        return None
    code, reverse = resolved
    if code[:2] not in _BARE_ROOTS or not verb.past:
        return None
    ing = [f for f in verb.forms if f.split(" ")[0].endswith("ing") and f not in verb.past]
    groups = [_firsts([*verb.past, *ing, verb.lemma])]
    return _entry(_bare_regex(verb), code, reverse, verb, ("*",), groups, codes, verb.line)


def _bare_regex(verb: Verb) -> str:
    """The forms of a verb that say it was done when nothing else does: past forms (not a
    participle before "by" or "of"), the base form after a modal, -ing after "is", "was" ..."""
    ing = [f for f in verb.forms if f.split(" ")[0].endswith("ing") and f not in verb.past]
    body = f"(?:(?:{_alternation(verb.past)})(?!\\s+(?:by|of)\\b)"
    body += f"|{{MODAL}}(?:{_alternation([verb.lemma])})"
    return body + (f"|{{PROGRESSIVE}}(?:{_alternation(ing)}))" if ing else ")")


def _phrase(pattern: Pattern, verb: Verb, block: Block,
            synsets: dict[str, tuple[tuple[str, ...], ...]],
            codes: dict[str, CodeInfo]) -> Entry | None:  # fmt: skip
    parts = _parts(pattern.tokens, synsets)
    if verb.lemma.split(" ")[0] in _STATIVE:
        return None
    if parts is None or not any(part[0] == "lit" for part in parts):
        return None  # an unknown set, or nothing but the verb and actor slots
    words = [w for kind, alts, _, _ in parts if kind == "lit" for alt in alts for w in alt]
    resolved = _resolve(pattern.code, words, verb.lemma, codes)
    if resolved is None:
        return None
    code, reverse = resolved
    vague = not [w for w in words if w not in _FUNCTION_WORDS | _VAGUE_NOUNS]
    if vague and (verb.lemma in _GENERIC or code[:2] not in _BARE_ROOTS or not verb.past):
        return None  # "imported from", "monitored the situation": the verb alone, in effect
    if verb.lemma in _SUBJECT_BLIND and not _object_words(parts):
        return None  # "- &MILITARY * [192]": "the army has taken up the task" names no act
    if code == "036" and (
        (block.code or "")[:2] == "04"
        or verb.lemma in _SCHEDULING_VERBS
        or set(words) & _TRIP_WORDS
    ):
        return None  # decision 1: a meeting or trip planned is CONSULT + planned, not intent
    pieces: list[str] = []
    groups: list[tuple[str, ...]] = []
    gap: tuple[int, int] | None = None
    last_group: int | None = None
    for kind, alts, group, name in parts:
        if kind == "slot":
            lo, hi = alts  # type: ignore[misc]
            gap = (max(lo, gap[0] if gap else 0), hi + (gap[1] if gap else 0))
            continue
        if pieces:
            if gap is None:
                gap = _INNER if group is not None and group == last_group else _OUTER
            pieces.append(rf"\s+{{W{gap[0]}_{gap[1]}}}")
        elif gap is not None:
            pass  # an actor slot before everything else is outside the match
        gap = None
        if kind == "verb":  # a vague pattern's verb is read as a bare verb ("fired at")
            pieces.append(_bare_regex(verb) if vague else _verb_regex(verb))
            groups.append(_firsts(verb.forms))
        elif name is not None:
            pieces.append("{SET_" + name[1:] + "}")
            groups.append(_firsts(" ".join(a) for a in alts))  # type: ignore[union-attr]
        else:
            pieces.append(rf"(?:{_alternation([' '.join(a) for a in alts])})")  # type: ignore[union-attr]
            groups.append(_firsts(" ".join(a) for a in alts))  # type: ignore[union-attr]
        last_group = group
    return _entry("".join(pieces), code, reverse, verb, pattern.tokens, groups, codes, pattern.line)


def _object_words(parts: list[tuple[str, object, int | None, str | None]]) -> list[str]:
    """The telling literal words after the verb: what a generic verb ("take", "hold") did; words
    before it are its subject ("troops"), which says who acted, not what was done."""
    kinds = [kind for kind, _, _, _ in parts]
    after = parts[kinds.index("verb") + 1 :] if "verb" in kinds else parts
    return [
        w
        for kind, alts, _, _ in after
        if kind == "lit"
        for alt in alts  # type: ignore[union-attr]
        for w in alt
        if w not in _FUNCTION_WORDS | _VAGUE_NOUNS
    ]


def _verb_regex(verb: Verb) -> str:
    """A verb's forms; the base and -s forms not where they are nouns ("the start of", "a call"),
    the -ing forms not after a preposition ("a trip aimed at pushing for")."""
    ing = [f for f in verb.forms if f.split(" ")[0].endswith("ing") and f not in verb.past]
    noun_like = [f for f in verb.forms if f not in verb.past and f not in ing]
    out = [_alternation(verb.past)] if verb.past else []
    if ing:
        out.append(f"{{FINITE}}(?:{_alternation(ing)})")
    if noun_like:
        out.append(f"{{VERBAL}}(?:{_alternation(noun_like)})(?!\\s+of\\b)")
    return "(?:" + "|".join(out) + ")"


def _parts(tokens: tuple[str, ...], synsets: dict[str, tuple[tuple[str, ...], ...]]
           ) -> list[tuple[str, object, int | None, str | None]] | None:  # fmt: skip
    """The pattern as ("verb"|"lit"|"slot", alternatives or (lo, hi), phrase group, set name)
    parts; the set name is given for a big synonym set, written as a macro."""
    out: list[tuple[str, object, int | None, str | None]] = []
    group: int | None = None
    opened = 0
    for tok in tokens:
        if tok in ("(", "{"):
            opened += 1
            group = opened
            continue
        if tok in (")", "}"):
            group = None
            continue
        for piece in _split_star(tok):
            if piece == "*":
                out.append(("verb", None, group, None))
            elif piece in ("+", "$", "%"):
                out.append(("slot", _SLOT, group, None))
            elif piece == "^":
                out.append(("slot", (0, _SLOT[1]), group, None))
            else:
                alts = _alternatives(piece, synsets)
                if alts is None:
                    return None
                name = piece.rstrip("_") if re.fullmatch(r"&[A-Z_]+", piece) else None
                out.append(("lit", alts, group, name if len(alts) > _INLINE_SET else None))
    if not any(part[0] == "verb" for part in out):
        return None
    return out


def _split_star(tok: str) -> list[str]:
    """ "SPY_*_DEAL" -> ["SPY", "*", "DEAL"]; other tokens unchanged."""
    if "*" not in tok or tok == "*":
        return [tok]
    return [p for p in re.split(r"_?(\*)_?", tok) if p]


def _alternatives(tok: str, synsets: dict[str, tuple[tuple[str, ...], ...]]
                  ) -> tuple[tuple[str, ...], ...] | None:  # fmt: skip
    """A literal token's phrases: "A/B" either word, "&SET" its phrases, "A_B" one phrase."""
    out: list[tuple[str, ...]] = []
    for alt in tok.split("/"):
        words: list[tuple[tuple[str, ...], ...]] = []
        for part in re.split(r"_(?=&)", alt):  # "FIGHTER_&AIRCRAFT"
            if part.startswith("&"):
                phrases = synsets.get(part.rstrip("_"))
                if not phrases:
                    return None
                words.append(phrases)
            else:
                w = _words(part.rstrip("_"))
                if not w or not all(re.fullmatch(r"[a-z0-9][a-z0-9.'/-]*", x) for x in w):
                    return None
                words.append((w,))
        combos: list[tuple[str, ...]] = [()]
        for options in words:
            combos = [c + o for c in combos for o in options]
        out.extend(combos)
    return tuple(dict.fromkeys(out))


def _firsts(phrases: Iterable[str]) -> tuple[str, ...]:
    """The first word of each phrase as the coder tokenises text (``\\w+``): "cease-fire" -> "cease"."""
    return tuple(sorted({re.findall(r"\w+", p)[0] for p in phrases if re.search(r"\w", p)}))


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, so that the regex prefers "pulled out" to "pulled"."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(_phrase_regex(tuple(p.split(" "))) for p in unique)


def _phrase_regex(words: tuple[str, ...]) -> str:
    return r"\s+".join(re.escape(w).replace(r"\-", "-") for w in words)


# ------------------------------------------------------------------------------------ writing


def macros(entries: Iterable[Entry], synsets: dict[str, tuple[tuple[str, ...], ...]]
           ) -> dict[str, str]:  # fmt: skip
    """The macros the patterns use: {Wlo_hi} (lo to hi words between parts), {MODAL}, {PROGRESSIVE}."""
    out = {
        "MODAL": _behind(_MODAL_BEFORE),
        "PROGRESSIVE": _behind(_BE_BEFORE),
        "FINITE": _behind(_PREPOSITIONS, negative=True),
        "VERBAL": _behind((*_DETERMINERS, *_COMPLEMENT), negative=True) + r"(?<!['’]s\s)",
    }
    used = sorted({m for e in entries for m in re.findall(r"\{(W\d+_\d+)\}", e.pattern)})
    for name in used:
        lo, hi = name[1:].split("_")
        out[name] = f"{_FILLER}{{{lo},{hi}}}?"
    for name in sorted({m for e in entries for m in re.findall(r"\{SET_(\w+)\}", e.pattern)}):
        out["SET_" + name] = f"(?:{_alternation([' '.join(a) for a in synsets['&' + name]])})"
    return out


def _behind(words: Iterable[str], *, negative: bool = False) -> str:
    """One of ``words`` (none, if ``negative``) right before: a lookbehind per word length, as
    Python's must have a fixed width."""
    by_length: dict[int, list[str]] = {}
    for w in sorted(set(words)):
        by_length.setdefault(len(w), []).append(w)
    parts = [
        rf"(?<{'!' if negative else '='}\b(?:{'|'.join(ws)})\s)"
        for _, ws in sorted(by_length.items())
    ]
    return "".join(parts) if negative else "(?:" + "|".join(parts) + ")"


def write_tsv(entries: list[Entry], path: Path, *, source: str,
              synsets: dict[str, tuple[tuple[str, ...], ...]]) -> None:  # fmt: skip
    header = [
        "# GENERATED by tools/build_verb_lexicon.py: do not edit; change the script and re-run it.",
        f"# From {source} (PETRARCH2 CAMEO verb dictionary, MIT licence,",
        "# Copyright (c) 2015 Open Event Data Alliance; see LICENSE-PETRARCH2.txt here).",
        "# Patterns are case-insensitive regexes matched on word boundaries; `index` and `needs`",
        "# are word pre-checks (every match contains a word of each `needs` group). {NAME} in a",
        "# pattern is the `#macro` of that name below.",
        *(f"#macro\t{name}\t{regex}" for name, regex in macros(entries, synsets).items()),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        for line in header:
            f.write(line + "\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar=None)  # fmt: skip
        w.writerow(COLUMNS)
        for e in entries:
            w.writerow(e.row())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    parser.add_argument("--codes", type=Path, default=DEFAULT_CODES)
    parser.add_argument("--triggers", type=Path, default=DEFAULT_TRIGGERS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    dictionary = parse_dictionary(args.dictionary.read_text(encoding="utf-8"))
    entries = build_entries(dictionary, read_codes(args.codes, args.triggers))
    write_tsv(entries, args.out, source=args.dictionary.name, synsets=dictionary.synsets)
    by_type: dict[str, int] = {}
    for e in entries:
        by_type[e.event_type] = by_type.get(e.event_type, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(by_type.items()))
    print(f"wrote {len(entries)} triggers to {args.out}: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
