"""The authoring format: a country report written as Markdown.

A file holds one report, or several (a regional book file): each ``# Title`` line starts one.
No front matter. The full description, with an example, is ``docs/authoring-format.md``::

    # North Korea — Landmine Monitor Report 1999
    <!-- country: North Korea -->

    | | |
    |---|---|
    | State Party since | — |
    | Estimated area of contamination | No information is available |

    **Key developments since March 1999:** One paragraph, or several separated by a blank line.

    ## Mine Ban Policy

    A paragraph with *emphasis*, **strong** text and a footnote marker.[^974]

    ## (production)

    A paragraph whose heading was lost: the heading is empty, the kinds were inferred.

    ## Production, Transfer and Stockpiling {production, transfer, stockpiling}

    [^974]: The note, as published,
        continued on indented lines.
    [^975]: Ibid.

- ``# Title`` — the title as written. The country is the title's part before " — " (or before
  ", Landmine Monitor…"); an HTML comment ``<!-- country: NAME -->`` after the title names it
  explicitly. Other HTML comments are ignored.
- Between the title and the first section: a pipe table is the summary table, one (label, value)
  row per line (a header row of empty cells is not a row; a header row with text is the first
  row); every paragraph is key developments (the run-in label, ``**Key developments since
  March 1999:**``, stays part of the text; several paragraphs are joined by a blank line).
- ``## Heading`` — one section per heading (``###`` and deeper too: a report has one level).
  The section's kinds are ``kinds_for_heading(heading)`` unless declared after the heading in
  braces, ``{production, transfer}``, or ``{inferred: use}`` for kinds an editor should confirm.
  A heading that is only kinds in parentheses, ``## (production)``, is a section whose heading
  was lost: heading "", those kinds, inferred. ``## {use}`` is a section with no heading whose
  kinds are confirmed. Kinds are `SectionKind` values ("mine-ban-policy"; case, spaces and
  underscores do not matter).
- Paragraphs are inline Markdown: ``*emphasis*``, ``**strong**``, ``[^n]`` where the published
  marker stood. Lists and block quotes are read as paragraphs (with a warning); HTML is removed
  (with a warning); links keep their text, and their address in parentheses when the text does
  not show it.
- ``[^n]: text`` defines footnote n with its published number (974 stays 974); continuation
  lines are indented. Definitions may stand anywhere after the title; they belong to the report
  they follow. An "Ibid." note is linked to the note it repeats (`link_ibids`).

Parsing is markdown-it-py's (CommonMark, pipe tables, the footnote plugin's block rule); the
footnote labels are read from its tokens, so published numbers are kept as written. Inline text
is read by `reports.inline` and stored in its one canonical form (`normalise_inline`: whitespace
collapsed, ``_x_`` written ``*x*``, backslash escapes only where a character would otherwise be
read as markup), so that a report read from Markdown, Word or HTML and written out again reads
back the same.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..checks import check_document, link_ibids
from ..document import Footnote, Paragraph, ReportDocument, Section, SectionKind, Warning
from ..inline import (
    MARKER,
    Run,
    heading_runs,
    inline_markdown,
    inline_runs,
    marker,
    normalise_inline,
    plain_text,
)
from ..sections import kinds_for_heading
from . import ImportFailed, register


def _block_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").disable("reference")
    footnote_plugin(md, inline=False)
    # Definitions stay where they stand, each labelled as written; inline text is read on its
    # own, by `inline_runs`.
    md.disable(["footnote_ref", "footnote_tail", "inline"])
    return md


_BLOCK = _block_parser()
# A footnote definition, "[^974]: …", at the start of a line: a report in the authoring format.
DEFINITION_LINE = re.compile(f"^{MARKER.pattern}:", re.MULTILINE)

# ---------------------------------------------------------------------------------------------
# Titles and headings


_KIND_SUFFIX = re.compile(r"\s*\{([^{}]*)\}\s*$")
_LOST_HEADING = re.compile(r"^\(([^()]*)\)$")
_COUNTRY_COMMENT = re.compile(r"^\s*<!--\s*country:(.*?)-->\s*$", re.DOTALL | re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s+[—–-]+\s+|\s*,\s*(?=landmine monitor\b)|:\s+", re.IGNORECASE)
_KEY_LABEL = re.compile(r"^\W*(\d{4}\s+)?(key developments|key data|ten-year summary)", re.IGNORECASE)


def parse_kinds(spec: str) -> list[SectionKind] | None:
    """Comma-separated section kinds ("production, mine ban policy"); None if one is unknown."""
    kinds: list[SectionKind] = []
    for item in spec.split(","):
        name = re.sub(r"[\s_]+", "-", item.strip().casefold())
        if not name:
            continue
        if name not in SectionKind._value2member_map_:
            return None
        kinds.append(SectionKind(name))
    return kinds


def parse_heading(text: str) -> tuple[str, list[SectionKind], bool]:
    """A section heading line's (heading, kinds, inferred). Raises ValueError for an unknown kind
    in a ``{…}`` declaration."""
    text = text.strip()
    declared = _KIND_SUFFIX.search(text)
    if declared:
        spec, inferred = declared.group(1).strip(), False
        if spec.casefold().startswith("inferred:"):
            spec, inferred = spec[len("inferred:") :], True
        kinds = parse_kinds(spec)
        if kinds is None:
            known = ", ".join(kind.value for kind in SectionKind)
            raise ValueError(f"unknown section kind in {{{declared.group(1)}}}; the kinds are: {known}")
        return text[: declared.start()].strip(), kinds, inferred
    lost = _LOST_HEADING.match(text)
    if lost and (kinds := parse_kinds(lost.group(1))) is not None:
        return "", kinds, True
    # The kinds come from the words as they are stored: HTML dropped, a link's address kept.
    return text, kinds_for_heading(plain_text(normalise_inline(text))), False


def heading_markup(section: Section) -> str:
    """The text of a section's heading line (after ``## ``), kinds declared where needed."""
    spec = ", ".join(str(kind) for kind in section.kinds)
    if not section.heading:
        return f"({spec})" if section.inferred else f"{{{spec}}}"
    default = kinds_for_heading(plain_text(section.heading))
    try:
        plain_reading = parse_heading(section.heading) == (section.heading, default, False)
    except ValueError:
        plain_reading = False
    if plain_reading and not section.inferred and list(section.kinds) == default:
        return section.heading
    return f"{section.heading} {{{'inferred: ' if section.inferred else ''}{spec}}}"


