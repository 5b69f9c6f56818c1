"""A report against the same country's report in the previous edition: a paragraph-level unified
diff of the two `ReportDocument`s (`reports.services.document_of`), section by section.

Sections are matched by heading (case aside), or by their kinds when the heading was lost;
a renamed section ("Landmine Problem" → "Landmine/ERW Problem") is matched by the kinds it shares
with the old one. Key developments and the notes are compared as sections of their own. Each
paragraph is one line of the diff; notes are compared as `[^n]: text` lines.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from landmine_monitor.network.permissions import can_view_draft
from landmine_monitor.reports.document import ReportDocument, Section
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import document_of

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
KEY_DEVELOPMENTS = "Key developments"
NOTES = "Notes"


@dataclass
class DiffLine:
    kind: str  # "hunk", "context", "removed", "added"
    text: str

    @property
    def marker(self) -> str:
        return {"removed": "-", "added": "+", "context": " "}.get(self.kind, "")


@dataclass
class SectionDiff:
    heading: str
    old_heading: str | None  # None when the section is new
    new_heading: str | None  # None when the section was dropped
    lines: list[DiffLine] = field(default_factory=list)
    added: int = 0
    removed: int = 0
    unchanged: int = 0

    @property
    def status(self) -> str:
        if self.old_heading is None:
            return "new"
        if self.new_heading is None:
            return "dropped"
        return "changed" if self.added or self.removed else "unchanged"


@dataclass
class Version:
    """One side of the comparison: which report, which version of it."""

    report: CountryReportPage
    document: ReportDocument
    draft: bool  # its latest revision rather than what is published

    @property
    def label(self) -> str:
        state = "latest draft" if self.draft else "as published"
        return f"{self.report.edition.year} ({state})"


def _label(section: Section) -> str:
    return section.heading or f"({', '.join(kind.value for kind in section.kinds)})"


def _key(section: Section) -> str:
    return section.heading.casefold().strip() if section.heading else _label(section)


def _blocks(doc: ReportDocument) -> list[tuple[str, str, set, list[str]]]:
    """(key, label, kinds, lines) of each part compared: key developments, sections, notes."""
    blocks = []
    if doc.key_developments:
        blocks.append((KEY_DEVELOPMENTS, KEY_DEVELOPMENTS, {"key"}, doc.key_developments.split("\n\n")))
    for section in doc.sections:
        blocks.append(
            (_key(section), _label(section), set(section.kinds), [p.text for p in section.paragraphs])
        )
    if doc.footnotes:
        blocks.append((NOTES, NOTES, {"notes"}, [f"[^{note.number}]: {note.text}" for note in doc.footnotes]))
    return blocks


def _pairs(old: list, new: list) -> list[tuple[int | None, int | None]]:
    """Old and new blocks matched: by key, then, among the rest, by shared kinds."""
    matcher = difflib.SequenceMatcher(None, [b[0] for b in old], [b[0] for b in new], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        unused = list(range(j1, j2))
        for i in range(i1, i2):
            match = next((j for j in unused if old[i][2] & new[j][2]), None)
            if match is None:
                pairs.append((i, None))
            else:
                for j in [j for j in unused if j < match]:
                    pairs.append((None, j))
                unused = [j for j in unused if j > match]
                pairs.append((i, match))
        pairs.extend((None, j) for j in unused)
    return pairs


def _span(start: str, count: str | None) -> str:
    """A unified diff's "start,count" as paragraph numbers: "3", "3–5", or "none"."""
    first, size = int(start), 1 if count is None else int(count)
    if size == 0:
        return "none"
    return str(first) if size == 1 else f"{first}–{first + size - 1}"


def _hunk_label(line: str) -> str:
    old_start, old_count, new_start, new_count = HUNK.match(line).groups()
    return f"paragraphs {_span(old_start, old_count)} → {_span(new_start, new_count)}"


def _section_diff(old_block, new_block, context: int) -> SectionDiff:
    old_lines = old_block[3] if old_block else []
    new_lines = new_block[3] if new_block else []
    diff = SectionDiff(
        heading=(new_block or old_block)[1],
        old_heading=old_block[1] if old_block else None,
        new_heading=new_block[1] if new_block else None,
    )
    kinds = {"-": "removed", "+": "added", " ": "context"}
    for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=context):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            diff.lines.append(DiffLine("hunk", _hunk_label(line)))
            continue
        kind = kinds[line[:1]]
        diff.lines.append(DiffLine(kind, line[1:]))
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    diff.unchanged = sum(block.size for block in matcher.get_matching_blocks())
    diff.removed = len(old_lines) - diff.unchanged
    diff.added = len(new_lines) - diff.unchanged
    return diff


def compare_documents(old: ReportDocument, new: ReportDocument, *, context: int = 1) -> list[SectionDiff]:
    """The section-by-section differences from `old` to `new`, in the new report's order (a
    dropped section where it stood)."""
    old_blocks, new_blocks = _blocks(old), _blocks(new)
    return [
        _section_diff(
            old_blocks[i] if i is not None else None, new_blocks[j] if j is not None else None, context
        )
        for i, j in _pairs(old_blocks, new_blocks)
    ]


def version_for(user, report: CountryReportPage) -> Version:
    """What the user compares of a report: its latest revision when they may see drafts, what
    is published otherwise."""
    if can_view_draft(user, report) and report.latest_revision_id:
        page = report.get_latest_revision_as_object()
        return Version(report, document_of(page), draft=not report.live or report.has_unpublished_changes)
    return Version(report, document_of(report), draft=False)


def previous_report(report: CountryReportPage, user) -> CountryReportPage | None:
    """The same country's report in the latest earlier edition the user may read."""
    earlier = (
        CountryReportPage.objects.filter(country_id=report.country_id, edition__year__lt=report.edition.year)
        .select_related("country", "edition")
        .order_by("-edition__year")
    )
    for candidate in earlier:
        if candidate.live or can_view_draft(user, candidate):
            return candidate
    return None


@dataclass
class EditionComparison:
    old: Version | None
    new: Version
    sections: list[SectionDiff]

    @property
    def changed(self) -> list[SectionDiff]:
        return [s for s in self.sections if s.status != "unchanged"]


def compare_with_previous_edition(report: CountryReportPage, user, *, context: int = 1) -> EditionComparison:
    """The report as the user sees it against the previous edition's: as published when it
    was, its latest draft otherwise."""
    new = version_for(user, report)
    previous = previous_report(report, user)
    if previous is None:
        return EditionComparison(None, new, [])
    if previous.live:
        old = Version(previous, document_of(previous), draft=False)
    else:
        old = Version(previous, document_of(previous.get_latest_revision_as_object()), draft=True)
    return EditionComparison(old, new, compare_documents(old.document, new.document, context=context))
