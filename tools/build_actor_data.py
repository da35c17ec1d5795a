"""Build dragoman's generated actor data from the shared reference files.

    python tools/build_actor_data.py                      # defaults: ../shared next to the repo
    python tools/build_actor_data.py --shared /path/to/shared --out src/dragoman/data/actors

Reads (never at run time; the outputs are committed package data):

* ``bench/gazetteer/countries.jsonl``  GeoNames (CC BY 4.0) + CountryInfo spellings (CC BY-SA 3.0)
  + the gazetteer's own additions, and ``pycountry`` names (LGPL package; the names are ISO facts);
* ``bench/gazetteer/igos.jsonl``  Phoenix organisation codes (MIT) + the gazetteer's aliases;
* ``bench/gazetteer/leaders.jsonl``  office holders (Wikidata CC0, world-leaders-current CC BY-SA 4.0);
  only rows still in office at their snapshot and from those two sources are kept;
* ``resources/petrarch2-dictionaries/Phoenix.agents.txt``  agent nouns (MIT).

Writes into ``src/dragoman/data/actors``: ``countries.jsonl``, ``igos.jsonl``,
``agents_phoenix.yaml`` and ``leaders.jsonl``. The hand-maintained files in that folder
(``agents.yaml``, ``metonyms.yaml``, ``groups.yaml``, ``people.yaml``) are read, not written:
Phoenix nouns that ``agents.yaml`` already lists are left out of ``agents_phoenix.yaml``.
Output is sorted and stable, so re-running on the same inputs changes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import pycountry
import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "dragoman" / "data" / "actors"

# Dependencies fold into their state (ontology README, "Actors"); HKG, PSE, ATA, XKX stay.
SOVEREIGN = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ANT": "NLD", "ASM": "USA", "ATF": "FRA",
    "BES": "NLD", "BLM": "FRA", "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL",
    "CUW": "NLD", "CXR": "AUS", "CYM": "GBR", "FLK": "GBR", "FRO": "DNK", "GGY": "GBR",
    "GIB": "GBR", "GLP": "FRA", "GRL": "DNK", "GUF": "FRA", "GUM": "USA", "HMD": "AUS",
    "IMN": "GBR", "IOT": "GBR", "JEY": "GBR", "MAC": "CHN", "MAF": "FRA", "MNP": "USA",
    "MSR": "GBR", "MTQ": "FRA", "MYT": "FRA", "NCL": "FRA", "NFK": "AUS", "NIU": "NZL",
    "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA", "SCG": "SRB", "SGS": "GBR",
    "SHN": "GBR", "SJM": "NOR", "SPM": "FRA", "SXM": "NLD", "TCA": "GBR", "TKL": "NZL",
    "UMI": "USA", "VGB": "GBR", "VIR": "USA", "WLF": "FRA",
}  # fmt: skip

# Former states fold into their continuator, as Serbia and Montenegro (SCG) does above and as
# the Correlates of War codes them (USSR = Russia 365, Yugoslavia = Serbia 345): our codes are
# ISO 3166-1 states (ontology README), which no longer list SUN or YUG. Their capitals stay the
# successor's ("Moscow", "Belgrade"); the rows only carry the names.
FORMER_STATES = [
    {"iso3": "SUN", "name": "Soviet Union", "capital": "", "capital_alt": [],
     "aliases": ["the Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
     "demonyms": ["Soviet"], "obsolete": True, "successor": "RUS"},
    {"iso3": "YUG", "name": "Yugoslavia", "capital": "", "capital_alt": [],
     "aliases": ["Federal Republic of Yugoslavia", "Socialist Federal Republic of Yugoslavia"],
     "demonyms": ["Yugoslav", "Yugoslavian"], "obsolete": True, "successor": "SRB"},
]  # fmt: skip

# Forms news uses that the gazetteer lacks (ours). "Congo" alone means the DRC in most wire copy.
EXTRA_ALIASES = {
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "Bosnia-Hercegovina"],
    "COD": ["Democratic Republic of Congo", "Congo", "Congo-Kinshasa"],
    "COG": ["Republic of Congo", "Congo Republic", "Congo-Brazzaville"],
    "CPV": ["Cape Verde"],
    "GBR": ["England", "Scotland", "Wales", "Northern Ireland"],
    "KHM": ["Kampuchea"],  # its name 1975-1989, in the wire copy of those years
    "GNB": ["Guinea Bissau"],
    "PSE": ["Gaza", "Gaza Strip", "West Bank", "Palestinian territories"],
    "STP": ["Sao Tome"],
    "TLS": ["Timor Leste"],
    "TTO": ["Trinidad"],  # "a group based in Trinidad": the larger island names the state
    "USA": ["the USA", "the States"],
    "VAT": ["the Holy See"],
}
EXTRA_DEMONYMS = {"GBR": ["Scottish", "Welsh"], "KHM": ["Kampuchean"], "XKX": ["Kosovo Albanian"]}
# Ambiguous forms: the first country is the default, the others are chosen from context.
AMBIGUOUS = {"Congo": ["COD", "COG"], "Congolese": ["COD", "COG"], "Dominican": ["DOM", "DMA"],
             "Tripoli": ["LBY", "LBN"]}  # Libya's capital, and Lebanon's northern port
NO_PLURAL = re.compile(r"(?:ese|ish|ch|ss|sh|x|i)$")  # "Chinese", "British", "Swiss", "Saudi"

# PLOVER slot per organisation (decision 11): UN and its agencies UNO, the EU EUR, others IGO.
SLOT_OVERRIDES = {
    "International Energy Agency": "IGO",  # an OECD agency, though Phoenix files it under IGOUNO
    "United Nations Relief and Works Agency for Palestine Refugees in the Near East": "UNO",
    "International Organization for Migration": "UNO",  # a UN related organisation since 2016
}
EXTRA_IGOS = [  # (code, name, aliases): EU and UN bodies news names that the gazetteer lacks
    ("IGOEUREEC", "European Council", []),
    ("IGOEUREEC", "European Central Bank", ["ECB"]),
    ("IGOEUREEC", "European External Action Service", ["EEAS"]),
    ("IGOUNO", "United Nations Human Rights Council", ["UN Human Rights Council", "UNHRC"]),
    ("IGOUNO", "United Nations Secretariat", ["UN Secretariat"]),
    ("IGOUNO", "United Nations Interim Force in Lebanon", ["UNIFIL"]),
    ("IGOUNO", "United Nations Organization Stabilization Mission in the DR Congo", ["MONUSCO"]),
    ("IGOUNO", "United Nations Mission in South Sudan", ["UNMISS"]),
]
EXTRA_IGO_ALIASES = {
    "European Union": ["the European Union", "European Union"],
    "European Commission": ["the European Commission"],
    "International Atomic Energy Agency": ["the IAEA", "UN atomic watchdog"],
    "United Nations Security Council": ["the UN Security Council", "the Security Council"],
    "North Atlantic Treaty Organization": ["North Atlantic Treaty Organisation"],
}
# Abbreviations that are ordinary words or too ambiguous in news to stand for an organisation.
DROP_IGO_ALIASES = {"CAN", "ECO", "ACC", "CPA", "WB", "AMF", "MRC", "IGC", "BIS", "CIS", "NAM",
                    "Security Council", "General Assembly", "Red Crescent", "UNSCR"}  # fmt: skip
SPELLINGS = [("Organization", "Organisation"), ("Programme", "Program"), ("Labour", "Labor"),
             ("Defence", "Defense"), ("Centre", "Center")]  # fmt: skip

# Phoenix agent codes -> PLOVER sectors (decision 13: CAMEO MED is JRN, HLH is MED).
CAMEO_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "SPY": "SPY", "OPP": "OPP",
    "REB": "REB", "INS": "REB", "SEP": "REB", "UAF": "UAF", "AGR": "AGR", "BUS": "BUS",
    "CRM": "CRM", "CVL": "CVL", "EDU": "EDU", "ELI": "ELI", "LAB": "LAB", "LEG": "LEG",
    "MED": "JRN", "HLH": "MED", "REF": "REF", "PTY": "PTY", "HRI": "SOC", "ENV": "SOC",
    "DEV": "SOC", "NGO": "SOC", "REL": "REL",
}  # fmt: skip
RELIGION = {"MUS", "CHR", "JEW", "HIN", "BUD", "CTH", "PRO"}
CLERGY = re.compile(
    r"cleric|clergy|imam|mullah|priest|bishop|rabbi|monk|pastor|ayatollah|mufti"
    r"|sheikh|pope|cardinal|archbishop|patriarch|nun\b|church|mosque|synagogue"
)
# Equipment, buildings and places are not actors ("Iranian drones", "police station").
NOT_AGENT = re.compile(
    r"\b(?:jets?|aircraft|planes?|bombers?|helicopters?|tanks?|missiles?|rockets?|destroyers?|"
    r"submarines?|boats?|vessels?|ships?|drones?|artillery|systems?|vehicles?|humvees?|weapons?|"
    r"guns?|rifles?|bombs?|trucks?|base|bases|stations?|posts?|buildings?|palace|house|check|"
    r"checkpoints?|camps?|barracks|prisons?|jails?|district|hospitals?|facility|sanitarium|"
    r"hall|headquarters|compound|fighter|fighters|chinook|apache|tomcat|eurofighter|mig|"
    r"predator|nighthawk|transport|patrol|unit|squad|staff|tankers?|hornet|craft|position|"
    r"operation|meeting|blog|neighbou?rhood|schoolhouse|kindergarten|infants?|poor|rebellion|"
    r"actors?|women|men|children|boys?|girls?)\b"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    gaz = args.shared / "bench" / "gazetteer"
    phoenix = args.shared / "resources" / "petrarch2-dictionaries" / "Phoenix.agents.txt"
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    countries = build_countries(read_jsonl(gaz / "countries.jsonl") + FORMER_STATES)
    write_jsonl(out / "countries.jsonl", countries)
    igos = build_igos(read_jsonl(gaz / "igos.jsonl"))
    write_jsonl(out / "igos.jsonl", igos)
    leaders = build_leaders(read_jsonl(gaz / "leaders.jsonl"), igos)
    write_jsonl(out / "leaders.jsonl", leaders)
    ours = yaml.safe_load((out / "agents.yaml").read_text(encoding="utf-8"))
    agents = build_phoenix_agents(phoenix.read_text(encoding="utf-8"), known_nouns(ours))
    write_phoenix_agents(out / "agents_phoenix.yaml", agents)
    print(
        f"{len(countries)} countries, {len(igos)} organisations, {len(leaders)} office holders, "
        f"{len(agents)} Phoenix agent nouns -> {out}"
    )
    return 0


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


def _unique(items: list[str], *, drop: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = " ".join(item.split())
        if item and item not in seen and item not in drop:
            seen.add(item)
            out.append(item)
    return out


def _plural(demonym: str) -> str | None:
    if NO_PLURAL.search(demonym) or " " in demonym and NO_PLURAL.search(demonym.split()[-1]):
        return None
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def build_countries(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        iso3 = row["iso3"]
        name = row["name"].strip()
        aliases = list(row["aliases"]) + EXTRA_ALIASES.get(iso3, [])
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            for attr in ("common_name", "official_name", "name"):
                value = getattr(pc, attr, None)
                if value and "," not in value:
                    aliases.append(value)
        aliases += [a.replace("Saint ", "St ") for a in [name, *aliases] if a.startswith("Saint ")]
        aliases += [a.replace("Saint ", "St. ") for a in [name, *aliases] if a.startswith("Saint ")]
        # "the" is kept in the surface forms only as a hint that the name takes it.
        takes_the = any(a.lower().startswith("the ") for a in aliases) or bool(
            re.match(r"(United|Republic|Democratic|Central African|Kingdom)\b", name)
            or re.search(r"(lands|pines|Islands|Emirates|Bahamas|Maldives|Comoros|Gambia)$", name)
        )
        aliases = [re.sub(r"^(?:the|The) ", "", a) for a in aliases]
        demonyms = list(row["demonyms"]) + EXTRA_DEMONYMS.get(iso3, [])
        plurals = [p for d in demonyms if (p := _plural(d))]
        rec: dict[str, Any] = {
            "iso3": iso3,
            "country": row.get("successor") or SOVEREIGN.get(iso3, iso3),
            "name": name,
            "aliases": _unique(aliases, drop={name}),
            "demonyms": _unique(demonyms),
            "demonym_plurals": _unique(plurals),
            "capital": row["capital"],
            "capital_alt": _unique(
                [c for c in row["capital_alt"] if "," not in c], drop={row["capital"]}
            ),
            "the": takes_the,
        }
        if row.get("cameo"):
            rec["cameo"] = row["cameo"]
        if row.get("obsolete"):
            rec["obsolete"] = True
        out.append(rec)
    ambiguous = [{"form": form, "countries": codes} for form, codes in AMBIGUOUS.items()]
    # The ambiguous forms ride on their default country's row so that one file says everything.
    for rec in out:
        rec["ambiguous"] = [a for a in ambiguous if a["countries"][0] == rec["iso3"]] or None
        if rec["ambiguous"] is None:
            del rec["ambiguous"]
    return sorted(out, key=lambda r: r["iso3"])


def slot_for(row: dict[str, Any]) -> str:
    if row["name"] in SLOT_OVERRIDES:
        return SLOT_OVERRIDES[row["name"]]
    if row["kind"] == "NGO" or row["code"].startswith("NGO"):
        return "NGO"
    if row["code"].startswith("IGOUNO"):
        return "UNO"
    if row["code"].startswith("IGOEUREEC"):  # not IGOEUR...: EFTA, EBRD, OSCE are not EU bodies
        return "EUR"
    return "IGO"


def _spellings(forms: list[str]) -> list[str]:
    out = list(forms)
    for form in forms:
        for a, b in SPELLINGS:
            if a in form:
                out.append(form.replace(a, b))
            if b in form:
                out.append(form.replace(b, a))
    return out


def build_igos(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = list(rows) + [
        {"code": code, "name": name, "abbrev": None, "aliases": aliases, "kind": "IGO"}
        for code, name, aliases in EXTRA_IGOS
    ]
    out = []
    for row in rows:
        aliases = list(row.get("aliases") or []) + EXTRA_IGO_ALIASES.get(row["name"], [])
        if row.get("abbrev"):
            aliases.append(row["abbrev"])
        aliases = [re.sub(r"^(?:the|The) ", "", a) for a in aliases]
        rec = {
            "code": row["code"],
            "slot": slot_for(row),
            "name": row["name"],
            "abbrev": row.get("abbrev"),
            "aliases": _unique(
                _spellings(aliases + [row["name"]]), drop={row["name"]} | DROP_IGO_ALIASES
            ),
        }
        out.append(rec)
    return out


def build_leaders(rows: list[dict[str, Any]], igos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Office holders in office at their snapshot, from the CC0 and CC BY-SA 4.0 sources only.

    One row per person and country: the most recent snapshot wins. Used only to give a country
    to a person whose article names no role ("Vladimir Putin said"), never to date an office.
    """
    slot_by_code = {i["code"]: i["slot"] for i in igos}
    keep_sources = {"wikidata-heads", "wikidata-foreign-ministers", "wikidata-igo-officials",
                    "world-leaders-current"}  # fmt: skip
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        if row["source"] not in keep_sources or row["end"] is not None:
            continue
        country = row["iso3"] or (slot_by_code.get(row["igo"] or "") if row.get("igo") else None)
        if country is None and row.get("igo"):
            country = "UNO" if row["igo"].startswith("IGOUNO") else "IGO"
        if not country:
            continue
        key = (row["name"], country)
        rec = {
            "name": row["name"],
            "aliases": sorted(set(row.get("aliases") or [])),
            "country": SOVEREIGN.get(country, country),
            "role": row["role"],
            "position": row.get("position"),
            "start": row["start"],
            "snapshot": row["snapshot"],
            "source": row["source"],
        }
        if key not in best or rec["snapshot"] > best[key]["snapshot"]:
            best[key] = rec
    return sorted(best.values(), key=lambda r: (r["name"], r["country"]))


