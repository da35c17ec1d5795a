"""Who held which post on which date: the dated office-holder table of ``data/actors``.

    holders("USA", "foreign minister", "2022-06-01")  -> [Term(name="Antony Blinken", ...)]
    holders("Germany", "chancellor", "2003-06")       -> [Term(name="Gerhard Schroder", ...)]
    posts("Hosni Mubarak", "2005-06-01")              -> [Term(role="head of state", ...)]
    posts("Vladimir Putin")                           -> every term on record, oldest first
    actor_office("Vladimir Putin", "2013-06-01")      -> Office(country="RUS", sector="GOV", ...)

The table (``officeholders.tsv.gz``, built by ``tools/build_officeholders.py``; sources, licences
and snapshot dates in ``data/actors/README.md``) holds 24,557 dated rows of heads of state and
government, ministers, ambassadors and organisation officials, about 1960-2011 and 2021-2022,
plus the 2026 leaders of the G20/ASEAN states. Roles, their other names and the name-matching
rules are in ``officeholders.yaml``. Both are read once per process, on first use.

Dates have the source's precision ("2022", "2022-06", "2022-06-01"); a term that this precision
leaves open for the date asked comes back with ``certain=False``, after the sure ones. A term
the source shows open (``end`` None) is known only up to the source's snapshot: nothing is
answered for a later date. Sources overlap: one person in one post comes back once, from the
row whose dates are surest, then most precise, then whose snapshot is closest after the date.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources

from dragoman.understand._officeholder_dates import Span, parse_on, upper
from dragoman.understand._officeholder_names import NameRules, fold
from dragoman.understand._officeholder_table import load_places, load_roles

log = logging.getLogger(__name__)

__all__ = [
    "Office", "Term", "actor_office", "holders", "last_snapshot", "place_name", "posts",
    "resolve_country", "resolve_role",
]  # fmt: skip

_TABLE = "data/actors/officeholders.tsv.gz"
_COLUMNS = ("name", "aliases", "iso3", "igo", "place", "role", "position", "start", "end",
            "snapshot", "source", "wikidata", "note")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Term:
    """One person's term in one post, as one source gives it.

    ``country`` is the ISO3 code, the organisation's code for an IGO post ("IGOUNO"), or None
    for an entity with neither (``place`` names it: "Republic of Abkhazia"). ``start``/``end``
    are ISO dates of the source's precision; ``end`` None means "in office at ``snapshot``",
    ``start`` None "in office before the source began". ``certain`` is False when the source's
    precision leaves open whether the term covers the date asked.
    """

    name: str
    country: str | None
    place: str
    role: str
    position: str
    start: str | None
    end: str | None
    snapshot: str
    source: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    note: str | None = None
    certain: bool = True


@dataclass(frozen=True, slots=True)
class Office:
    """What the people reader learns from the table about a name on a date."""

    country: str  # the actor code: a dependency's state, an organisation's slot (UNO, EUR, IGO)
    sector: str | None
    title: str | None  # the post's title when the term is sure to cover the date, else None
    term: Term


class _Row:
    """One line of the table; its Term and Span are made when first asked for."""

    __slots__ = ("_span", "_term", "v")

    def __init__(self, values: list[str]) -> None:
        self.v = values
        self._term: Term | None = None
        self._span: Span | None = None

    @property
    def names(self) -> list[str]:
        return [self.v[0], *(a for a in self.v[1].split("|") if a)]

    @property
    def post(self) -> tuple[str, str]:
        return (self.v[2] or self.v[3], self.v[5])

    @property
    def term(self) -> Term:
        if self._term is None:
            v = self.v
            code = v[2] or v[3] or None
            self._term = Term(
                name=v[0], country=code, place=v[4] or load_places().name(code), role=v[5],
                position=v[6], start=v[7] or None, end=v[8] or None, snapshot=v[9],
                source=v[10], aliases=tuple(self.names[1:]), wikidata=v[11] or None,
                note=v[12] or None,
            )  # fmt: skip
        return self._term

    @property
    def span(self) -> Span:
        if self._span is None:
            self._span = Span.of(self.v[7] or None, self.v[8] or None, self.v[9], self.v[12])
        return self._span


class _Table:
    """The rows, by post and by the compact key of every name and alias."""

    def __init__(self, rows: list[_Row], rules: NameRules) -> None:
        self.rows = rows
        self.rules = rules
        self.by_post: dict[tuple[str, str], list[_Row]] = {}
        self.by_name: dict[str, list[_Row]] = {}
        for row in rows:
            v = row.v
            self.by_post.setdefault((v[2] or v[3], v[5]), []).append(row)
            self.by_name.setdefault(v[0], []).append(row)
            if v[1]:
                for alias in v[1].split("|"):
                    self.by_name.setdefault(alias, []).append(row)
        names = list(self.by_name)
        # the compact key: spellings that differ only in case, accents, hyphens, middle
        # initials or transliteration meet ("Gerhard Schroeder" and "Gerhard Schröder")
        self.compact: dict[str, list[str]] = {}
        for name, compact in zip(names, rules.compact_keys(names), strict=True):
            self.compact.setdefault(compact, []).append(name)
        self.newest = max((r.v[9] for r in rows), default="")

    @functools.cached_property
    def loose(self) -> dict[str, dict[str, list[str]]]:
        """The skeleton and first-word indexes, for the fuzzy lookups of ``posts`` only."""
        names = sorted(self.by_name)
        skeleton: dict[str, list[str]] = {}
        first: dict[str, list[str]] = {}
        for name, keys in zip(names, self.rules.keys_many(names), strict=True):
            skeleton.setdefault(keys.skeleton, []).append(name)
            first.setdefault(keys.first, []).append(name)
        return {"skeleton": skeleton, "first": first}

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one table per process, kept for its life)
    def skeletons(self, row: _Row) -> frozenset[str]:
        return frozenset(k.skeleton for k in self.rules.keys_many(row.names))

    def rows_named(self, names: Iterable[str]) -> list[_Row]:
        return list({id(r): r for n in names for r in self.by_name.get(n, ())}.values())


# ---------------------------------------------------------------------------- public API


def holders(
    country: str, role: str, on: str | dt.date, *, position: str | None = None
) -> list[Term]:
    """The people holding ``role`` in ``country`` on ``on``, surest first, each person once.

    Args:
        country: an ISO3 code, an organisation code ("IGOUNO"), or a name ("Germany", "NATO").
        role: a role of ``officeholders.yaml`` or one of its other names ("prime minister").
        on: a date, or an ISO string "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a year or a month asks
            who held the post at any time in it).
        position: keep only terms whose title contains this ("Secretary-General").

    Raises:
        ValueError: the country, role or date is not understood (the message names it).
    """
    post = (resolve_country(country), resolve_role(role))
    q0 = parse_on(on)
    rows = _table().by_post.get(post, [])
    if position:
        wanted = fold(position)
        rows = [r for r in rows if wanted in fold(r.v[6])]
    return _best_per_person(_on_date(rows, q0))


def posts(name: str, on: str | dt.date | None = None, *, fuzzy: bool = True) -> list[Term]:
    """The posts ``name`` held on ``on``; every post on record when ``on`` is None.

    The name is compared without case or diacritics, with its aliases and transliterations
    ("Zelenskyy" = "Zelensky", "al-Maliki" = "al Maliki", "Schroeder" = "Schröder"). With
    ``fuzzy``, a name still unmatched is tried by its consonants ("Ahmedinejad") and then as
    first name + surname ("Badr Albusaidi" for "Badr bin Hamad Al Busaidi"). Terms come in
    order of start, then of the roles in ``officeholders.yaml``.
    """
    rows = _rows_named(name, fuzzy=fuzzy)
    found = _on_date(rows, parse_on(on)) if on is not None else [(r, True) for r in rows]
    order = load_roles().order
    terms = _best_per_person(found, per_post=True)
    return sorted(terms, key=lambda t: (t.start or "", order.get(t.role, 99), t.country or ""))


@functools.lru_cache(maxsize=8192)  # the same names recur from article to article
def actor_office(name: str, on: str | dt.date | None) -> Office | None:
    """The country, sector and title the people reader gives ``name`` in a text of date ``on``.

    In order: the post held on that date (its title only when the term surely covers it); a
    post the table shows still held at a snapshot at most ``still_held_years`` before the date
    (or before the table's newest snapshot, for an undated text), without a title; a notable
    post held before (``notable`` in ``officeholders.yaml``), as a former official (ELI). Where
    a name has posts in several countries, the one with most rows wins. None when the name is
    unknown (strict matching: no fuzzy tiers) or has no post by then.
    """
    rows = [r for r in _rows_named(name, fuzzy=False) if r.term.country]
    if not rows:
        return None
    roles, counts = load_roles(), _by_country(rows)
    asked = parse_on(on) if on is not None else _table().newest
    if on is not None and (held := _on_date(rows, asked)):
        row, certain = min(held, key=lambda rc: (
            not rc[1], -counts[rc[0].post[0]], roles.order.get(rc[0].v[5], 99)))  # fmt: skip
        title = (row.v[6] or row.v[5]) if certain else None
        return _office(row, roles.sector(row.v[5]), title)
    horizon = f"{int(asked[:4]) - roles.still_held_years:04d}{asked[4:]}"
    began = [r for r in rows if r.span.start_lo <= asked]
    still = [r for r in began if not r.v[8] and horizon <= r.v[9] <= asked]
    if still:
        row = max(still, key=lambda r: (counts[r.post[0]], r.v[9], -roles.order.get(r.v[5], 99)))
        return _office(row, roles.sector(row.v[5]), None)
    # a notable post that ended, or that the table last saw open before the horizon
    over = [r for r in began if r.v[5] in roles.notable
            and (r.span.end_hi < asked if r.v[8] else r.v[9] < horizon)]  # fmt: skip
    if over:
        row = max(over, key=lambda r: (counts[r.post[0]], r.span.end_hi))
        return _office(row, "ELI" if roles.sector(row.v[5]) else None, None)
    return None


def resolve_country(text: str) -> str:
    """An ISO3 or organisation code for a code or a name ("us" -> "USA", "NATO" -> "IGOWSTNAT")."""
    code = load_places().code(text)
    if code is None:
        raise ValueError(
            f"no country or organisation called {text!r}; use an ISO3 code (USA), "
            "an organisation code (IGOUNO) or a name (United States, NATO)"
        )
    return code


def resolve_role(text: str) -> str:
    """The table's role for a role or one of its other names ("prime minister")."""
    role = load_roles().role(text)
    if role is None:
        known = ", ".join(load_roles().order)
        raise ValueError(f"no role called {text!r}; use one of: {known} (or another name)")
    return role


def last_snapshot(country: str | None = None, role: str | None = None) -> str:
    """The newest snapshot of the table, or of one post's rows: nothing is known after it."""
    table = _table()
    if country is None or role is None:
        return table.newest
    rows = table.by_post.get((resolve_country(country), resolve_role(role)), [])
    return max((r.v[9] for r in rows), default="")


def place_name(code: str | None) -> str:
    """A country's or organisation's name for its code; the code itself when unknown."""
    return load_places().name(code)


# ---------------------------------------------------------------------------- matching


def _office(row: _Row, sector: str | None, title: str | None) -> Office:
    return Office(load_places().actor_code(row.term.country) or "", sector, title, row.term)


def _by_country(rows: list[_Row]) -> dict[str, int]:
    """How many of a name's rows are in each country: where most are is the likelier reading
    ("Emmanuel Macron" is co-prince of Andorra too, but most of his rows are in France)."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.post[0]] = counts.get(r.post[0], 0) + 1
    return counts


def _on_date(rows: Iterable[_Row], q0: str) -> list[tuple[_Row, bool]]:
    """Rows that cover ``q0`` (surely: True, or may: False), less those a surer row of the
    same person and post rules out ("2022" from one source, "2022-10-22" from another)."""
    q1 = upper(q0)
    hits = [(r, c) for r in rows if (c := r.span.covers(q0, q1)) is not False]
    return [(r, bool(c)) for r, c in hits if c or not _ruled_out(r, q0, q1)]


def _ruled_out(row: _Row, q0: str, q1: str) -> bool:
    mine = row.span
    for other in _table().by_post.get(row.post, []):
        if other is row or not other.span.overlaps(mine) or not _same_person(row, other):
            continue
        span = other.span
        if q1 < span.start_lo and mine.start_lo <= span.start_lo <= mine.start_hi:
            return True  # the surer row starts after the date, within this row's start range
        if span.end_hi < q0 and mine.end_lo <= span.end_hi <= mine.end_hi:
            return True  # ... or ends before it, within this row's end range
    return False


def _same_person(a: _Row, b: _Row) -> bool:
    if a.v[11] and b.v[11]:
        return a.v[11] == b.v[11]
    table = _table()
    return bool(table.skeletons(a) & table.skeletons(b))


def _best_per_person(found: list[tuple[_Row, bool]], *, per_post: bool = False) -> list[Term]:
    """One term per person (per person and post, and term, with ``per_post``): the surest row,
    then one whose role is no guess (``doubtful_notes``), then the most precise, then the one
    whose snapshot is closest after the date."""

    roles = load_roles()

    def rank(item: tuple[_Row, bool]) -> tuple[object, ...]:
        row, certain = item
        precision = len(row.v[7]) + len(row.v[8] or row.v[9])
        return (not certain, roles.doubtful(row.v[12]), -precision, row.v[9], row.v[10], row.v[0])

    kept: list[tuple[_Row, bool]] = []
    for row, certain in sorted(found, key=rank):
        if any(_same_term(row, k, per_post) for k, _ in kept):
            continue
        kept.append((row, certain))
    return [replace(r.term, certain=c) if r.term.certain != c else r.term for r, c in kept]


def _same_term(a: _Row, b: _Row, per_post: bool) -> bool:
    if per_post and (a.post != b.post or not a.span.overlaps(b.span)):
        return False
    return _same_person(a, b)


def _rows_named(name: str, *, fuzzy: bool) -> list[_Row]:
    table = _table()
    keys = table.rules.keys(name)
    if keys.words < 2:
        return []  # a surname alone names too many people
    if keys.compact in table.compact:
        return table.rows_named(table.compact[keys.compact])
    if not fuzzy:
        return []
    if keys.skeleton in table.loose["skeleton"]:
        return table.rows_named(table.loose["skeleton"][keys.skeleton])
    if keys.words == 2:  # "Badr Albusaidi": first name + the end of the full name
        last = table.rules.keys(table.rules.words(name)[-1]).compact
        names = [n for n in table.loose["first"].get(keys.first, [])
                 if table.rules.keys(n).compact.endswith(last)]  # fmt: skip
        return table.rows_named(names)
    return []


# ---------------------------------------------------------------------------- loading


@functools.cache
def _table() -> _Table:
    """The table, read and indexed once per process."""
    from dragoman.errors import DataFileError
    from dragoman.understand._actor_roles import config  # the people reader's honorifics

    raw = resources.files("dragoman").joinpath(_TABLE).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    if tuple(lines[0].split("\t")) != _COLUMNS:
        raise DataFileError(f"{_TABLE}: the header is not {' '.join(_COLUMNS)}; rebuild it with "
                            "tools/build_officeholders.py")  # fmt: skip
    rows = []
    for lineno, line in enumerate(lines[1:], 2):
        values = line.split("\t")
        if len(values) != len(_COLUMNS):
            if line:
                raise DataFileError(
                    f"{_TABLE}:{lineno}: {len(values)} columns, not {len(_COLUMNS)}"
                )
            continue
        rows.append(_Row(values))
    roles = load_roles()
    unknown = {r.v[5] for r in rows} - set(roles.order)
    if unknown:
        log.warning("%s: roles missing from officeholders.yaml: %s", _TABLE, sorted(unknown))
    table = _Table(rows, NameRules(config().honorifics, roles.articles, roles.spellings))
    log.debug("office holders: %d rows, %d names", len(rows), len(table.by_name))
    return table
