"""Reading a page's reports, by the same steps whatever its layout.

The layout finds the notes and makes markers of the numbers the text writes its way; the rest is
shared. Countries are told apart by headings that name them (the bundled country list): a page
of a single country takes its title from the first heading naming it (or from its <title>); a
book page holding a region starts a report at each heading, at the level where several
countries are named, and each note goes to the country whose text cites it. Within a report,
headings naming a known section start sections, a run-in "Key developments since…" paragraph is
the key developments, and paragraphs after a lost heading (an empty heading or a wider gap) make
a section whose kind is inferred. A paragraph after a note, with no heading between, goes on
with that note. Warnings name the page's line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from landmine_monitor.database.countries.names import fold_name
from landmine_monitor.database.reference.bundle import country_index

from ...checks import check_document, link_ibids
from ...document import Footnote, Paragraph, ReportDocument, Section, SectionKind, Warning
from ...inline import footnote_numbers
from ...sections import infer_kind, kinds_for_heading, looks_like_heading
from .notes import Note
from .page import HEADING_TAGS, NOT_HEADINGS, Block, Page, final_text, no_emphasis, place_of, unmarked

if TYPE_CHECKING:
    from .layout import PageLayout

# Headings that group countries or name the book, never a section of a country's report.
GROUP_HEADING = re.compile(
    r"^(states? parties|signatories|non-?signatories|ratifications?|accessions?|other( areas)?|areas?"
    r"|(sub-saharan )?africa|the americas|americas|asia[- ]pacific|europe ?/ ?central asia"
    r"|middle east ?/ ?north africa|landmine monitor( report)?( \d{4})?(:.*)?)$",
    re.I,
)
NOTES_HEADING = re.compile(r"^(foot|end)?notes?:?$|^references:?$", re.I)
TITLE = re.compile(r"^(?P<country>.+?),?\s+Landmine Monitor Report\s+\d{4}\b.*$", re.I)
TITLE_PREFIX = re.compile(r"^Landmine Monitor(?: Report)?(?: \d{4})?\s*[:\-–|]\s*", re.I)
KEY_DEVELOPMENTS = re.compile(r"^\**key developments since\b", re.I)
SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "with", "a", "an", "or", "its", "by"}


@dataclass
class _Report:
    """A report being built, with the page line of each part for naming it in warnings."""

    document: ReportDocument
    paragraph_lines: list[int | None] = field(default_factory=list)
    footnote_lines: dict[int, int | None] = field(default_factory=dict)
    heading_lines: dict[int, int | None] = field(default_factory=dict)  # id(section) -> line
    warnings: list[Warning] = field(default_factory=list)


# What each block is, once the notes and the countries are known.
NOTE, CONTINUATION, COUNTRY, TITLE_BLOCK, GROUP, NOTES_HEAD = (
    "note", "continuation", "country", "title", "group", "notes heading"
)  # fmt: skip
HEADING, KEY, EMPTY, PARAGRAPH = "heading", "key developments", "empty", "paragraph"
TEXT_ROLES = {COUNTRY, TITLE_BLOCK, HEADING, KEY, PARAGRAPH}


def read_reports(page: Page, layout: PageLayout) -> list[ReportDocument]:
    """The reports on a page, read the way `layout` writes notes and markers."""
    return _Reading(page, layout).documents()


class _Reading:
    """One page read into its reports."""

    def __init__(self, page: Page, layout: PageLayout) -> None:
        self.path = page.path
        self.blocks = page.blocks
        self.file_warnings = page.warnings
        self.title_tag = page.title_tag
        self.notes = layout.notes(page)
        self.layout = layout

    def documents(self) -> list[ReportDocument]:
        self.reports: list[_Report] = []
        self.roles = [self._role(i, b) for i, b in enumerate(self.blocks)]
        countries = _countries(self.blocks)
        segments = self._segments(countries) if self.layout.several_countries else [self._single(countries)]
        self._continue_notes()
        texts = [b for b, role in zip(self.blocks, self.roles, strict=True) if role in TEXT_ROLES]
        self.layout.mark(texts, {n.number for n in self.notes.chain})
        for number, (start, end, head) in enumerate(segments):
            self._build(self.reports[number], start, end, head)
        self._assign_notes()
        documents = []
        for report in self.reports:
            document = report.document
            link_ibids(document)
            document.warnings = self.file_warnings + _checked(report) + report.warnings
            documents.append(document)
        return documents

    # Countries and roles

    def _segments(self, countries: list[tuple[int, str]]) -> list[tuple[int, int, int | None]]:
        """(first block, end, heading block) of each country's report in the file."""
        blocks = self.blocks
        levels: dict[str, set[str]] = {}
        for index, name in countries:
            levels.setdefault(_heading_level(blocks[index]) or "", set()).add(name.casefold())
        several = [level for level, names in levels.items() if len(names) >= 2]
        if not several:
            return [self._single(countries)]
        level = max(several, key=lambda lv: (len(levels[lv]), -LEVELS.index(lv)))
        heads = {i for i, _ in countries if _heading_level(blocks[i]) == level}
        guessed = set()
        if level in HEADING_TAGS:
            # A heading at the countries' level that names no section is a country too.
            capitals = all(unmarked(blocks[i].plain).isupper() for i in heads)
            guessed = {
                i
                for i, b in enumerate(blocks)
                if b.tag == level and i > min(heads) and i not in heads and self.roles[i] == HEADING
                and kinds_for_heading(unmarked(b.plain)) == [SectionKind.OTHER]
                and unmarked(b.plain).isupper() == capitals
            }  # fmt: skip
        heads = sorted(heads | guessed)
        segments = []
        for number, head in enumerate(heads):
            self.roles[head] = COUNTRY
            end = heads[number + 1] if number + 1 < len(heads) else len(blocks)
            segments.append((head + 1, end, head))
            report = _Report(ReportDocument(title="", source_file=str(self.path)))
            if head in guessed:
                name = unmarked(blocks[head].plain)
                report.warnings.append(
                    Warning(
                        f"heading {name!r} taken as a country though the country list lacks it",
                        place_of(blocks[head]),
                    )
                )
            self.reports.append(report)
        skipped = [i for i in range(heads[0]) if self.roles[i] == PARAGRAPH]
        if skipped:
            self.reports[0].warnings.append(
                Warning(
                    f"{len(skipped)} paragraph(s) before the first country's heading were left out",
                    place_of(blocks[skipped[0]]),
                )
            )
        return segments

    def _single(self, countries: list[tuple[int, str]]) -> tuple[int, int, int | None]:
        """One report: its title is the first heading naming a country, above the text."""
        blocks = self.blocks
        self.reports.append(_Report(ReportDocument(title="", source_file=str(self.path))))
        first_text = next(
            (
                i
                for i, b in enumerate(blocks)
                if self.roles[i] in (PARAGRAPH, KEY) and _heading_level(b) is None
            ),
            len(blocks),
        )  # short lines above the text (a breadcrumb, a date) may stand before the title
        above = [(i, name) for i, name in countries if i < first_text]
        if above:
            whole = [(i, name) for i, name in above if _country_in(blocks[i].plain, parts=False)]
            head, name = (whole or above)[0]
            for index, other in above:  # "Benin, Landmine Monitor Report 2004" and then "Benin"
                if fold_name(other) == fold_name(name):
                    self.roles[index] = COUNTRY
            return (0, len(blocks), head)
        title = next(
            (i for i, b in enumerate(blocks[:first_text]) if b.tag == "h1" and self.roles[i] == HEADING), None
        )
        if title is not None:
            self.roles[title] = TITLE_BLOCK
        return (0, len(blocks), title)

    def _role(self, index: int, block: Block) -> str:
        if index in self.notes.of_block:
            return NOTE
        bare = unmarked(block.plain)
        if not bare:
            return EMPTY
        level = _heading_level(block)
        if NOTES_HEADING.match(bare) and level:
            return NOTES_HEAD
        if GROUP_HEADING.match(bare) and level:
            return GROUP
        if block.tag in HEADING_TAGS or _is_heading(block):
            return HEADING
        if KEY_DEVELOPMENTS.match(block.text):
            return KEY
        return PARAGRAPH

    def _continue_notes(self) -> None:
        """A paragraph after a note, with no heading between, goes on with that note."""
        last: Note | None = None
        for index, block in enumerate(self.blocks):
            role = self.roles[index]
            if role == NOTE:
                last = self.notes.of_block[index][-1]
            elif role in (PARAGRAPH, KEY) and last is not None:
                last.continued.append(block.text)
                self.roles[index] = CONTINUATION
                report = self.reports[self._segment_of(last.block)]
                report.warnings.append(
                    Warning(f"a paragraph after footnote {last.number} was joined to it", place_of(block))
                )
            elif role not in (EMPTY, NOTES_HEAD):
                last = None

    def _segment_of(self, index: int) -> int:
        heads = [i for i, role in enumerate(self.roles) if role == COUNTRY]
        if len(self.reports) == 1:
            return 0
        return max(0, bisect_left(heads, index + 1) - 1)

    # Building a report

    def _build(self, report: _Report, start: int, end: int, head: int | None) -> None:
        blocks, document = self.blocks, report.document
        if head is not None:
            document.title = final_text(no_emphasis(blocks[head].text))
            document.country_name = _country_in(blocks[head].plain)
            if self.roles[head] == COUNTRY and not document.country_name:
                document.country_name = unmarked(blocks[head].plain)  # a heading at the countries' level
            if not document.country_name:
                report.warnings.append(
                    Warning(
                        "no title naming the country; choose the country when saving", place_of(blocks[head])
                    )
                )
        else:
            document.title = final_text(self.title_tag)
            document.country_name = _country_in(self.title_tag)
            if not document.country_name:
                report.warnings.append(
                    Warning("no title naming the country; choose the country when saving", "title")
                )
        key_developments: list[str] = []
        current: Section | None = None
        lost = _lost_gap([blocks[i] for i in range(start, end) if self.roles[i] == PARAGRAPH])
        for index in range(start, end):
            block, role = blocks[index], self.roles[index]
            if role == EMPTY and block.images:
                alt = next((a for a in block.images if looks_like_heading(a)), None)
                if alt:  # a heading set as a picture
                    current = Section(heading=alt, kinds=kinds_for_heading(alt))
                    document.sections.append(current)
                    report.heading_lines[id(current)] = block.line
            elif role == HEADING:
                text = final_text(no_emphasis(block.text))
                current = Section(heading=text, kinds=kinds_for_heading(unmarked(text)))
                document.sections.append(current)
                report.heading_lines[id(current)] = block.line
            elif role == KEY:
                key_developments.append(final_text(block.text))
                current = None
            elif role == PARAGRAPH:
                lost_heading = block.lost_heading or block.gap >= lost
                if current is None or (lost_heading and (current.paragraphs or current.inferred)):
                    current = Section(heading="", kinds=[SectionKind.OTHER], inferred=True)
                    document.sections.append(current)
                current.paragraphs.append(Paragraph(final_text(block.text)))
                report.paragraph_lines.append(block.line)
        document.key_developments = "\n\n".join(key_developments)
        for section in document.sections:
            if section.inferred:
                section.kinds = [infer_kind(" ".join(p.text for p in section.paragraphs))]
            elif not section.paragraphs:
                line = report.heading_lines.get(id(section))
                report.warnings.append(
                    Warning(
                        f"heading {section.heading!r} has no paragraphs under it",
                        f"line {line}" if line else f"heading {section.heading!r}",
                    )
                )
        if not document.paragraphs:
            report.warnings.append(Warning("no paragraphs of report text for this country"))

    def _assign_notes(self) -> None:
        """Each note to the report whose text cites it; one nobody cites to the report citing the
        nearest note before it, or else to the report it stands in."""
        owner: dict[int, int] = {}
        for number, report in enumerate(self.reports):
            for text in _texts_of(report.document):
                for cited in footnote_numbers(text):
                    owner.setdefault(cited, number)
        cited_numbers = sorted(owner)
        for note in self.notes.chain:
            where = owner.get(note.number)
            if where is None:
                position = bisect_left(cited_numbers, note.number)
                where = owner[cited_numbers[position - 1]] if position else self._segment_of(note.block)
            report = self.reports[where]
            text = " ".join([note.text, *note.continued]).strip()
            report.document.footnotes.append(Footnote(number=note.number, text=final_text(text)))
            report.footnote_lines.setdefault(note.number, note.line)
        for report in self.reports:
            report.document.footnotes.sort(key=lambda f: f.number)


