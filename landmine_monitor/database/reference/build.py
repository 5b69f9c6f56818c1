"""Build the bundled treaty-action and vote files from the public raw data.

Input: a folder holding `untc/` (UN Treaty Collection scrape, one CSV per treaty) and `unga/`
(UN General Assembly roll calls and votes). Output: `treaty_actions.csv`, `unga_resolutions.csv`
and `unga_votes.csv` in the bundled data folder, with every name resolved to a country slug.
The output is deterministic: building twice from the same input gives the same bytes.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from landmine_monitor.database.unga.symbols import normalise_symbol

from .bundle import DATA_DIR, ReferenceDataError, country_index, read_rows, write_csv

# The letter after a date in the UN Treaty Collection's instrument column.
INSTRUMENT_SUFFIXES = {
    "": "ratification",
    "a": "accession",
    "A": "acceptance",
    "AA": "approval",
    "d": "succession",
    "P": "consent",
}
CELL = re.compile(r"^(\d{1,2} [A-Z][a-z]{2} \d{4})(?: ([A-Za-z]{1,2}))?$")
VOTES = {"yes", "no", "abstain"}


def parse_cell(text: str, where: str) -> tuple[datetime.date, str]:
    """ "8 Sep 1998" → (date, ""), "11 Sep 2002 a" → (date, "a")."""
    match = CELL.match(text.strip())
    try:
        if not match:
            raise ValueError
        return datetime.datetime.strptime(match[1], "%d %b %Y").date(), match[2] or ""
    except ValueError:
        raise ReferenceDataError(
            f"{where}: cannot read {text!r} as a date 'D Mon YYYY' with an optional suffix"
        ) from None


def build_treaty_actions(raw: Path, data_dir: Path) -> list[list[object]]:
    names = country_index(data_dir)
    rows: list[list[object]] = []
    for _, treaty in read_rows(data_dir / "treaties.csv"):
        path = raw / "untc" / treaty["untc_file"]
        for line, row in read_rows(path):
            where = f"{path.name}, line {line}"
            cells = list(row.items())
            try:
                slug = names.resolve(cells[0][1])
            except LookupError as error:
                raise ReferenceDataError(f"{where}: {error}") from None
            for column, value in cells[1:]:
                if not value.strip():
                    continue
                date, suffix = parse_cell(value, f"{where}, column {column!r}")
                if column == "Signature":
                    kind = "signature"
                elif column.startswith("Provisional application"):
                    # Provisional application is not consent to be bound; it is not a status.
                    continue
                elif suffix in INSTRUMENT_SUFFIXES:
                    kind = INSTRUMENT_SUFFIXES[suffix]
                else:
                    raise ReferenceDataError(f"{where}: unknown instrument suffix {suffix!r}")
                part = "signature" if kind == "signature" else "instrument"
                locator = f"{treaty['untc_file']}, {cells[0][1]}: {part}"
                rows.append([treaty["slug"], slug, kind, date.isoformat(), locator])
    return sorted(rows)


def build_votes(raw: Path, data_dir: Path) -> tuple[list[list[object]], list[list[object]]]:
    names = country_index(data_dir)
    roll_calls = {}
    resolutions = []
    path = raw / "unga" / "landmine_roll_calls.csv"
    for line, row in read_rows(path):
        symbol = normalise_symbol(row["unres"])
        try:
            date = datetime.date.fromisoformat(row["date"])
        except ValueError:
            raise ReferenceDataError(f"{path.name}, line {line}: bad date {row['date']!r}") from None
        roll_calls[row["rcid"]] = (symbol, date)
        title = row["descr"] if len(row["descr"]) > 40 or not row["short"] else row["short"]
        # Some titles in the data carry the catalogue's suffix; the resolution's title is before it.
        title = re.sub(r"\s*:\s*resolution / adopted by the General Assembly\s*$", "", title).strip()
        title = re.sub(r"^A/\d+/\d+ \w+ - ", "", title).split(". - ")[0].strip()
        resolutions.append([symbol, row["session"], date.isoformat(), row["rcid"], title.replace("?", "-")])
    votes = []
    path = raw / "unga" / "landmine_votes.csv"
    for line, row in read_rows(path):
        where = f"{path.name}, line {line}"
        if row["rcid"] not in roll_calls:
            raise ReferenceDataError(f"{where}: roll call {row['rcid']!r} is not in the roll calls")
        symbol, date = roll_calls[row["rcid"]]
        if row["vote"] not in VOTES:
            raise ReferenceDataError(f"{where}: vote {row['vote']!r} is not yes, no or abstain")
        try:
            slug = names.resolve(row["country"], on=date)
        except LookupError as error:
            raise ReferenceDataError(f"{where}: {error}") from None
        votes.append([symbol, slug, row["vote"]])
    return sorted(resolutions, key=lambda r: (int(r[1]), r[0])), sorted(votes)


def build(raw: Path, data_dir: Path = DATA_DIR, out: Path | None = None) -> dict[str, int]:
    """Read the hand-kept files in `data_dir`, write the generated ones into `out` (default the
    same folder); return how many rows each got."""
    out = out or data_dir
    actions = build_treaty_actions(raw, data_dir)
    resolutions, votes = build_votes(raw, data_dir)
    write_csv(out / "treaty_actions.csv", ["treaty", "country", "kind", "date", "locator"], actions)
    write_csv(
        out / "unga_resolutions.csv",
        ["symbol", "session", "dataset_date", "rcid", "title"],
        resolutions,
    )
    write_csv(out / "unga_votes.csv", ["symbol", "country", "vote"], votes)
    return {"treaty actions": len(actions), "resolutions": len(resolutions), "votes": len(votes)}
