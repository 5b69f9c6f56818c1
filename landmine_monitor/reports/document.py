"""A country report as plain data: what every importer produces and every exporter consumes.

The database model (`reports.models`) stores the same structure; keeping the importers apart
from the database lets each be tested on files alone, and a dry run compare two documents.

Paragraph text is the authoring format's inline Markdown: `*emphasis*`, `**strong**`, and a
footnote marker `[^n]` exactly where the published marker stood ("…1 March 1999.[^5]"); `inline`
reads, writes and shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .inline import footnote_numbers


class SectionKind(StrEnum):
    BACKGROUND = "background"
    KEY_DEVELOPMENTS = "key-developments"
    MINE_BAN_POLICY = "mine-ban-policy"
    PRODUCTION = "production"
    TRANSFER = "transfer"
    STOCKPILING = "stockpiling"
    USE = "use"
    LANDMINE_PROBLEM = "landmine-problem"
    MINE_ACTION = "mine-action"
    MINE_AWARENESS = "mine-awareness"
    CASUALTIES = "casualties"
    SURVIVOR_ASSISTANCE = "survivor-assistance"
    OTHER = "other"


@dataclass
class Paragraph:
    text: str

    @property
    def footnotes(self) -> list[int]:
        """The footnote numbers cited in this paragraph, in the order they stand."""
        return footnote_numbers(self.text)


@dataclass
class Section:
    heading: str  # as written; "" for paragraphs that came without a heading
    kinds: list[SectionKind]
    paragraphs: list[Paragraph] = field(default_factory=list)
    inferred: bool = False  # kinds guessed from the content, for an editor to confirm


@dataclass
class Footnote:
    number: int  # the published number, kept even when numbering runs across a whole book file
    text: str  # inline Markdown, like a paragraph
    ibid_of: int | None = None  # for "Ibid.": the number of the footnote it repeats


@dataclass
class Warning:
    """Something an editor should look at; `where` names the line or paragraph."""

    message: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ReportDocument:
    title: str
    country_name: str = ""  # as the file names the country, resolved to a Country on saving
    key_developments: str = ""
    summary_table: list[tuple[str, str]] = field(default_factory=list)  # (label, value) rows
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    source_file: str = ""

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    def footnote(self, number: int) -> Footnote | None:
        return next((f for f in self.footnotes if f.number == number), None)