def known_nouns(ours: dict[str, Any]) -> set[str]:
    nouns: set[str] = set()
    for group in ours.get("agents", []):
        nouns.update(n.lower() for n in group["nouns"])
    return nouns


_SETS = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_LINE = re.compile(r"^(?P<noun>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")


def build_phoenix_agents(text: str, ours: set[str]) -> dict[str, str]:
    """Agent nouns from Phoenix.agents.txt, as lower-case phrase -> PLOVER sector."""
    sets: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := _SETS.match(line):
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = _LINE.match(line)
        if not m:
            continue
        sector = phoenix_sector(m.group("code"))
        if sector is None:
            continue
        forms = [m.group("noun")]
        if m.group("plural"):
            forms.append(m.group("plural"))
        for form in forms:
            for expanded in _expand(form, sets):
                phrase = " ".join(expanded.replace("_", " ").lower().split())
                if not _usable(phrase, sector):
                    continue
                if phrase not in ours:
                    out.setdefault(phrase, sector)
    return dict(sorted(out.items()))


def phoenix_sector(code: str) -> str | None:
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if parts[:2] == ["GOV", "MED"]:  # state media: JRN
        return "JRN"
    if parts[:2] == ["MIL", "SPY"]:  # military intelligence: SPY
        return "SPY"
    for part in parts:
        if part in CAMEO_SECTOR:
            return CAMEO_SECTOR[part]
        if part in RELIGION:
            return "REL"
    return None  # PPL, RAD, MOD, IMG: not a sector


