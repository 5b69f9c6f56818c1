"""Writing a report out: the authoring format (Markdown) and Word (.docx with real footnotes).

Each is the inverse of its importer: reading an export gives back the same report, field by
field (title, country, key developments, summary table, sections with their headings, kinds and
inferred flag, paragraph texts, footnotes with their published numbers and Ibid. links).

Word has footnotes but python-docx has no API for them, so `DocxFootnotes` writes Word's own
structure: a ``word/footnotes.xml`` part (with the separator and continuation separator notes,
ids -1 and 0, as Word writes them) related to the document part — python-docx then lists it in
``[Content_Types].xml`` — ``w:footnotePr`` in the settings naming the separators, and
``w:footnoteReference`` runs in the Footnote Reference character style. Word counts the
references from the section's ``w:numStart``: it is set to the first note's published number,
so a 1999 book file's country shows 974, 975, …; a note whose number does not follow the count
gets a custom mark (``w:customMarkFollows``) showing its number. Where Word has no place for a
marker — a note cited a second time, a marker with no note, a marker inside a note — it is
written as its number in the Footnote Reference style, which the importer reads back as that
marker; notes the text never cites are referenced from a final paragraph in the "Uncited Notes"
style.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from .document import ReportDocument
from .importers.markdown import block_safe, country_from_title, heading_markup
from .inline import Run, inline_runs, marker, plain_text

# ---------------------------------------------------------------------------------------------
# Markdown


def to_markdown(doc: ReportDocument) -> str:
    """The report in the authoring format (see `importers.markdown`)."""
    lines = [f"# {block_safe(doc.title, 'title')}".rstrip()]
    if doc.country_name != country_from_title(doc.title):
        lines.append(f"<!-- country: {doc.country_name} -->")
    lines.append("")
    if doc.summary_table:
        lines += ["| | |", "|---|---|"]
        lines += [f"| {_cell(label)} | {_cell(value)} |" for label, value in doc.summary_table]
        lines.append("")
    for text in _key_paragraphs(doc.key_developments):
        lines += [block_safe(text, "paragraph"), ""]
    for section in doc.sections:
        lines += [f"## {block_safe(heading_markup(section), 'heading')}", ""]
        for paragraph in section.paragraphs:
            if paragraph.text.strip():  # Markdown has no empty paragraph
                lines += [block_safe(paragraph.text, "paragraph"), ""]
    for footnote in doc.footnotes:
        lines.append(f"{marker(footnote.number)}: {block_safe(footnote.text, 'footnote')}".rstrip())
    return "\n".join(lines).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _key_paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]


# ---------------------------------------------------------------------------------------------
# Word

FOOTNOTE_TEXT = ("footnote text", "FootnoteText")  # (name, id) as Word writes its built-in styles
FOOTNOTE_REFERENCE = ("footnote reference", "FootnoteReference")
COUNTRY = ("Country", "Country")
UNCITED_NOTES = ("Uncited Notes", "UncitedNotes")

# Children of w:settings and w:sectPr that come after w:footnotePr in the schema's order.
_AFTER_SETTINGS_FOOTNOTE_PR = {
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
}  # fmt: skip
_BEFORE_SECTION_FOOTNOTE_PR = {"headerReference", "footerReference"}


class DocxFootnotes:
    """Real Word footnotes for a python-docx `Document`.

    Creating one adds the footnotes part. `note(text)` adds a note (inline Markdown) and returns
    its id; `reference(paragraph, id, number)` puts its reference at the end of a paragraph (a
    python-docx `Paragraph` or a ``w:p`` element): counted by Word, or, when `number` does not
    follow the count, with `number` as a custom mark. `add(paragraph, text)` does both. The
    first reference sets where Word's count starts.
    """

    def __init__(self, document: DocxDocument):
        self.document = document
        ensure_report_styles(document)
        self.root = parse_xml(
            f'<w:footnotes xmlns:w="{_W}" xmlns:r="{_R}">'
            f'<w:footnote w:type="separator" w:id="-1">{_SEPARATOR.format("separator")}</w:footnote>'
            f'<w:footnote w:type="continuationSeparator" w:id="0">'
            f"{_SEPARATOR.format('continuationSeparator')}</w:footnote>"
            "</w:footnotes>"
        )
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.root, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
        separators = parse_xml(
            f'<w:footnotePr xmlns:w="{_W}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        )
        _insert(document.settings.element, separators, before=_AFTER_SETTINGS_FOOTNOTE_PR)
        self.notes: dict[str, etree._Element] = {}
        self.start: int | None = None
        self.counted = 0

    def note(self, text: str) -> str:
        note_id = str(len(self.notes) + 1)
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        paragraph = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        _set_val(properties, "w:pStyle", FOOTNOTE_TEXT[1])
        paragraph.append(properties)
        paragraph.append(_run(footnote_mark=True))  # the note's own mark; see `reference`
        paragraph.append(_run(" "))
        for run in inline_runs(text):
            # A note cannot hold a note: a marker here is its number in the reference style.
            if run.footnote is None:
                paragraph.append(_run_of(run))
            else:
                paragraph.append(_run(str(run.footnote), style=FOOTNOTE_REFERENCE[1]))
        note.append(paragraph)
        self.notes[note_id] = note
        self.root.append(note)
        return note_id

    def reference(self, paragraph, note_id: str, number: int | None = None) -> int:
        """Reference note `note_id` at the end of `paragraph`; the number it shows."""
        if self.start is None:
            self.start = number if number is not None and number >= 1 else 1
            if self.start != 1:
                self._number_from(self.start)
        counted = self.start + self.counted
        custom = number is not None and number != counted
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        _set_val(properties, "w:rStyle", FOOTNOTE_REFERENCE[1])
        run.append(properties)
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), note_id)
        run.append(reference)
        if custom:
            # Word's structure: the mark is the text after the reference, in the same run, and
            # the note shows the same text in place of Word's automatic number.
            reference.set(qn("w:customMarkFollows"), "1")
            run.append(_text(str(number)))
            mark = self.notes[note_id].find(qn("w:p")).find(qn("w:r"))
            mark.replace(mark.find(qn("w:footnoteRef")), _text(str(number)))
        else:
            self.counted += 1
        _element(paragraph).append(run)
        return number if custom else counted

    def add(self, paragraph, text: str, number: int | None = None) -> int:
        """A new note with `text`, referenced at the end of `paragraph`; the number it shows."""
        return self.reference(paragraph, self.note(text), number)

    def _number_from(self, start: int) -> None:
        for section in self.document.sections:
            numbering = parse_xml(
                f'<w:footnotePr xmlns:w="{_W}"><w:numStart w:val="{start}"/></w:footnotePr>'
            )
            later = {_local(child) for child in section._sectPr} - _BEFORE_SECTION_FOOTNOTE_PR
            _insert(section._sectPr, numbering, before=later)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SEPARATOR = (
    '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:{0}/></w:r></w:p>'
)


def ensure_report_styles(document: DocxDocument) -> None:
    """Add the styles a report uses that python-docx's default template lacks."""
    styles = document.styles
    known = {style.name.casefold() for style in styles}
    if FOOTNOTE_TEXT[0] not in known:
        style = styles.add_style(FOOTNOTE_TEXT[0], WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = FOOTNOTE_TEXT[1]
        style.base_style = styles["Normal"]
        style.font.size = Pt(10)
        style.paragraph_format.space_after = Pt(0)
    if FOOTNOTE_REFERENCE[0] not in known:
        style = styles.add_style(FOOTNOTE_REFERENCE[0], WD_STYLE_TYPE.CHARACTER)
        style.style_id = FOOTNOTE_REFERENCE[1]
        style.font.superscript = True
    if COUNTRY[0].casefold() not in known:
        style = styles.add_style(COUNTRY[0], WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = COUNTRY[1]
        style.base_style = styles["Subtitle"] if "subtitle" in known else styles["Normal"]
    if UNCITED_NOTES[0].casefold() not in known:
        style = styles.add_style(UNCITED_NOTES[0], WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = UNCITED_NOTES[1]
        style.base_style = styles["Normal"]
        style.font.italic = True


def to_docx(doc: ReportDocument, path: Path | str) -> None:
    """The report as a Word document with Word's own footnotes (see `importers.word`)."""
    document = docx.Document()
    document.core_properties.title = plain_text(doc.title)
    writer = _ReportWriter(document, doc)
    writer.paragraph(doc.title, "Title")
    if doc.country_name != country_from_title(doc.title):
        document.add_paragraph(doc.country_name, style=COUNTRY[0])
    if doc.summary_table:
        table = document.add_table(rows=len(doc.summary_table), cols=2)
        table.style = document.styles["Table Grid"]
        for row, (label, value) in zip(table.rows, doc.summary_table, strict=True):
            writer.runs(row.cells[0].paragraphs[0], label)
            writer.runs(row.cells[1].paragraphs[0], value)
    for text in _key_paragraphs(doc.key_developments):
        writer.paragraph(text)
    for section in doc.sections:
        writer.paragraph(heading_markup(section), "Heading 1")
        for paragraph in section.paragraphs:
            if paragraph.text.strip():
                writer.paragraph(paragraph.text)
    writer.uncited()
    document.save(str(path))


class _ReportWriter:
    def __init__(self, document: DocxDocument, doc: ReportDocument):
        self.document = document
        self.notes = DocxFootnotes(document)
        # Notes in the report's order (the order of word/footnotes.xml); a number may have two.
        self.unplaced: list[tuple[int, str]] = [(fn.number, self.notes.note(fn.text)) for fn in doc.footnotes]

    def paragraph(self, text: str, style: str | None = None) -> None:
        self.runs(self.document.add_paragraph(style=style), text)

    def runs(self, paragraph, text: str) -> None:
        for run in inline_runs(text):
            if run.footnote is None:
                _element(paragraph).append(_run_of(run))
                continue
            note = next((entry for entry in self.unplaced if entry[0] == run.footnote), None)
            if note is None:  # cited again, or no note: the number in the reference style
                _element(paragraph).append(_run(str(run.footnote), style=FOOTNOTE_REFERENCE[1]))
            else:
                self.unplaced.remove(note)
                self.notes.reference(paragraph, note[1], run.footnote)

    def uncited(self) -> None:
        if not self.unplaced:
            return
        paragraph = self.document.add_paragraph("Notes not cited in the text:", style=UNCITED_NOTES[0])
        for number, note_id in list(self.unplaced):
            self.notes.reference(paragraph, note_id, number)
        self.unplaced.clear()


def _element(paragraph) -> etree._Element:
    return paragraph if isinstance(paragraph, etree._Element) else paragraph._p


def _local(element: etree._Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _set_val(parent: etree._Element, tag: str, value: str) -> None:
    child = OxmlElement(tag)
    child.set(qn("w:val"), value)
    parent.append(child)


def _text(text: str) -> etree._Element:
    element = OxmlElement("w:t")
    element.text = text
    if text != text.strip():
        element.set(qn("xml:space"), "preserve")
    return element


def _run(
    text: str = "",
    *,
    italic: bool = False,
    bold: bool = False,
    style: str | None = None,
    footnote_mark: bool = False,
) -> etree._Element:
    run = OxmlElement("w:r")
    if style or italic or bold or footnote_mark:
        properties = OxmlElement("w:rPr")
        if style or footnote_mark:
            _set_val(properties, "w:rStyle", style or FOOTNOTE_REFERENCE[1])
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        run.append(properties)
    run.append(OxmlElement("w:footnoteRef") if footnote_mark else _text(text))
    return run


def _run_of(run: Run) -> etree._Element:
    return _run(run.text, italic=run.italic, bold=run.bold)


def _insert(parent: etree._Element, child: etree._Element, before: set[str]) -> None:
    """Insert `child` before the first child of `parent` named in `before` (the schema's order)."""
    for index, existing in enumerate(parent):
        if _local(existing) in before:
            parent.insert(index, child)
            return
    parent.append(child)
