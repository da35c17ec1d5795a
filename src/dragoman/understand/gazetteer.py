"""The actor gazetteer: every surface form that can name an actor, indexed once.

    load_gazetteer() -> Gazetteer          (functools.cache: built once per process)
    gaz.scan(tokens) -> [Unit]             leftmost-longest matches, no overlaps
    gaz.lookup("U.S.") -> (Entry, ...)     one surface form

This module reads the data; the records and the matching are in ``_actor_index``.

Built from the package data in ``data/actors`` (see its README for sources and licences):

* ``countries.jsonl``: names, aliases, demonyms (and their plurals), capitals. Dependencies
  carry their state's code ("Puerto Rico" -> USA); ambiguous forms list every reading
  ("Congolese": COD, then COG) and the resolver picks one from the article;
* ``igos.jsonl``: organisations with their PLOVER slot (UNO, EUR, IGO, NGO);
* ``igos_organs.yaml``: an organ's sector ("the UN Security Council" GOV) and the bare names
  that stand for it when nothing makes them a state's body ("The Security Council agreed");
* ``metonyms.yaml``: seats of government besides capitals ("the Kremlin", "Brussels"), capitals
  that are never actors, names that are also people's names, and longer names that are not
  actors ("the Washington Post");
* ``groups.yaml``: named state organs and non-state groups ("the IRGC", "Hezbollah"), and
  peoples whose armed movements are named by the people ("Karen guerrillas" MMR REB);
* ``agents.yaml`` (ours) and ``agents_phoenix.yaml`` (from PETRARCH2): role nouns and sectors;
* ``leaders.jsonl``: office holders in office at their source's snapshot, by name.

Case: a short all-capital form ("US", "UN", "EU", "UAE") matches only in capitals, so the
pronoun "us" is never the United States; a capitalised form needs a capital initial ("Chad",
"Turkey", but not "turkey"); lower-case forms (role nouns) match in any case. Dots, diacritics
and curly apostrophes are ignored ("U.S" = "U.S." = "US", "Elysee" = "Élysée").
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from dragoman.datafile import load_yaml
from dragoman.errors import DataFileError
from dragoman.understand._actor_index import Entry, Gazetteer, Leader, Unit, replace_entry
from dragoman.understand._actor_text import Token, phrase_key, tokenize

log = logging.getLogger(__name__)

__all__ = ["Entry", "Gazetteer", "Leader", "Unit", "analyse", "load_gazetteer"]

_DATA = "data/actors"
SLOT_NAMES = {"UNO": "United Nations", "EUR": "European Union"}


@functools.lru_cache(maxsize=4)
def analyse(text: str) -> tuple[tuple[Token, ...], tuple[Unit, ...]]:
    """Tokens and gazetteer matches of ``text``; the last few texts are kept, so the actors
    and people readers of one article tokenise it once."""
    toks = tuple(tokenize(text))
    return toks, tuple(load_gazetteer().scan(toks))


# ---------------------------------------------------------------------------- loading


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from ``data/actors``; built once per process."""
    gaz = Gazetteer()
    root = resources.files("dragoman").joinpath(_DATA)
    metonyms = _yaml(root, "metonyms.yaml")
    not_seats = {phrase_key(s) for s in metonyms.get("not_seats", [])}
    _load_countries(gaz, root, not_seats)
    _load_igos(gaz, root, _yaml(root, "igos_organs.yaml"))
    _load_seats(gaz, metonyms)
    _load_groups(gaz, _yaml(root, "groups.yaml"))
    _load_agents(gaz, root)
    gaz.name_like = frozenset(" ".join(phrase_key(n)) for n in metonyms.get("name_like", []))
    _load_leaders(gaz, root)
    log.debug("actor gazetteer: %d surface forms", len(gaz.index))
    return gaz


def _yaml(root: Any, name: str) -> dict[str, Any]:
    data = load_yaml(root.joinpath(name), label=f"{_DATA}/{name}", lines=False)
    if not isinstance(data, dict):
        raise DataFileError(f"{_DATA}/{name}: expected a mapping at the top level")
    return data


