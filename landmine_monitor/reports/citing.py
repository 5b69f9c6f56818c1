"""Citing a country report: plain text, BibTeX and CSL-JSON.

A country report is a chapter of its edition, the annual Landmine Monitor Report; the Landmine
Monitor is its author and the International Campaign to Ban Landmines its publisher. The plain
text follows the Monitor's own style of citing its reports ("Landmine Monitor Report 1999: Toward a
Mine-Free World, "North Korea", URL, accessed …") with the publisher and year added. A sample report
(written for the software, not the published text) says so in every format.

The formats are built from a `ReportReference` of plain values, so this module needs no database.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

from landmine_monitor.foundation.dates import long_date

AUTHOR = "Landmine Monitor"
PUBLISHER = "International Campaign to Ban Landmines"
SAMPLE_NOTE = "Sample content written for the Landmine Monitor software; not the published report"

BIBTEX_MEDIA_TYPE = "application/x-bibtex; charset=utf-8"
CSL_JSON_MEDIA_TYPE = "application/vnd.citationstyles.csl+json; charset=utf-8"


@dataclass(frozen=True)
class ReportReference:
    title: str  # the report's title as a reader reads it: "North Korea"
    edition_title: str  # "Landmine Monitor Report 1999: Toward a Mine-Free World"
    year: int  # the edition's year
    url: str  # the report's absolute address
    accessed: datetime.date
    slug: str  # the country's slug, for the citation key
    released: datetime.date | None = None  # the edition's release day, when recorded
    sample: bool = False

    def __post_init__(self) -> None:
        for name in ("title", "edition_title", "url", "slug"):
            if not getattr(self, name).strip():
                raise ValueError(f"A report reference needs a {name.replace('_', ' ')}.")

    @property
    def key(self) -> str:
        """The citation key: `landmine-monitor-1999-north-korea` (ASCII letters, digits, hyphens)."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.slug.lower()).strip("-")
        return f"landmine-monitor-{self.year}-{slug}" if slug else f"landmine-monitor-{self.year}"


def plain_text(ref: ReportReference) -> str:
    text = (
        f'{ref.edition_title}, "{ref.title}" ({PUBLISHER}, {ref.year}), {ref.url}, '
        f"accessed {long_date(ref.accessed)}."
    )
    return f"{text} {SAMPLE_NOTE}." if ref.sample else text


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_ESCAPE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIAL))


def bibtex_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, whitespace on one line."""
    return _BIBTEX_ESCAPE.sub(lambda m: _BIBTEX_SPECIAL[m[0]], " ".join(text.split()))


def bibtex(ref: ReportReference) -> str:
    """An @incollection entry (a chapter with its own title in a book), with biblatex's `urldate`
    and, for classic BibTeX styles, the access date in `note`."""
    note = f"Accessed {long_date(ref.accessed)}"
    if ref.sample:
        note = f"{SAMPLE_NOTE}. {note}"
    fields = [
        ("author", f"{{{bibtex_escape(AUTHOR)}}}"),  # a body, not a person: kept whole
        ("title", f"{{{bibtex_escape(ref.title)}}}"),  # a proper name: its capitals kept
        ("booktitle", bibtex_escape(ref.edition_title)),
        ("publisher", bibtex_escape(PUBLISHER)),
        ("year", str(ref.year)),
    ]
    if ref.released is not None:
        fields.append(("date", ref.released.isoformat()))
    fields += [
        ("url", _bibtex_url(ref.url)),
        ("urldate", ref.accessed.isoformat()),
        ("note", bibtex_escape(note)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@incollection{{{ref.key},\n{body}\n}}\n"


def _bibtex_url(url: str) -> str:
    # A URL is read verbatim by biblatex and by \url; braces would unbalance the field and a
    # space would end it, so those are percent-encoded.
    return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def csl_item(ref: ReportReference) -> dict:
    """One CSL-JSON item of type "chapter" (CSL 1.0.2 input data)."""
    issued = [ref.released.year, ref.released.month, ref.released.day] if ref.released else [ref.year]
    item = {
        "id": ref.key,
        "type": "chapter",
        "title": ref.title,
        "container-title": ref.edition_title,
        "author": [{"literal": AUTHOR}],
        "publisher": PUBLISHER,
        "issued": {"date-parts": [issued]},
        "accessed": {"date-parts": [[ref.accessed.year, ref.accessed.month, ref.accessed.day]]},
        "URL": ref.url,
        "language": "en",
    }
    if ref.sample:
        item["note"] = SAMPLE_NOTE
    return item


def csl_json(ref: ReportReference) -> str:
    """CSL-JSON as citation managers and citeproc read it: an array of items, one variable a line."""
    lines = ",\n".join(
        f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}"
        for name, value in csl_item(ref).items()
    )
    return f"[\n  {{\n{lines}\n  }}\n]\n"