def _expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", form)
    if not m or m.group(1) not in sets:
        return [form]
    out = []
    for word in sets[m.group(1)]:
        joined = form[: m.start()] + word + form[m.end() :]
        out.extend(_expand(joined, sets))
    return out


def _usable(phrase: str, sector: str) -> bool:
    if not phrase or len(phrase) < 3 or re.search(r"[^a-z' \-]", phrase):
        return False  # digits, dots and slashes: model numbers and abbreviations ("col.")
    if NOT_AGENT.search(phrase):
        return False
    # "Christian", "Jewish": a population, not a religious body
    return sector != "REL" or bool(CLERGY.search(phrase))


def write_phoenix_agents(path: Path, agents: dict[str, str]) -> None:
    by_sector: dict[str, list[str]] = {}
    for phrase, sector in agents.items():
        by_sector.setdefault(sector, []).append(phrase)
    header = (
        "# GENERATED by tools/build_actor_data.py from PETRARCH2 Phoenix.agents.txt (MIT,\n"
        "# Copyright (c) 2014 Open Event Data Alliance; see README.md). Do not edit: add or\n"
        "# override nouns in agents.yaml, which wins over this file.\n"
        '# These nouns name an actor only after a country or nationality ("Iranian clerics").\n'
        "# CAMEO codes are mapped to PLOVER sectors (MED->JRN, HLH->MED, INS/SEP->REB, ...).\n"
    )
    body = yaml.safe_dump(
        {"sectors": {k: sorted(v) for k, v in sorted(by_sector.items())}},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    path.write_text(header + body, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    sys.exit(main())