def _jsonl(root: Any, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    text = root.joinpath(name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as e:
            raise DataFileError(f"{_DATA}/{name}:{lineno}: not valid JSON: {e}") from e


def _need(row: dict[str, Any], keys: Iterable[str], where: str) -> None:
    missing = [k for k in keys if k not in row]
    if missing:
        raise DataFileError(f"{where}: missing {', '.join(missing)}; add them or delete the entry")


def _load_countries(gaz: Gazetteer, root: Any, not_seats: set[tuple[str, ...]]) -> None:
    rows = list(_jsonl(root, "countries.jsonl"))
    # An ambiguous form ("Congolese") is indexed once, on its default country's row, with the
    # other readings as alternatives; the other rows leave it out.
    default_of = {a["form"]: a["countries"][0] for _, row in rows for a in row.get("ambiguous", [])}
    for lineno, row in rows:
        _need(row, ("iso3", "country", "name", "aliases", "demonyms"), f"countries.jsonl:{lineno}")
        code, name = row["country"], row["name"]
        if code == row["iso3"]:
            gaz.names[code] = name
        ambiguous = {a["form"]: tuple(a["countries"]) for a in row.get("ambiguous", [])}

        def mine(form: str, code: str = code) -> bool:
            return default_of.get(form, code) == code

        country = Entry("country", name, code, the=row.get("the", False), source="gazetteer")
        for form in [name, *row["aliases"]]:
            if mine(form):
                gaz.add(form, _with_alternatives(country, ambiguous.get(form)))
        for form in row["demonyms"]:
            if mine(form):
                entry = Entry("demonym", name, code, source="gazetteer")
                gaz.add(form, _with_alternatives(entry, ambiguous.get(form)))
        for form in row.get("demonym_plurals", []):
            gaz.add(form, Entry("demonym", name, code, plural=True, source="gazetteer"))
        if code != row["iso3"] or row.get("obsolete"):
            continue  # a dependency's capital is not a seat of its state's government
        for form in [row.get("capital"), *row.get("capital_alt", [])]:
            if form and phrase_key(form) not in not_seats:
                # "Tripoli" is also a Lebanese port: the article's countries choose
                seat = Entry("seat", name, code, sector="GOV", source="gazetteer", city=True)
                gaz.add(form, _with_alternatives(seat, ambiguous.get(form)))
    for slot, name in SLOT_NAMES.items():
        gaz.names.setdefault(slot, name)


def _with_alternatives(entry: Entry, codes: tuple[str, ...] | None) -> Entry:
    return replace_entry(entry, alternatives=codes) if codes else entry


def _load_igos(gaz: Gazetteer, root: Any, organs: dict[str, Any]) -> None:
    sectors = {}
    for k, row in enumerate(organs.get("organs", []), 1):
        _need(row, ("name",), f"igos_organs.yaml: organs entry {k}")
        sectors[row["name"]] = row.get("sector")
    entries: dict[str, Entry] = {}
    for lineno, row in _jsonl(root, "igos.jsonl"):
        _need(row, ("slot", "name", "aliases"), f"igos.jsonl:{lineno}")
        entry = Entry("igo", row["name"], row["slot"], sector=sectors.get(row["name"]), the=True,
                      source="gazetteer")  # fmt: skip
        entries[row["name"]] = entry
        for form in [row["name"], *row["aliases"]]:
            gaz.add(form, entry)
    for row in organs.get("organs", []):
        if row["name"] not in entries:
            raise DataFileError(f"igos_organs.yaml: {row['name']!r} is not an organisation in "
                                "igos.jsonl; use its name there or delete the entry")  # fmt: skip
        for form in row.get("bare", []):
            gaz.bare_organs[phrase_key(str(form))] = entries[row["name"]]


def _load_seats(gaz: Gazetteer, data: dict[str, Any]) -> None:
    for k, row in enumerate(data.get("seats", []), 1):
        _need(row, ("names", "country"), f"metonyms.yaml: seats entry {k}")
        code = row["country"]
        name = row.get("name") or gaz.names.get(code, code)
        entry = Entry("seat", name, code, sector=row.get("sector", "GOV"), the=True,
                      city=bool(row.get("city", False)))  # fmt: skip
        for form in row["names"]:
            gaz.add(str(form), entry, override=True)  # "Brussels" is the EU, not Belgium
    for form in data.get("not_actors", []):
        gaz.add(str(form), Entry("block", str(form)))


def _load_groups(gaz: Gazetteer, data: dict[str, Any]) -> None:
    for k, row in enumerate(data.get("groups", []), 1):
        _need(row, ("names", "country"), f"groups.yaml: groups entry {k} ({row.get('names')})")
        kind = row.get("kind", "group")
        if kind not in ("state", "group"):
            raise DataFileError(f"groups.yaml: {row['names'][0]}: kind must be state or group")
        entry = Entry(
            "group",
            row.get("name") or row["names"][0],
            row["country"],
            sector=row.get("sector"),
            the=True,
            state=kind == "state",
        )
        for form in row["names"]:
            gaz.add(str(form), entry)
    for k, row in enumerate(data.get("peoples", []), 1):
        _need(row, ("names", "countries"), f"groups.yaml: peoples entry {k} ({row.get('names')})")
        countries = tuple(row["countries"])
        alternatives = countries if len(countries) > 1 else ()
        # an adjective names an actor only before a role noun (standalone False); the plural
        # noun is the people's civilians
        people = Entry("group", str(row["names"][0]), countries[0], alternatives=alternatives,
                       standalone=False)  # fmt: skip
        for form in row["names"]:
            gaz.add(str(form), people)
        for form in row.get("plurals", []):
            gaz.add(str(form), replace_entry(people, sector="CVL", plural=True, standalone=True))
    gaz.body_heads = frozenset(phrase_key(str(w))[0] for w in data.get("body_heads", []))
    gaz.transnational_words = frozenset(
        " ".join(phrase_key(str(w))) for w in data.get("transnational_words", [])
    )


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    """A word list of agents.yaml, lower-cased."""
    return frozenset(str(m).lower() for m in data.get(key, []))


def _load_agents(gaz: Gazetteer, root: Any) -> None:
    ours = _yaml(root, "agents.yaml")
    for k, group in enumerate(ours.get("agents", []), 1):
        _need(group, ("sector", "nouns"), f"agents.yaml: agents entry {k}")
        for noun in group["nouns"]:
            noun = str(noun)
            entry = Entry("role", noun.lower(), None, sector=group["sector"],
                          standalone=bool(group.get("standalone", True)))  # fmt: skip
            gaz.add(noun, entry)
            plural = _plural(noun)
            if plural and not gaz.index.get(phrase_key(plural)):
                gaz.add(plural, replace_entry(entry, name=plural.lower()))
    gaz.modifiers = _words(ours, "modifiers")
    gaz.former = _words(ours, "former")
    gaz.compound_verbs = _words(ours, "compound_verbs")
    gaz.leading_verbs = _words(ours, "leading_verbs")
    gaz.minority_words = _words(ours, "minority_words")
    gaz.region_words = _words(ours, "region_words")
    gaz.flight_words = _words(ours, "flight_words")
    gaz.flight_causes = _words(ours, "flight_causes")
    gaz.posts_abroad = _words(ours, "posts_abroad")
    gaz.region_nouns = _words(ours, "region_nouns")
    gaz.region_adjectives = _words(ours, "region_adjectives")
    phoenix = _yaml(root, "agents_phoenix.yaml")
    for sector, nouns in phoenix.get("sectors", {}).items():
        for noun in nouns:
            key = phrase_key(str(noun))
            if any(e.kind == "role" for _, e in gaz.index.get(key, ())):
                continue  # ours wins
            entry = Entry(
                "role", str(noun), None, sector=sector, standalone=False, source="phoenix"
            )
            gaz.add(str(noun), entry)
            plural = _plural(str(noun))
            if plural and not gaz.index.get(phrase_key(plural)):
                gaz.add(plural, replace_entry(entry, name=plural))


def _plural(noun: str) -> str | None:
    words = noun.split(" ")
    last = words[-1]
    if last.endswith(("s", "ce")) and not last.endswith("ss") or last in _NO_PLURAL:
        return None
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        plural = last[:-1] + "ies"
    elif last.endswith(("ss", "sh", "ch", "x")):
        plural = last + "es"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural])


