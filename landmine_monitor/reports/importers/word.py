"""Word .docx reports with Word's own footnotes.

What is read, by paragraph style (the style's name, as Word and LibreOffice write it):

- **Title** starts a report; its text is the title (several Titles: several reports, as in a
  regional book file). With no Title paragraph at all, the first paragraph is the title (warned).
- **Country**, between the title and the first heading: the country's name, when the title does
  not give it (`to_docx` writes one only then). Otherwise the country is the title's part before
  " — ", as in the authoring format.
- **Heading 1…9**: one section per heading. The heading text follows the authoring format's
  rules: ``(production)`` is a lost heading with inferred kinds, ``{kinds}`` after a heading
  declares them (`parse_heading`).
- A table between the title and the first heading is the summary table (label | value rows);
  other paragraphs there are key developments. A table inside a section becomes paragraphs,
  one a row (warned).
- Other paragraphs are the section's paragraphs, in inline Markdown: italic runs ``*x*``, bold
  ``**x**`` (direct formatting, or a character style such as Emphasis and Strong).
- **Uncited Notes**: a paragraph holding references to notes the text never cites (`to_docx`
  writes them there so they survive); its own words are not report text.

Footnotes: python-docx has no footnote API, so the notes are read from the package's
``word/footnotes.xml`` part (through the document's relationship) and the ``w:footnoteReference``
runs of the body. A reference becomes ``[^n]`` where it stands. Word numbers footnotes in order
of reference starting at the section's ``w:footnotePr/w:numStart`` (974 in a 1999 book file);
a reference with ``w:customMarkFollows`` shows its own mark, the text that follows it, and does
not advance the count. A run in the Footnote Reference character style holding only a number
(a second citation of a note, or a marker with no note) is that marker. A document whose notes
are all endnotes is read the same way from ``word/endnotes.xml``. The notes are listed in the
order of the notes part, each under the number it shows.

Unreadable input (not a zip, no ``word/document.xml``, broken XML) raises `ImportFailed` naming
the file; doubtful input becomes warnings, with `check_document`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from lxml import etree

from ..checks import check_document, link_ibids
from ..document import Footnote, Paragraph, ReportDocument, Section, Warning
from ..inline import Run, heading_runs, inline_markdown, normalise_inline, normalise_runs, plain_text
from . import ImportFailed, register
from .markdown import country_from_title, parse_heading

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADING_STYLE = re.compile(r"heading [1-9]")
# Character styles of a note's number: Word's names, and LibreOffice's when it saves .docx.
_MARK_STYLES = {
    "footnote reference", "endnote reference", "footnote characters", "endnote characters",
    "footnote anchor", "endnote anchor", "footnote symbol", "endnote symbol",
}  # fmt: skip
_SKIPPED = {"pPr", "rPr", "del", "moveFrom", "instrText", "delText", "delInstrText", "sym"}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _on(element: etree._Element | None) -> bool | None:
    """A w:b / w:i toggle: None when absent, on unless its value says off."""
    return None if element is None else _true(element.get(_w("val"), "true"))


@dataclass
class _Style:
    name: str
    based_on: str | None
    italic: bool | None
    bold: bool | None


class _Styles:
    """Style ids to names, and the italic/bold a character style gives (following `basedOn`)."""

    def __init__(self, styles: etree._Element | None):
        self.styles: dict[str, _Style] = {}
        self.default_paragraph = ""
        for style in styles.iter(_w("style")) if styles is not None else []:
            style_id = style.get(_w("styleId"), "")
            name, based, rpr = style.find(_w("name")), style.find(_w("basedOn")), style.find(_w("rPr"))
            self.styles[style_id] = _Style(
                (name.get(_w("val"), "") if name is not None else style_id).casefold(),
                based.get(_w("val")) if based is not None else None,
                _on(rpr.find(_w("i"))) if rpr is not None else None,
                _on(rpr.find(_w("b"))) if rpr is not None else None,
            )
            if style.get(_w("type")) == "paragraph" and _true(style.get(_w("default"))):
                self.default_paragraph = style_id

    def name(self, style_id: str | None) -> str:
        style_id = style_id or self.default_paragraph
        style = self.styles.get(style_id)
        return style.name if style else style_id.casefold()

    def flag(self, style_id: str | None, which: str) -> bool:
        seen: set[str] = set()
        while style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            value = getattr(self.styles[style_id], which)
            if value is not None:
                return value
            style_id = self.styles[style_id].based_on
        return False


@dataclass
class _Draft:
    doc: ReportDocument
    country: str | None = None
    key: list[str] = field(default_factory=list)
    section: Section | None = None
    note_ids: list[str] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class _Text:
    """One paragraph being read: its runs, the note ids it references, the state of its fields."""

    runs: list[Run] = field(default_factory=list)
    note_ids: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # "code" until a field's separator, then "result"
    custom: tuple[int, str] | None = None  # a custom-mark reference waiting for its mark's text


class _WordReader:
    def __init__(self, path: Path, document: DocxDocument):
        self.path = path
        self.document = document
        body = document.element.body
        self.styles = _Styles(_styles_element(document))
        self.links = {rel_id: rel.target_ref for rel_id, rel in document.part.rels.items() if rel.is_external}
        footnote_refs = sum(1 for _ in body.iter(_w("footnoteReference")))
        endnote_refs = sum(1 for _ in body.iter(_w("endnoteReference")))
        self.kind = "endnote" if endnote_refs and not footnote_refs else "footnote"
        self.general: list[Warning] = []
        if footnote_refs and endnote_refs:
            self.general.append(Warning(f"{endnote_refs} endnotes are not read (the footnotes are)"))
        self.notes = self._notes()
        self.counter = self._start()
        self.numbers: dict[str, int] = {}
        self.marks: dict[str, str] = {}
        self.drafts: list[_Draft] = []
        self.has_title = any(
            _local(block) == "p" and self._style(block) == "title" for block in _blocks(body)
        )

    # -- the notes part -------------------------------------------------------------------

    def _notes(self) -> dict[str, etree._Element]:
        reltype = RT.FOOTNOTES if self.kind == "footnote" else RT.ENDNOTES
        rels = self.document.part.rels.values()
        part = next((r.target_part for r in rels if r.reltype == reltype and not r.is_external), None)
        if part is None:
            return {}
        try:
            root = parse_xml(part.blob)
        except etree.XMLSyntaxError as exc:
            raise ImportFailed(f"{self.path}: {part.partname} is not well-formed XML: {exc}") from exc
        # Separators (types separator, continuationSeparator, continuationNotice) are not notes.
        return {
            note.get(_w("id"), ""): note
            for note in root.findall(_w(self.kind))
            if note.get(_w("type"), "normal") == "normal"
        }

    def _start(self) -> int:
        props = f"{_w(self.kind + 'Pr')}/{_w('numStart')}"
        for place in [*self.document.element.body.iter(_w("sectPr")), self.document.settings.element]:
            start = place.find(props)
            if start is not None and (start.get(_w("val")) or "").isdigit():
                return int(start.get(_w("val")))
        return 1

    def _number(self, note_id: str, mark: str | None) -> int:
        """The number a reference shows: the count, or its custom mark."""
        if mark is None:
            number, self.counter = self.counter, self.counter + 1
        elif mark.isdigit():
            number = int(mark)
        else:
            number = self.counter
            self.general.append(
                Warning(f"the note marked {mark!r} is numbered {number}", f"footnote {number}")
            )
        if note_id in self.numbers:
            self.general.append(Warning(f"{self.kind} {note_id} is referenced more than once"))
            return self.numbers[note_id]
        if note_id in self.notes:
            self.numbers[note_id] = number
        return number

    # -- paragraphs and runs --------------------------------------------------------------

    def _style(self, paragraph: etree._Element) -> str:
        style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
        return self.styles.name(style.get(_w("val")) if style is not None else None)

    def text(self, paragraph: etree._Element, in_note: bool = False) -> _Text:
        """A paragraph's runs, its note references numbered in document order."""
        text = _Text()
        self._walk(paragraph, text, in_note)
        if text.custom is not None:
            index, note_id = text.custom
            text.runs[index] = Run(footnote=self._number(note_id, None))
        return text

    def _walk(self, element: etree._Element, text: _Text, in_note: bool) -> None:
        for child in element:
            tag = _local(child)
            if tag in _SKIPPED:
                continue
            if tag == "r":
                self._run(child, text, in_note)
            elif tag == "hyperlink":
                start = len(text.runs)
                self._walk(child, text, in_note)
                target = self.links.get(child.get(f"{{{R}}}id", ""))
                if target and target not in "".join(run.text for run in text.runs[start:]):
                    text.runs.append(Run(f" ({target})"))
            else:  # w:ins, w:smartTag, w:fldSimple, w:sdt, w:customXml … hold runs
                self._walk(child, text, in_note)

    def _run(self, run: etree._Element, text: _Text, in_note: bool) -> None:
        rpr = run.find(_w("rPr"))
        style = rpr.find(_w("rStyle")) if rpr is not None else None
        style_id = style.get(_w("val")) if style is not None else None
        italic = _on(rpr.find(_w("i"))) if rpr is not None else None
        bold = _on(rpr.find(_w("b"))) if rpr is not None else None
        italic = self.styles.flag(style_id, "italic") if italic is None else italic
        bold = self.styles.flag(style_id, "bold") if bold is None else bold
        reference_tag = _w(f"{self.kind}Reference")
        shown = "".join(t.text or "" for t in run.findall(_w("t"))).strip()
        if run.find(reference_tag) is None and self.styles.name(style_id) in _MARK_STYLES and shown.isdigit():
            # A note cited again, or a marker with no note: the number in the reference style.
            text.runs.append(Run(footnote=int(shown)))
            return
        for child in run:
            tag = _local(child)
            if tag == "fldChar":
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    text.fields.append("code")
                elif kind == "separate" and text.fields:
                    text.fields[-1] = "result"
                elif kind == "end" and text.fields:
                    text.fields.pop()
            elif text.fields and text.fields[-1] == "code":
                continue
            elif tag == "t" and text.custom is not None:
                index, note_id = text.custom
                text.custom = None
                mark = (child.text or "").strip()
                self.marks[note_id] = mark
                text.runs[index] = Run(footnote=self._number(note_id, mark))
            elif tag == "t":
                text.runs.append(Run(child.text or "", italic, bold))
            elif tag in ("tab", "br", "cr"):
                text.runs.append(Run(" ", italic, bold))
            elif tag == "noBreakHyphen":
                text.runs.append(Run("-", italic, bold))
            elif child.tag == reference_tag and not in_note:
                note_id = child.get(_w("id"), "")
                text.note_ids.append(note_id)
                if _true(child.get(_w("customMarkFollows"))):
                    text.custom = (len(text.runs), note_id)
                    text.runs.append(Run(footnote=0))
                else:
                    text.runs.append(Run(footnote=self._number(note_id, None)))

    # -- the body -------------------------------------------------------------------------

    def read(self) -> list[ReportDocument]:
        for block in _blocks(self.document.element.body):
            if _local(block) == "tbl":
                self.table(block)
            else:
                self.paragraph(block)
        if not self.drafts:
            raise ImportFailed(f"{self.path}: no text: not a report")
        return [self.finish(draft, index) for index, draft in enumerate(self.drafts)]

    def paragraph(self, element: etree._Element) -> None:
        style = self._style(element)
        text = self.text(element)
        draft = self.drafts[-1] if self.drafts else None
        if style == "title" or (not self.has_title and draft is None and _has_text(text.runs)):
            title = inline_markdown(heading_runs(text.runs))
            draft = _Draft(ReportDocument(title=title, source_file=str(self.path)))
            draft.note_ids += text.note_ids
            if style != "title":
                draft.warnings.append(Warning("no paragraph in the Title style: the first one is the title"))
            elif not title:
                draft.warnings.append(Warning("the report has no title"))
            self.drafts.append(draft)
            return
        if draft is None:
            if _has_text(text.runs):
                self.general.append(Warning("text before the title is not part of a report"))
            return
        draft.note_ids += text.note_ids
        self.body_paragraph(draft, style, text)

    def body_paragraph(self, draft: _Draft, style: str, text: _Text) -> None:
        if style == "uncited notes":  # references only; its words are a label
            return
        if style == "country" and draft.section is None:
            draft.country = plain_text(inline_markdown(text.runs))
            return
        if _HEADING_STYLE.fullmatch(style):
            markup = inline_markdown(heading_runs(text.runs))
            if not markup:
                return
            try:
                heading, kinds, inferred = parse_heading(markup)
            except ValueError as exc:
                raise ImportFailed(f"{self.path}: heading {markup!r}: {exc}") from exc
            draft.section = Section(normalise_inline(heading), kinds, [], inferred)
            draft.doc.sections.append(draft.section)
            return
        markdown = inline_markdown(text.runs)
        if not markdown:
            return
        if draft.section is None:
            draft.key.append(markdown)
        else:
            draft.section.paragraphs.append(Paragraph(markdown))

    def table(self, table: etree._Element) -> None:
        draft = self.drafts[-1] if self.drafts else None
        for row in table.findall(_w("tr")):
            cells = []
            for cell in row.findall(_w("tc")):
                runs: list[Run] = []
                for paragraph in cell.iter(_w("p")):
                    text = self.text(paragraph)
                    runs += [*text.runs, Run(" ")]
                    if draft is not None:
                        draft.note_ids += text.note_ids
                cells.append(inline_markdown(runs))
            if draft is None or not any(cells):
                continue
            if draft.section is None:
                if len(cells) != 2:
                    draft.warnings.append(Warning(f"summary table row with {len(cells)} cells, not 2"))
                draft.doc.summary_table.append((cells[0], " | ".join(cells[1:])))
            else:
                draft.warnings.append(Warning("table in a section read as paragraphs, one a row"))
                draft.section.paragraphs.append(Paragraph(" | ".join(cells)))

    def note_text(self, note_id: str) -> str:
        runs: list[Run] = []
        for paragraph in self.notes[note_id].iter(_w("p")):
            runs += [*self.text(paragraph, in_note=True).runs, Run(" ")]
        runs = normalise_runs(runs)
        # The note's own mark, when it is a custom mark: a number in the reference style, or text.
        mark = self.marks.get(note_id)
        if mark and runs and runs[0].footnote is not None and str(runs[0].footnote) == mark:
            runs = runs[1:]
        elif mark and runs and runs[0].footnote is None and runs[0].text.startswith(mark):
            runs[0] = replace(runs[0], text=runs[0].text[len(mark) :])
        return inline_markdown(runs)

    def finish(self, draft: _Draft, index: int) -> ReportDocument:
        doc = draft.doc
        doc.country_name = country_from_title(doc.title) if draft.country is None else draft.country
        doc.key_developments = "\n\n".join(draft.key)
        cited = set(draft.note_ids)
        doc.footnotes = [
            Footnote(self.numbers[note_id], self.note_text(note_id))
            for note_id in self.notes
            if note_id in cited and note_id in self.numbers
        ]
        warnings = list(draft.warnings)
        if index == 0:
            warnings += self.general
            never = [note_id for note_id in self.notes if note_id not in self.numbers]
            if never:
                ids = ", ".join(never)
                warnings.append(Warning(f"{self.kind}s with ids {ids} are never referenced: left out"))
        link_ibids(doc)
        doc.warnings = warnings + check_document(doc)
        return doc


