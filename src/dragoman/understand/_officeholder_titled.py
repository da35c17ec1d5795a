"""A titled surname's office: "President Trump", "Chancellor Merz", "Prime Minister Starmer".

    titled_office("Trump", "President", "2025-05-01") -> Office(USA, GOV, "President", term)

News names a leader by title and surname far more often than by full name, and a surname alone
is too common to look up. With the title it is not: the holders of a post with that title whose
name ends in the surname, in office on the publication date, else the nearest in time within
``_NEAR_YEARS`` (a country does not change with the date, and a text's date may be a
placeholder). The answer is given only when those holders are all of one country.
"""

from __future__ import annotations

import functools

from dragoman.understand._officeholder_dates import parse_on
from dragoman.understand._officeholder_names import fold
from dragoman.understand._officeholder_table import load_roles
from dragoman.understand.officeholders import Office, _office, _on_date, _Row, _table

__all__ = ["titled_office"]

_NEAR_YEARS = 12  # how far from the date a term may lie and still name the person's country
# Regnal numbers: "Hassan II", "Abdullah II" are named "King Hassan", "King Abdullah" in news
_REGNAL = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})


@functools.cache
def _by_surname() -> dict[str, list[_Row]]:
    """The table's rows by the folded last word of each name and alias (before a regnal
    number: "Hassan II" under "hassan")."""
    out: dict[str, list[_Row]] = {}
    for row in _table().rows:
        for name in row.names:
            words = fold(name).replace("-", " ").split()
            if len(words) > 1 and words[-1] in _REGNAL:
                words = words[:-1]
            if words:
                out.setdefault(words[-1], []).append(row)
    return out


def titled_office(surname: str, title: str, on: str | None) -> Office | None:
    """The office of the one country whose holders of ``title`` are named ``surname``, or None.

    Holders whose post bears the title itself come first; the title's role only where none
    does ("Premier Li" for a head of government): "King Hassan" is not a President Hassan.
    """
    wanted = fold(title).strip()
    role = load_roles().role(title)
    named = [r for r in _by_surname().get(fold(surname).strip(), []) if r.term.country]
    titled = [r for r in named if wanted and wanted in fold(r.v[6])]
    rows = titled or [r for r in named if r.v[5] == role]
    if not rows or not wanted:
        return None
    if on is not None:
        held = [r for r, _ in _on_date(rows, parse_on(on))]
        rows = held or _nearest(rows, parse_on(on)[:4])
    countries = {_office(r, None, None).country for r in rows}
    if len(countries) != 1 or not rows:
        return None
    row = rows[0]
    return _office(row, load_roles().sector(row.v[5]), row.v[6] or None)


def _nearest(rows: list[_Row], year: str) -> list[_Row]:
    """The rows whose term lies nearest ``year`` (within ``_NEAR_YEARS``)."""

    def gap(row: _Row) -> int:
        start = int((row.v[7] or year)[:4])
        end = int((row.v[8] or row.v[9] or year)[:4])
        y = int(year)
        return 0 if start <= y <= end else min(abs(y - start), abs(y - end))

    near = [(gap(r), r) for r in rows if gap(r) <= _NEAR_YEARS]
    best = min((g for g, _ in near), default=None)
    return [r for g, r in near if g == best]
