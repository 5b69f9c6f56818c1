"""Plain text: country reports scraped from the Landmine Monitor web archive, the fallback format.

A scraped page keeps the site menu ("About Us", "Order Publications", …) and decoration lines
("+ * + +"); its paragraphs are separated by blank lines and may be hard-wrapped; headings stand on
lines of their own; footnote markers are written `[n]` (sometimes `[n ]`) and the notes follow at
the end as lines "[n] …". Where a heading was lost in scraping, the paragraphs that stood under it
remain, set off from the section before by a wider gap (two or more blank lines where the file
otherwise has one): each such paragraph becomes a section of its own, its kind inferred from its
words and marked for an editor to confirm.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from landmine_monitor.database.reference.bundle import country_index

from ..checks import check_document, link_ibids, markers_outside_paragraphs
from ..document import Footnote, Paragraph, ReportDocument, Section, Warning
from ..inline import marker, without_markers
from ..sections import infer_kind, kinds_for_heading, looks_like_heading
from . import ImportFailed, decode_text, register
from .markdown import DEFINITION_LINE

# Spaces that scraping leaves in the text, read as a plain space (tabs too, once a summary table's
# columns are read); characters with no width, dropped; odd line breaks, read as line breaks.
ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
NO_WIDTH = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
LINE_BREAKS = re.compile(r"\r\n|[\r\f\v\x85\u2028\u2029]")
# Control characters that never occur in text (tab, line breaks and form feed do).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

MENU = {
    "about us",
    "the issues",
    "our research products",
    "order publications",
    "press room",
    "resources for monitor researchers",
    "table of contents",
    "country reports",
}
DECORATION = re.compile(r"^[+*·\-=_ \t]+$")

TEXT_MARKER = re.compile(r"\[\s*(\d{1,3})\s*\]")
NOTE_START = re.compile(r"^\[\s*(\d{1,3})\s*\]\s*(.*)$")
BROKEN_NOTE_START = re.compile(r"^\[(\d{1,3})(?=[\s.)]|$)(?!.*\])\s*\.?\s*(.*)$")
TITLE = re.compile(r"^(?P<country>.+?),?\s+Landmine Monitor Report\s+\d{4}\b", re.IGNORECASE)
KEY_DEVELOPMENTS = re.compile(r"^key developments since\b", re.IGNORECASE)
TABLE_ROW = re.compile(r"^(?P<label>[A-Z0-9][^:\t]{0,79}?)\s*(?::|\t+|\s{3,})\s*(?P<value>\S.{0,199})$")
TABLE_LABEL_ONLY = re.compile(r"^(?P<label>[A-Z0-9][^:\t]{0,79}?)\s*:$")
BULLET = re.compile(r"^(?:[•·▪◦–]|[-*o](?=\s))\s*")
# A note whose text stops on a word, a comma or an opening bracket was cut off.
CUT_OFF = re.compile(r"[A-Za-z,;:(\-–]$")

UNWRAPPED = 200  # a line this long was never hard-wrapped: each such line is a paragraph


@dataclass
class _Block:
    """Lines between blank lines, with the number of blank lines before them."""

    gap: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)

    @property
    def start(self) -> int:
        return self.lines[0][0]


@dataclass
class _Item:
    heading: bool
    text: str
    line: int


@dataclass
class _State:
    """Where each paragraph and footnote stood in the file, for naming them in warnings."""

    paragraph_lines: list[int] = field(default_factory=list)
    heading_lines: dict[int, int] = field(default_factory=dict)  # id(section) -> line
    footnote_lines: dict[int, int] = field(default_factory=dict)
    warnings: list[Warning] = field(default_factory=list)


class TextImporter:
    name = "text"
    priority = 90  # the fallback: every other format is asked first

    def accepts(self, path: Path, head: bytes) -> bool:
        suffix = path.suffix.lower()
        if suffix == ".txt":
            return True  # read() says precisely what is wrong with a .txt that is not text
        if suffix in {".htm", ".html", ".xhtml", ".doc", ".docx", ".odt", ".rtf", ".pdf"}:
            return False
        if not head.strip() or b"\x00" in head:
            return False
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.reason != "unexpected end of data":  # a character cut by the 4 KiB head is fine
                return False
            text = head[: error.start].decode("utf-8")
        text = text.removeprefix("\ufeff")
        if CONTROL.search(text):
            return False
        if re.match(r"\s*(<!doctype html|<html|<\?xml)", text, re.IGNORECASE):
            return False
        if re.search(r"<(html|head|body|div|p|h[1-6])[\s>]", text, re.IGNORECASE):
            return False
        return not DEFINITION_LINE.search(text)  # the authoring format (Markdown)

    def read(self, path: Path) -> list[ReportDocument]:
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise ImportFailed(f"{path}: cannot be read: {error.strerror or error}") from None
        lines = _clean_lines(_decode(path, raw))
        blocks = _blocks(lines)
        if not blocks:
            raise ImportFailed(f"{path}: no report text (only blank lines, site menu or decoration)")
        split = next((i for i, b in enumerate(blocks) if NOTE_START.match(b.lines[0][1])), len(blocks))
        state = _State()
        doc = ReportDocument(title="", source_file=str(path))
        _read_body(doc, blocks[:split], state)
        if not doc.paragraphs:
            raise ImportFailed(f"{path}: no paragraphs of report text")
        _read_notes(doc, blocks[split:], state)
        link_ibids(doc)
        doc.warnings = _checked(doc, state) + state.warnings
        return [doc]


# Reading the file


def _decode(path: Path, raw: bytes) -> str:
    text, _ = decode_text(path, raw, "text report")
    text = text.rstrip("\x1a")  # a DOS end-of-file mark
    control = CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        code = ord(control.group())
        raise ImportFailed(f"{path}: line {line}: binary data (control character 0x{code:02x})")
    return text


def _clean_lines(text: str) -> list[str]:
    """The file's lines, numbered from 1 (index 0 is unused), with odd spaces made plain, trailing
    spaces stripped, and the site menu and decoration lines blanked."""
    text = ODD_SPACES.sub(" ", NO_WIDTH.sub("", LINE_BREAKS.sub("\n", text)))
    lines = [""]
    for line in text.split("\n"):
        line = line.rstrip()
        if line.strip().casefold() in MENU or DECORATION.match(line):
            line = ""
        lines.append(line)
    return lines


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    gap = 0
    current: _Block | None = None
    for number, line in enumerate(lines[1:], start=1):
        if not line.strip():
            gap += 1
            current = None
            continue
        if current is None:
            current = _Block(gap)
            blocks.append(current)
            gap = 0
        current.lines.append((number, line))
    return blocks


# The body


def _read_body(doc: ReportDocument, blocks: list[_Block], state: _State) -> None:
    # The file's usual gap between paragraphs; a wider one is where a heading was lost.
    gaps = Counter(b.gap for b in blocks[1:])
    usual = min((g for g, n in gaps.items() if n == max(gaps.values())), default=1)
    lost = max(2, usual + 1)
    if blocks and len(blocks[0].lines) == 1 and _read_title(doc, blocks[0].lines[0][1]):
        blocks = blocks[1:]
    else:
        line = blocks[0].start if blocks else 1
        state.warnings.append(
            Warning("no title line naming the country; choose the country when saving", f"line {line}")
        )
    key_developments = [b for b in blocks if KEY_DEVELOPMENTS.match(b.lines[0][1].strip())]
    doc.key_developments = "\n\n".join(_markers(_join(b.lines)) for b in key_developments)
    blocks = [b for b in blocks if not any(b is k for k in key_developments)]
    # A summary table heads the report (2007-2008): rows "Label: value", two or more of them.
    rows: list[tuple[str, str]] = []
    table = 0
    while table < len(blocks) and (found := _table_rows(blocks[table])) is not None:
        rows += found
        table += 1
    if len(rows) >= 2:
        doc.summary_table = rows
        blocks = blocks[table:]
    current: Section | None = None
    for block in blocks:
        gap = block.gap
        for item in _items(block):
            if item.heading:
                current = Section(heading=item.text, kinds=kinds_for_heading(_unmarked(item.text)))
                doc.sections.append(current)
                state.heading_lines[id(current)] = item.line
            else:
                current = _place(doc, current, item, gap, lost)
                state.paragraph_lines.append(item.line)
            gap = 0
    for section in doc.sections:
        if not section.paragraphs:
            where = f"line {state.heading_lines[id(section)]}"
            state.warnings.append(Warning(f"heading {section.heading!r} has no paragraphs under it", where))


def _place(doc: ReportDocument, current: Section | None, item: _Item, gap: int, lost: int) -> Section:
    """Put a paragraph in the open section, or in a section of its own when it came without one."""
    paragraph = Paragraph(item.text)
    if current is not None and not current.inferred and (not current.paragraphs or gap < lost):
        current.paragraphs.append(paragraph)
        return current
    kind = infer_kind(item.text)
    if current is not None and current.inferred and gap < lost and current.kinds == [kind]:
        current.paragraphs.append(paragraph)  # more of the same subject, in the same run
        return current
    section = Section(heading="", kinds=[kind], paragraphs=[paragraph], inferred=True)
    doc.sections.append(section)
    return section


def _read_title(doc: ReportDocument, line: str) -> bool:
    """A first line "COUNTRY, Landmine Monitor Report YYYY", or one naming just the country."""
    text = _clean(line)
    match = TITLE.match(text)
    if match:
        country = _unmarked(match.group("country")).strip(" ,")
    else:
        country = _unmarked(text).strip(" ,.:")
        if not country or len(country) > 80 or not _is_country(country):
            return False
    doc.title = _markers(text)
    doc.country_name = country
    return True


@cache
def _country_names():
    return country_index()


def _is_country(name: str) -> bool:
    return bool(_country_names().candidates(name))


def _table_rows(block: _Block) -> list[tuple[str, str]] | None:
    """The rows "Label: value" of a summary table, or None when the block is not one."""
    rows: list[tuple[str, str]] = []
    lines = [text.strip() for _, text in block.lines]
    index = 0
    while index < len(lines):
        line = lines[index]
        label_only = TABLE_LABEL_ONLY.match(line)
        if label_only and index + 1 < len(lines):
            label, value = label_only.group("label"), lines[index + 1]
            index += 2
        else:
            row = TABLE_ROW.match(line)
            if not row:
                return None
            label, value = row.group("label"), row.group("value")
            index += 1
        if len(label.split()) > 10 or ". " in label or label.endswith("."):
            return None
        rows.append((_clean(label), _markers(_clean(value))))
    return rows


def _items(block: _Block) -> list[_Item]:
    """The headings and paragraphs of a block of lines."""
    lines = block.lines
    items: list[_Item] = []
    # Heading lines at the top of the block: a line shorter than the wrapped text under it.
    while lines and _is_heading(lines[0][1]):
        if len(lines) > 1 and not _is_heading(lines[1][1]):
            rest = max(len(text.strip()) for _, text in lines[1:])
            if len(lines[0][1].strip()) >= 0.7 * rest:
                break
        items.append(_Item(True, _clean(lines[0][1]), lines[0][0]))
        lines = lines[1:]
    if any(len(text) > UNWRAPPED for _, text in lines):
        # Paragraphs were never wrapped: one to a line, with headings between them.
        for number, text in lines:
            heading = _is_heading(text)
            items.append(_Item(heading, _clean(text) if heading else _markers(_clean(text)), number))
        return items
    bullets = [i for i, (_, text) in enumerate(lines) if BULLET.match(text.strip())]
    starts = sorted({0, *bullets}) if len(bullets) >= 2 else [0]
    for first, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        chunk = lines[first:end]
        if chunk:
            items.append(_Item(False, _markers(_join(chunk)), chunk[0][0]))
    return items


def _is_heading(line: str) -> bool:
    """A line that names a known section and reads like a heading, not like a wrapped sentence."""
    bare = _unmarked(_clean(line))
    if not bare or not looks_like_heading(bare) or not (bare[0].isupper() or bare[0].isdigit()):
        return False
    words = bare.split()
    if len(words) > 12:
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if len(words) > 4 and long_words:
        capitalised = sum(w[0].isupper() for w in long_words)
        if capitalised / len(long_words) < 0.5:
            return False
    return True


# The notes


def _read_notes(doc: ReportDocument, blocks: list[_Block], state: _State) -> None:
    notes: list[tuple[int, int, list[tuple[int, str]]]] = []  # (number, line, lines)
    for block in blocks:
        for position, (number, text) in enumerate(block.lines):
            start = NOTE_START.match(text.strip())
            broken = None if start else BROKEN_NOTE_START.match(text.strip())
            if start or broken:
                match = start or broken
                if broken:
                    state.warnings.append(
                        Warning(f"note number [{broken.group(1)} has no closing bracket", f"line {number}")
                    )
                notes.append((int(match.group(1)), number, [(number, match.group(2))]))
                continue
            if position == 0:
                state.warnings.append(
                    Warning(
                        f"text in the note list without a note number; joined to footnote {notes[-1][0]}",
                        f"line {number}",
                    )
                )
            notes[-1][2].append((number, text))
    for number, line, lines in notes:
        doc.footnotes.append(Footnote(number=number, text=_join(lines)))
        state.footnote_lines.setdefault(number, line)
    cited = [n for p in doc.paragraphs for n in p.footnotes] + [n for _, n in markers_outside_paragraphs(doc)]
    if not notes:
        if cited:
            state.warnings.append(Warning("the text cites footnotes but the file has no note list"))
        return
    last_number, _, last_lines = notes[-1]
    last = doc.footnotes[-1]
    beyond = sorted({n for n in cited if n > max(f.number for f in doc.footnotes)})
    if CUT_OFF.search(last.text) or beyond:
        reason = (
            f"the text cites up to [{beyond[-1]}]" if beyond else f"footnote {last_number} stops mid-sentence"
        )
        state.warnings.append(
            Warning(
                f"the note list seems cut off after footnote {last_number}: {reason}",
                f"line {last_lines[-1][0]}",
            )
        )


# Warnings


def _checked(doc: ReportDocument, state: _State) -> list[Warning]:
    """`check_document`'s warnings with the line each names."""
    warnings: list[Warning] = []
    for warning in check_document(doc):
        where = warning.where
        paragraph = re.fullmatch(r"paragraph (\d+)", where)
        footnote = re.fullmatch(r"footnote (\d+)", where)
        if paragraph and int(paragraph.group(1)) <= len(state.paragraph_lines):
            where = f"line {state.paragraph_lines[int(paragraph.group(1)) - 1]}, {where}"
        elif footnote and int(footnote.group(1)) in state.footnote_lines:
            where = f"line {state.footnote_lines[int(footnote.group(1))]}, {where}"
        warnings.append(Warning(warning.message, where))
    return warnings


# Text


# A run of spaces and tabs other than a single space (which needs no change).
SPACE_RUN = re.compile(r" [ \t]+|\t[ \t]*")


def _clean(text: str) -> str:
    """Runs of spaces and tabs as one space."""
    return SPACE_RUN.sub(" ", text.strip())


def _join(lines: list[tuple[int, str]]) -> str:
    """Hard-wrapped lines as one line; a word broken after a hyphen is joined without a space."""
    text = ""
    for _, line in lines:
        line = line.strip()
        if not line:
            continue
        if re.search(r"[A-Za-z]-$", text) and not text.endswith("--"):
            text += line
        else:
            text = f"{text} {line}" if text else line
    return _clean(text)


def _markers(text: str) -> str:
    """Published markers "[5]" and "[5 ]" as the authoring format's "[^5]"."""
    return TEXT_MARKER.sub(lambda m: marker(m.group(1)), text)


# A run of white space other than a single space (which needs no change).
WHITE_RUN = re.compile(r"[^\S ]\s*| \s+")


def _unmarked(text: str) -> str:
    if "[" in text:
        text = TEXT_MARKER.sub("", without_markers(text))
    return WHITE_RUN.sub(" ", text).strip()


register(TextImporter())