LEVELS = ["h1", "h2", "h3", "h4", "h5", "h6", "bold", "plain", ""]


def _heading_level(block: Block) -> str | None:
    """How a block stands out as a heading: its tag, bold, or a short line on its own."""
    if block.tag in HEADING_TAGS:
        return block.tag
    if block.bold and len(block.plain) <= 100:
        return "bold"
    if (
        block.tag in ("p", "div", "td", "center", "body", "th", "caption")
        and len(block.plain) <= 80
        and not re.search(r"[.;,]$", unmarked(block.plain))
    ):
        return "plain"
    return None


def _is_heading(block: Block) -> bool:
    """A section heading in a paragraph of its own: all bold, or a short title-case line, naming
    a known section."""
    bare = unmarked(block.plain)
    if not looks_like_heading(bare):
        return False
    if block.bold:
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'/-]*", bare)]
    return bool(words) and len(words) <= 8 and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)


@cache
def _country_names():
    return country_index()


def _country_in(text: str, parts: bool = True) -> str:
    """The country a heading or title names, as written; "" if it names none. With `parts`, a
    part of it may name the country ("Country Reports > Benin", "Landmine Monitor - Chad")."""
    bare = unmarked(text).strip(" ,.:;*")
    if not bare or len(bare) > 100:
        return ""
    title = TITLE.match(bare)
    candidates = [title.group("country").strip(" ,")] if title else []
    candidates += [TITLE_PREFIX.sub("", bare), bare]
    if parts:
        candidates += [part.strip() for part in re.split(r"\s[-–|:>»/]\s|:\s", bare) if part.strip()]
    for candidate in candidates:
        if candidate and _country_names().candidates(candidate):
            return candidate
        if candidate.lower().startswith("the ") and _country_names().candidates(candidate[4:]):
            return candidate
    return ""


