"""Checks on the curated country reference file, landmine_monitor/database/reference/data/countries.csv.

Plain pytest: no database, no Django. The file is read with the csv module so that Namibia's
"NA" stays a string.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:  # so that the test also runs when pytest is not started from the repo
    sys.path.insert(0, str(REPO))

from landmine_monitor.database.countries.names import fold_name  # noqa: E402

CSV_PATH = REPO / "landmine_monitor" / "database" / "reference" / "data" / "countries.csv"
SHARED_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"

HEADER = [
    "slug",
    "name",
    "kind",
    "iso2",
    "iso3",
    "numeric",
    "region",
    "independent_from",
    "un_member_from",
    "un_member_until",
    "aliases",
]
KINDS = {"member", "observer", "non-member-state", "other-area", "former-state"}
REGIONS = {"africa", "americas", "asia-pacific", "europe-central-asia", "middle-east-north-africa"}
OTHER_AREAS = {
    "abkhazia",
    "chechnya",
    "falkland-islands-malvinas",
    "kosovo",
    "nagorno-karabakh",
    "northern-iraq",
    "somaliland",
    "taiwan",
    "western-sahara",
}
# slug -> (alpha_2, alpha_3, numeric, un_member_from, un_member_until)
FORMER_STATES = {
    "czechoslovakia": ("CS", "CSK", "200", "1945-10-24", "1992-12-31"),
    "german-democratic-republic": ("DD", "DDR", "278", "1973-09-18", "1990-10-02"),
    "south-yemen": ("YD", "YMD", "720", "1967-12-14", "1990-05-21"),
    "yugoslavia-sfr": ("YU", "YUG", "890", "1945-10-24", "1992-04-27"),
}
# pycountry's single historic YU entry carries 891, the code of the Federal Republic of Yugoslavia
# (its comment says YU "had numeric code 890 until" the SFRY broke apart). Our row is the SFRY.
HISTORIC_NUMERIC_EXCEPTIONS = {"YU": ("891", "890")}

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIN_DATE = dt.date.min
MAX_DATE = dt.date.max


def _read_rows() -> tuple[list[str], list[dict[str, str]]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


HEADER_READ, ROWS = _read_rows()
BY_SLUG = {row["slug"]: row for row in ROWS}


def _parse_alias(alias: str) -> tuple[str, dt.date, dt.date]:
    """'Name@FROM/UNTIL' (either side may be blank; dates inclusive) -> (name, from, until)."""
    if "@" not in alias:
        return alias, MIN_DATE, MAX_DATE
    name, _, rng = alias.partition("@")
    start, sep, end = rng.partition("/")
    assert sep == "/", f"bad validity range in alias {alias!r}"
    return (
        name,
        dt.date.fromisoformat(start) if start else MIN_DATE,
        dt.date.fromisoformat(end) if end else MAX_DATE,
    )


def _aliases(row: dict[str, str]) -> list[str]:
    return [a for a in row["aliases"].split("|") if a] if row["aliases"] else []


def _name_index() -> dict[str, list[tuple[str, dt.date, dt.date, str]]]:
    """folded name -> [(slug, valid_from, valid_until, original spelling)]."""
    index: dict[str, list[tuple[str, dt.date, dt.date, str]]] = defaultdict(list)
    for row in ROWS:
        index[fold_name(row["name"])].append((row["slug"], MIN_DATE, MAX_DATE, row["name"]))
        for alias in _aliases(row):
            name, start, end = _parse_alias(alias)
            index[fold_name(name)].append((row["slug"], start, end, alias))
    return index


NAME_INDEX = _name_index()


def resolve(name: str, on: dt.date | None = None) -> set[str]:
    """The slugs a spelling can mean (on a given date, when one is given)."""
    return {
        slug
        for slug, start, end, _ in NAME_INDEX.get(fold_name(name), [])
        if on is None or start <= on <= end
    }


def _shared(*parts: str) -> Path:
    if not SHARED_DATA.is_dir():
        # CI always has the shared folder beside the clone; elsewhere it may be missing.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"shared data folder {SHARED_DATA} not found; cannot check data spellings"
        )
    return SHARED_DATA.joinpath(*parts)


# --- structure ------------------------------------------------------------------------------


def test_header():
    assert HEADER_READ == HEADER


def test_slugs_unique_sorted_and_well_formed():
    slugs = [row["slug"] for row in ROWS]
    assert len(slugs) == len(set(slugs)), "duplicate slugs"
    assert slugs == sorted(slugs), "rows must be sorted by slug"
    for slug in slugs:
        assert SLUG_RE.match(slug), f"bad slug {slug!r}"


def test_every_row_has_name_kind_and_region():
    for row in ROWS:
        assert row["name"].strip() == row["name"] and row["name"], row["slug"]
        assert row["kind"] in KINDS, (row["slug"], row["kind"])
        assert row["region"] in REGIONS, (row["slug"], row["region"])


def test_counts_per_kind():
    kinds = defaultdict(list)
    for row in ROWS:
        kinds[row["kind"]].append(row["slug"])
    assert len(kinds["member"]) == 193
    assert sorted(kinds["observer"]) == ["holy-see", "palestine"]
    assert sorted(kinds["non-member-state"]) == ["cook-islands", "niue"]
    assert set(kinds["other-area"]) == OTHER_AREAS
    assert set(kinds["former-state"]) == set(FORMER_STATES)


def test_codes_are_well_formed():
    for row in ROWS:
        if not row["iso2"]:
            assert not row["iso3"] and not row["numeric"], row["slug"]
            continue
        assert re.fullmatch(r"[A-Z]{2}", row["iso2"]), row["slug"]
        assert re.fullmatch(r"[A-Z]{3}", row["iso3"]), row["slug"]
        assert re.fullmatch(r"\d{3}", row["numeric"]), row["slug"]
    for kind in ("iso2", "iso3", "numeric"):
        values = [row[kind] for row in ROWS if row[kind]]
        assert len(values) == len(set(values)), f"duplicate {kind}"


def test_current_codes_agree_with_pycountry():
    for row in ROWS:
        if row["kind"] == "former-state":
            continue
        if row["kind"] in {"member", "observer", "non-member-state"}:
            assert row["iso2"], f"{row['slug']} has no ISO code"
        if not row["iso2"]:
            continue
        country = pycountry.countries.get(alpha_2=row["iso2"])
        assert country is not None, row["slug"]
        assert (row["iso3"], row["numeric"]) == (country.alpha_3, country.numeric), row["slug"]


def test_other_area_codes():
    expected = {
        "taiwan": ("TW", "TWN", "158"),
        "western-sahara": ("EH", "ESH", "732"),
        "falkland-islands-malvinas": ("FK", "FLK", "238"),
    }
    for slug in OTHER_AREAS:
        row = BY_SLUG[slug]
        assert row["kind"] == "other-area"
        assert (row["iso2"], row["iso3"], row["numeric"]) == expected.get(slug, ("", "", "")), slug
    text = CSV_PATH.read_text(encoding="utf-8")
    assert "XK" not in text, "XK is a user-assigned code, not ISO 3166-1"


def test_former_states_agree_with_pycountry_historic():
    for slug, (a2, a3, num, start, end) in FORMER_STATES.items():
        row = BY_SLUG[slug]
        assert row["kind"] == "former-state"
        assert (row["iso2"], row["iso3"], row["numeric"]) == (a2, a3, num), slug
        assert (row["un_member_from"], row["un_member_until"]) == (start, end), slug
        historic = [c for c in pycountry.historic_countries if c.alpha_2 == a2 and c.alpha_3 == a3]
        assert len(historic) == 1, slug
        py_num, ours = HISTORIC_NUMERIC_EXCEPTIONS.get(a2, (num, num))
        assert historic[0].numeric == py_num and ours == num, slug


def test_membership_dates():
    for row in ROWS:
        start, end = row["un_member_from"], row["un_member_until"]
        if row["kind"] in {"member", "former-state"}:
            assert DATE_RE.match(start), row["slug"]
            dt.date.fromisoformat(start)
            assert start >= "1945-10-24", row["slug"]
        else:
            assert start == "", f"{row['slug']} is not a UN member"
        if row["kind"] == "former-state":
            assert DATE_RE.match(end) and dt.date.fromisoformat(end) > dt.date.fromisoformat(start)
        else:
            assert end == "", row["slug"]


def test_palestine_is_observer_and_holy_see():
    assert BY_SLUG["palestine"]["kind"] == "observer"
    assert BY_SLUG["holy-see"]["kind"] == "observer"


# --- names ----------------------------------------------------------------------------------


def test_aliases_do_not_repeat_own_name_and_ranges_parse():
    for row in ROWS:
        for alias in _aliases(row):
            name, start, end = _parse_alias(alias)
            assert name and name == name.strip(), (row["slug"], alias)
            assert name != row["name"], f"{row['slug']} repeats its name in aliases"
            assert start <= end, (row["slug"], alias)


def test_folded_names_are_unique_except_non_overlapping_ranges():
    problems = []
    for folded, entries in NAME_INDEX.items():
        for i, (slug_a, start_a, end_a, spell_a) in enumerate(entries):
            for slug_b, start_b, end_b, spell_b in entries[i + 1 :]:
                if slug_a == slug_b:
                    continue
                if start_a <= end_b and start_b <= end_a:
                    problems.append(f"{folded!r}: {slug_a} ({spell_a}) / {slug_b} ({spell_b})")
    assert not problems, "ambiguous names:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Congo", "republic-of-the-congo"),
        ("Guinea", "guinea"),
        ("Niger", "niger"),
        ("Dominica", "dominica"),
        ("Sudan", "sudan"),
    ],
)
def test_short_names_mean_one_state(name, slug):
    assert resolve(name) == {slug}


def test_korea_alone_is_not_a_name():
    assert resolve("Korea") == set()


def test_yugoslavia_depends_on_date():
    assert resolve("Yugoslavia", dt.date(1985, 12, 3)) == {"yugoslavia-sfr"}
    assert resolve("Yugoslavia", dt.date(1992, 4, 27)) == {"yugoslavia-sfr"}
    assert resolve("Yugoslavia", dt.date(1992, 4, 28)) == {"serbia"}
    assert resolve("Yugoslavia", dt.date(2019, 12, 12)) == {"serbia"}
    assert resolve("Zaire", dt.date(1990, 1, 1)) == {"congo-drc"}
    assert resolve("Zaire", dt.date(2000, 1, 1)) == set()


def test_untc_participants_resolve():
    files = sorted(_shared("untc").glob("26-*.csv"))
    assert files, "no UNTC chapter 26 files"
    unresolved = {}
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)  # header
            for record in reader:
                if not record or not record[0].strip():
                    continue
                hits = resolve(record[0])
                if len(hits) != 1:
                    unresolved[record[0]] = hits
    assert not unresolved, unresolved


def test_unga_vote_countries_resolve():
    with _shared("unga", "landmine_roll_calls.csv").open(encoding="utf-8", newline="") as fh:
        dates = {row["rcid"]: dt.date.fromisoformat(row["date"]) for row in csv.DictReader(fh)}
    unresolved = {}
    with _shared("unga", "landmine_votes.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            hits = resolve(row["country"], dates[row["rcid"]])
            if len(hits) != 1:
                unresolved[(row["country"], row["rcid"])] = hits
    assert not unresolved, unresolved


def test_vote_codes_match_resolved_rows():
    """Where the vote data gives an ISO code, it is the code of the row the name resolves to."""
    with _shared("unga", "landmine_roll_calls.csv").open(encoding="utf-8", newline="") as fh:
        dates = {row["rcid"]: dt.date.fromisoformat(row["date"]) for row in csv.DictReader(fh)}
    mismatches = set()
    with _shared("unga", "landmine_votes.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            (slug,) = resolve(row["country"], dates[row["rcid"]])
            code = row["country_code"]
            # the vote data keeps "YU" for Serbia after 1992
            if code and code != BY_SLUG[slug]["iso2"] and not (code == "YU" and slug == "serbia"):
                mismatches.add((row["country"], code, slug))
    assert not mismatches, mismatches


# --- spot checks ----------------------------------------------------------------------------


def test_dprk():
    row = BY_SLUG["north-korea"]
    assert row["iso3"] == "PRK"
    assert row["region"] == "asia-pacific"
    assert row["un_member_from"] == "1991-09-17"
    names = {row["name"], *_aliases(row)}
    assert {"North Korea", "DPRK", "Korea, DPR"} <= names
    assert {"DPRK", "Korea, DPR"} <= set(_aliases(row))


def test_namibia_code_is_the_string_na():
    assert BY_SLUG["namibia"]["iso2"] == "NA"


def test_spot_regions_and_dates():
    assert BY_SLUG["albania"]["region"] == "europe-central-asia"
    assert BY_SLUG["mauritania"]["region"] == "africa"
    assert BY_SLUG["iran"]["region"] == "middle-east-north-africa"
    assert BY_SLUG["falkland-islands-malvinas"]["region"] == "americas"
    assert BY_SLUG["germany"]["un_member_from"] == "1973-09-18"
    assert BY_SLUG["yemen"]["un_member_from"] == "1947-09-30"
    assert BY_SLUG["russia"]["un_member_from"] == "1945-10-24"
    assert BY_SLUG["serbia"]["un_member_from"] == "2000-11-01"
    assert BY_SLUG["south-sudan"]["un_member_from"] == "2011-07-14"