def country_from_title(title: str) -> str:
    """The country a title names: "North Korea — Landmine Monitor Report 1999" → "North Korea"."""
    parts = [part.strip() for part in _TITLE_SPLIT.split(plain_text(title), maxsplit=1)]
    if len(parts) == 2 and parts[0].casefold().startswith("landmine monitor"):
        return parts[1]
    return parts[0]


def country_comment(text: str) -> str | None:
    """The country named by an HTML comment ``<!-- country: NAME -->``, or None."""
    match = _COUNTRY_COMMENT.match(text)
    return match.group(1).strip() if match else None


_CONTEXT_PREFIX = {"title": "# ", "heading": "## ", "paragraph": "", "footnote": f"{marker(1)}: "}
_CONTEXT_TOKENS = {
    "title": ["heading_open", "inline", "heading_close"],
    "heading": ["heading_open", "inline", "heading_close"],
    "paragraph": ["paragraph_open", "inline", "paragraph_close"],
    "footnote": [
        "footnote_reference_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "footnote_reference_close",
    ],
}


def block_safe(text: str, context: str) -> str:
    """`text` escaped so that, written as a title, heading, paragraph or footnote line, it is read
    back as that block with that text ("1999. …" would start a list; "# …" a heading)."""
    candidates = [text]
    if text[:1] in string.punctuation:
        candidates.append("\\" + text)
    if digits := re.match(r"\d+(?=[.)])", text):
        candidates.append(text[: digits.end()] + "\\" + text[digits.end() :])
    if context in ("title", "heading") and text.endswith("#"):
        candidates += [c[:-1] + "\\#" for c in list(candidates)]
    expected = _CONTEXT_TOKENS[context]
    if context == "footnote" and not text:
        expected = ["footnote_reference_open", "footnote_reference_close"]
    for candidate in candidates:
        tokens = _BLOCK.parse(_CONTEXT_PREFIX[context] + candidate + "\n")
        if [t.type for t in tokens] != expected:
            continue
        if context in ("title", "heading") and tokens[0].tag != ("h1" if context == "title" else "h2"):
            continue
        inline = next((t for t in tokens if t.type == "inline"), None)
        if inline is None or (
            inline.content == candidate and normalise_inline(candidate) == normalise_inline(text)
        ):
            return candidate
    raise ValueError(f"{text!r} cannot be written as a Markdown {context}")


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass
class _Draft:
    doc: ReportDocument
    line: int
    country: str | None = None
    key: list[str] = field(default_factory=list)
    section: Section | None = None
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class _Note:
    label: str
    line: int
    parts: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self, source: str):
        self.source = source
        self.drafts: list[_Draft] = []
        self.note: _Note | None = None
        self.warned: set[str] = set()

    def fail(self, line: int, message: str) -> ImportFailed:
        return ImportFailed(f"{self.source}: line {line}: {message}")

    def draft(self, line: int) -> _Draft:
        if not self.drafts:
            raise self.fail(line, "text before the first '# Title' line")
        return self.drafts[-1]

    def warn(self, line: int, message: str) -> None:
        if self.drafts:
            self.drafts[-1].warnings.append(Warning(message, f"line {line}"))

    def inline(self, raw: str, line: int, heading: bool = False) -> str:
        dropped: list[str] = []
        runs = inline_runs(raw, dropped)
        if dropped:
            self.warn(line, f"HTML removed: {' '.join(dropped)}")
        return inline_markdown(heading_runs(runs) if heading else runs)

    def read(self, tokens: list[Token]) -> list[ReportDocument]:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            line = token.map[0] + 1 if token.map else 0
            kind = token.type
            if kind == "heading_open" and self.note is None:
                self.heading(token, tokens[index + 1].content, line)
                index += 3
                continue
            if kind == "table_open":
                end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
                self.table(tokens[index:end], line)
                index = end + 1
                continue
            if kind == "inline":
                self.text(token.content, line)
            elif kind in ("code_block", "fence"):
                self.warn(line, "indented or fenced text read as a paragraph")
                self.text(block_safe(inline_markdown([Run(token.content)]), "paragraph"), line)
            elif kind == "html_block":
                self.html(token.content, line)
            elif kind in ("bullet_list_open", "ordered_list_open", "blockquote_open") and token.level == 0:
                self.warn(line, "list or quotation read as paragraphs")
            elif kind == "footnote_reference_open":
                self.draft(line)
                self.note = _Note(token.meta["label"], line)
            elif kind == "footnote_reference_close" and self.note is not None:
                self.footnote(self.note)
                self.note = None
            index += 1
        if not self.drafts:
            raise ImportFailed(f"{self.source}: no '# Title' line: not a report in the authoring format")
        return [self.finish(draft) for draft in self.drafts]

    def heading(self, token: Token, raw: str, line: int) -> None:
        if token.tag == "h1":
            doc = ReportDocument(title="", source_file=self.source)
            self.drafts.append(_Draft(doc, line))
            doc.title = self.inline(raw, line, heading=True)
            if not doc.title:  # a scraped page may have lost it; the CLI can name the country
                self.warn(line, "the report has no title")
            return
        draft = self.draft(line)
        try:
            heading, kinds, inferred = parse_heading(raw)
        except ValueError as exc:
            raise self.fail(line, str(exc)) from exc
        draft.section = Section(self.inline(heading, line, heading=True), kinds, [], inferred)
        draft.doc.sections.append(draft.section)

    def text(self, raw: str, line: int) -> None:
        if self.note is not None:
            self.note.parts.append(raw)
            return
        draft = self.draft(line)
        text = self.inline(raw, line)
        if not text:
            return
        if draft.section is None:
            draft.key.append(text)
        else:
            draft.section.paragraphs.append(Paragraph(text))

    def table(self, tokens: list[Token], line: int) -> None:
        rows: list[tuple[bool, list[str]]] = []
        in_head = False
        for token in tokens:
            if token.type in ("thead_open", "thead_close"):
                in_head = token.type == "thead_open"
            elif token.type == "tr_open":
                rows.append((in_head, []))
            elif token.type == "inline" and rows:
                rows[-1][1].append(token.content)
        draft = self.draft(line)
        for is_header, raw_cells in rows:
            cells = [self.inline(cell, line) for cell in raw_cells]
            if is_header and not any(cells):
                continue
            if self.note is not None:
                self.note.parts.append(" | ".join(cells))
            elif draft.section is None:
                if len(cells) != 2:
                    self.warn(line, f"summary table row with {len(cells)} cells, not 2 (label | value)")
                draft.doc.summary_table.append((cells[0] if cells else "", " | ".join(cells[1:])))
            else:
                self.warn(line, "table in a section read as paragraphs, one a row")
                draft.section.paragraphs.append(Paragraph(" | ".join(cells)))

    def html(self, content: str, line: int) -> None:
        country = country_comment(content)
        if country is not None:
            draft = self.draft(line)
            if draft.section is not None:
                self.warn(line, "a country comment after the first section is ignored")
            else:
                draft.country = country
        elif not content.lstrip().startswith("<!--"):
            self.draft(line)
            self.warn(line, f"HTML removed: {content.strip()[:60]}")

    def footnote(self, note: _Note) -> None:
        if not note.label.isdigit():
            raise self.fail(
                note.line, f"footnote {marker(note.label)} has no number; write the published one"
            )
        text = self.inline(" ".join(note.parts), note.line)
        self.draft(note.line).doc.footnotes.append(Footnote(int(note.label), text))

    def finish(self, draft: _Draft) -> ReportDocument:
        doc = draft.doc
        doc.country_name = country_from_title(doc.title) if draft.country is None else draft.country
        doc.key_developments = "\n\n".join(draft.key)
        if draft.key and not _KEY_LABEL.match(plain_text(draft.key[0])):
            draft.warnings.append(
                Warning(
                    "text between the title and the first section is read as key developments",
                    f"line {draft.line}",
                )
            )
        link_ibids(doc)
        doc.warnings = draft.warnings + check_document(doc)
        return doc


def parse_markdown(text: str, source: str = "<markdown>") -> list[ReportDocument]:
    """The reports in a text in the authoring format; `source` names it in errors."""
    return _Reader(source).read(_BLOCK.parse(text))


class MarkdownImporter:
    name = "markdown"
    priority = 20

    def accepts(self, path: Path, head: bytes) -> bool:
        if path.suffix.casefold() in (".md", ".markdown"):
            return True
        return not head.startswith(b"PK") and DEFINITION_LINE.search(head.decode("latin-1")) is not None

    def read(self, path: Path) -> list[ReportDocument]:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFailed(f"{path}: not UTF-8 text (byte {exc.start})") from exc
        except OSError as exc:
            raise ImportFailed(f"{path}: {exc.strerror}") from exc
        return parse_markdown(text, str(path))


register(MarkdownImporter())