def _countries(blocks: list[Block]) -> list[tuple[int, str]]:
    """Blocks that stand as a heading and name a country: (index, the name as written). Table
    cells and list items are not headings (a table of donors names countries too), nor is a
    run of country names one after another."""
    found = []
    for index, block in enumerate(blocks):
        if block.tag in NOT_HEADINGS or _heading_level(block) is None:
            continue
        if looks_like_heading(unmarked(block.plain)):
            continue
        name = _country_in(block.plain)
        if name:
            found.append((index, name))
    names = {i: fold_name(name) for i, name in found}
    listed = {
        i for i in names if names.get(i - 1, names[i]) != names[i] or names.get(i + 1, names[i]) != names[i]
    }
    return [(i, name) for i, name in found if i not in listed]


def _lost_gap(paragraphs: list[Block]) -> int:
    """How many empty paragraphs mark a lost heading: more than the page usually leaves between
    paragraphs (an empty heading or bold line marks one by itself)."""
    gaps = [b.gap for b in paragraphs[1:]]
    usual = max(set(gaps), key=lambda g: (gaps.count(g), -g)) if gaps else 0
    return usual + 1


# The notes of each report, and the warnings


def _texts_of(document: ReportDocument) -> list[str]:
    return [
        document.title,
        document.key_developments,
        *(s.heading for s in document.sections),
        *(p.text for p in document.paragraphs),
    ]


def _checked(report: _Report) -> list[Warning]:
    """`check_document`'s warnings, each with the line of the page it names."""
    warnings: list[Warning] = []
    for warning in check_document(report.document):
        where = warning.where
        paragraph = re.fullmatch(r"paragraph (\d+)", where)
        footnote = re.fullmatch(r"footnote (\d+)", where)
        line = None
        if paragraph and int(paragraph.group(1)) <= len(report.paragraph_lines):
            line = report.paragraph_lines[int(paragraph.group(1)) - 1]
        elif footnote:
            line = report.footnote_lines.get(int(footnote.group(1)))
        warnings.append(Warning(warning.message, f"line {line}, {where}" if line else where))
    return warnings
