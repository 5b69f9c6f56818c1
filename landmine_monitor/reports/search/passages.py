"""A country report cut into the passages the search finds, in reading order.

Anchors are the ids the report page gives the same text (`reports/reading.py`): `p-<section>-<n>`
for a section's paragraphs, both counted from 1, `p-key-developments`, and `fn-<number>` for a
note. A summary table row has no id of its own: its anchor is empty and a result links to the
report.

A footnote takes the kinds of the sections whose text cites it (a note cited from the Production
section is about production); a note cited nowhere has no kind.
"""

from __future__ import annotations

from landmine_monitor.reports.document import SectionKind
from landmine_monitor.reports.inline import footnote_numbers, plain_text
from landmine_monitor.reports.models import CountryReportPage

from .models import Passage, encode_kinds

KEY_DEVELOPMENTS_ANCHOR = "p-key-developments"
SUMMARY_HEADING = "Summary"
KEY_DEVELOPMENTS_HEADING = "Key developments"


def paragraph_anchor(section: int, paragraph: int) -> str:
    return f"p-{section}-{paragraph}"


def footnote_anchor(number: int) -> str:
    return f"fn-{number}"


class _Cutter:
    def __init__(self, page: CountryReportPage) -> None:
        self.page = page
        self.passages: list[Passage] = []
        self.note_kinds: dict[int, list[str]] = {}

    def add(self, text: str, *, anchor: str, heading: str, kinds: list[str], footnote: int | None = None):
        for number in footnote_numbers(text):
            self.note_kinds.setdefault(number, []).extend(kinds)
        body = plain_text(text)
        if not body:
            return
        self.passages.append(
            Passage(
                page_id=self.page.pk,
                country_id=self.page.country_id,
                edition_id=self.page.edition_id,
                position=len(self.passages) + 1,
                anchor=anchor,
                heading=heading[: Passage._meta.get_field("heading").max_length],
                kinds=encode_kinds(kinds),
                footnote=footnote,
                text=text,
                body=body,
            )
        )


def passages_of(page: CountryReportPage) -> list[Passage]:
    """The page's passages, unsaved: the summary table's rows, the key developments, every
    section's paragraphs, then the footnotes. Works on a page built from a revision too (its
    footnotes held in memory)."""
    cut = _Cutter(page)
    key = [SectionKind.KEY_DEVELOPMENTS.value]
    for row in page.summary_table or []:
        if len(row) >= 2:
            cut.add(f"{row[0]}: {row[1]}", anchor="", heading=SUMMARY_HEADING, kinds=key)
    if page.key_developments:
        cut.add(
            page.key_developments, anchor=KEY_DEVELOPMENTS_ANCHOR, heading=KEY_DEVELOPMENTS_HEADING, kinds=key
        )
    for s, block in enumerate(page.sections, start=1):
        value = block.value
        kinds = [str(k) for k in value["kinds"]]
        for n, text in enumerate(value["paragraphs"], start=1):
            cut.add(str(text), anchor=paragraph_anchor(s, n), heading=value["heading"] or "", kinds=kinds)
    for note in page.footnotes.all():
        cut.add(
            note.text,
            anchor=footnote_anchor(note.number),
            heading="",
            kinds=cut.note_kinds.get(note.number, []),
            footnote=note.number,
        )
    return cut.passages