def _true(value: str | None) -> bool:
    return value is not None and value.casefold() not in ("0", "false", "off")


def _has_text(runs: list[Run]) -> bool:
    return any(run.text.strip() or run.footnote is not None for run in runs)


def _styles_element(document: DocxDocument) -> etree._Element | None:
    rels = document.part.rels.values()
    part = next((r.target_part for r in rels if r.reltype == RT.STYLES and not r.is_external), None)
    return parse_xml(part.blob) if part is not None else None


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and tables in order, looking inside content controls."""
    for child in container:
        tag = _local(child)
        if tag in ("p", "tbl"):
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _blocks(child)


def read_docx(path: Path | str) -> list[ReportDocument]:
    """The reports in a Word .docx file."""
    path = Path(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # a broken zip, a missing part, broken XML: all unreadable
        raise ImportFailed(f"{path}: not a readable Word document ({type(exc).__name__}: {exc})") from exc
    return _WordReader(path, document).read()


class WordImporter:
    name = "word"
    priority = 10

    def accepts(self, path: Path, head: bytes) -> bool:
        # By name alone too: a damaged .docx should fail here, naming the file, rather than be
        # read as text by a later importer.
        return path.suffix.casefold() == ".docx" or (head.startswith(b"PK\x03\x04") and b"word/" in head)

    def read(self, path: Path) -> list[ReportDocument]:
        return read_docx(path)


register(WordImporter())