_NO_PLURAL = frozenset(
    {"police", "military", "media", "intelligence", "clergy", "public", "people", "staff",
     "judiciary", "leadership", "opposition", "parliament", "congress", "senate", "cabinet",
     "presidency", "navy", "army", "treasury", "administration", "government", "regime",
     "junta", "gendarmerie", "law enforcement", "civil society", "industry", "business",
     "counterpart", "state", "authority", "tv", "side"}
)  # fmt: skip


def _load_leaders(gaz: Gazetteer, root: Any) -> None:
    by_name: dict[tuple[str, ...], list[Leader]] = {}
    for lineno, row in _jsonl(root, "leaders.jsonl"):
        _need(row, ("name", "country", "role", "snapshot"), f"leaders.jsonl:{lineno}")
        leader = Leader(
            row["name"], row["country"], row["role"], row.get("position"), row["snapshot"]
        )
        for form in {row["name"], *row.get("aliases", []), *_spelling_variants(row["name"])}:
            key = phrase_key(form)
            if len(key) >= 2:
                by_name.setdefault(key, []).append(leader)
    for key, found in by_name.items():
        countries = {f.country for f in found}
        if len(countries) == 1:  # two people of one name in two countries: no reading
            gaz.leaders[key] = tuple(sorted(found, key=lambda f: f.snapshot, reverse=True))


def _spelling_variants(name: str) -> list[str]:
    """Transliteration variants news uses: "Zelenskyy" / "Zelensky" / "Zelenskiy"."""
    out = []
    for a, b in (("yy", "y"), ("iy", "y"), ("y", "yy")):
        if name.endswith(a):
            out.append(name[: -len(a)] + b)
    return out
