"""HTML: pages of the Landmine Monitor web archive (1999–2005) and the 1999 and 2000 book pages.

Three layouts are read, by the same steps:

- An archive page holds one country: the site menu, a title ("Burma (Myanmar)", "ANGOLA,
  Landmine Monitor Report 1999", which may carry a marker of its own), the body, and the notes at
  the end. Markers are links `<a href="#fn1" name="fnB1">[1]</a>` (sometimes "[1 ]"); the notes
  are paragraphs that start with the same kind of link, or an <ol>.
- A 1999 book page holds a whole region: each country starts with a heading naming it; markers
  are "(n)" numbered continuously across the file (a country may start at (974)); the notes
  follow each country or all stand at the end of the file.
- A 2000 book page is laid out the same way, with markers as superscripts `<sup>52</sup>`, or,
  once the tags are lost, digits glued to the end of a sentence ("…31 December 1999.52 The…").

Steps: the page is sanitized with nh3 first, so that scripts, styles, frames, forms and event
handlers never reach the text; a small tree builder turns what is left into blocks (paragraphs,
headings, list items) of inline Markdown, markers kept as placeholders; the site menu and
decoration are dropped; the notes are found as the longest run of blocks numbered one after the
other that the text cites; countries are told apart by headings that name them (the bundled
country list); "(n)" and glued digits become markers only where n is one of the file's notes and
the numbers rise through the text, so that "(1997)", "(1)" list items, "in 1999." and "2,000
mines." stay prose. A file holding several countries keeps the published numbers, and each note
goes to the country whose text cites it.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import nh3

from landmine_monitor.database.countries.names import fold_name
from landmine_monitor.database.reference.bundle import country_index

from ..checks import check_document, link_ibids
from ..document import MARKER, Footnote, Paragraph, ReportDocument, Section, SectionKind, Warning
from ..sections import infer_kind, kinds_for_heading, looks_like_heading
from . import ImportFailed, decode_text, register

# Sanitizing: the tags kept (others are unwrapped, their text kept) and those dropped with all
# they hold. Only the attributes the reading needs survive: note links, list numbers, classes.
KEPT_TAGS = {
    "p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "em", "i", "strong", "b", "u", "a",
    "sup", "sub", "br", "hr", "img", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
    "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "address", "center", "section",
    "article", "header", "footer", "main", "aside", "figure", "figcaption", "font", "small", "big",
    "cite", "q", "abbr", "acronym", "code", "tt", "s", "strike", "del", "ins", "var", "dfn",
}  # fmt: skip
DROPPED_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "noframes", "form", "object", "embed",
    "applet", "noscript", "select", "textarea", "button", "title", "nav", "template", "svg",
    "math",
}  # fmt: skip
KEPT_ATTRIBUTES = {
    "*": {"id", "class"},
    "a": {"href", "name"},
    "ol": {"start"},
    "li": {"value"},
    "img": {"alt"},
}

BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "address",
    "center", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption",
}  # fmt: skip
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
NOT_HEADINGS = {"td", "th", "li", "caption", "dt", "dd", "figcaption", "address"}
EMPHASIS_TAGS = {"em": "*", "i": "*", "cite": "*", "strong": "**", "b": "**"}

# Markers stand in the text as private-use placeholders until the very end, when they become the
# authoring format's "[^n]"; nothing in a page can forge one (they are dropped from the input).
M0, M1 = "\ue000", "\ue001"
PLACEHOLDER = re.compile(f"{M0}(\\d+){M1}")
PRIVATE = re.compile(f"[{M0}{M1}]")

ODD_SPACES = re.compile(r"[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
NO_WIDTH = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Belt and braces: no tag-like text survives into a report, even one the page wrote as "&lt;".
TAG_LIKE = re.compile(
    r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?\s*>|<!--.*?-->|<![^<>]*>"
    r"|<\s*/?\s*(script|style|iframe|frame|form|object|embed|svg|math)\b",
    re.I,
)

MARKER_TEXT = re.compile(r"\s*[\[(]?\s*(\d{1,4})\s*[\])]?\s*")
NOTE_FRAGMENT = re.compile(r"fn|foot|note|ftn|edn", re.I)
BACK_LINK = re.compile(r"\s*(↩\ufe0e?|↑|\^|back|return|top)\s*", re.I)
UNIT = re.compile(
    r"(?<![^\W\d])(k?m|cm|mm|ft|sq\.? ?(m|ft|km)|metres?|meters?|kilometres?|kilometers?)\s*$", re.I
)
BRACKET = re.compile(r"\[\s*(\d{1,4})\s*\]")
PAREN = re.compile(r"\((\d{1,4})\)")
# Digits glued right after the end of a sentence or clause, followed by a new sentence or the end.
GLUED = re.compile(
    rf"(?<=[.,;:\"”’)])(\d{{1,4}})(?=\s+[*\"“‘(\[]*[A-Z]|\s*{M0}|\s*$)"
)  # fmt: skip

NOTE_STARTS = [
    ("tag", re.compile(rf"^\**{M0}(\d+){M1}\**[\s.:)\]]*(.*)$")),
    ("bracket", re.compile(r"^\[\s*(\d{1,4})\s*\]\.?\s*(.*)$")),
    ("paren", re.compile(r"^\((\d{1,4})\)\.?\s*(\S.*)$")),
    ("bare", re.compile(r"^(\d{1,4})(?:\.\s*|\s+)([^\s\da-z].*)$")),
]
# Note styles that may follow one another in one list; "(n)" stands apart, being also how
# ordinary lists are numbered.
STYLE_GROUP = {"tag": "a", "bracket": "a", "bare": "a", "ol": "a", "paren": "b"}
LARGEST_GAP = 3  # a note or two lost from a list still leaves one list

MENU_ALWAYS = [
    r"previous page", r"next page", r"table of contents", r"back to top", r"return to top",
    r"top of page", r"about us", r"the issues", r"our research products", r"order publications",
    r"press room", r"resources for monitor researchers", r"country reports", r"archives home page",
    r"site map", r"contact us", r"lm report \d{4}", r"home page",
]  # fmt: skip
MENU_WITH_OTHERS = [
    r"full report", r"executive summary", r"key findings", r"key developments", r"translated country reports",
    r"multimedia", r"home", r"top", r"previous", r"next", r"print", r"search", r"index",
]  # fmt: skip
MENU_ALWAYS_RE = re.compile(r"\b(" + "|".join(MENU_ALWAYS) + r")\b")
MENU_OTHERS_RE = re.compile(r"\b(" + "|".join(MENU_WITH_OTHERS) + r")\b")
DECORATION = re.compile(r"[\s+*|·•\-_=~#<>«»/\\]*")
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)", re.I)
# Headings that group countries or name the book, never a section of a country's report.
GROUP_HEADING = re.compile(
    r"^(states? parties|signatories|non-?signatories|ratifications?|accessions?|other( areas)?|areas?"
    r"|(sub-saharan )?africa|the americas|americas|asia[- ]pacific|europe ?/ ?central asia"
    r"|middle east ?/ ?north africa|landmine monitor( report)?( \d{4})?(:.*)?)$",
    re.I,
)
NOTES_CONTEXT = re.compile(r"foot|endnote|^notes?$|^_?ftn|^_?edn", re.I)
NOTES_HEADING = re.compile(r"^(foot|end)?notes?:?$|^references:?$", re.I)
TITLE = re.compile(r"^(?P<country>.+?),?\s+Landmine Monitor Report\s+\d{4}\b.*$", re.I)
TITLE_PREFIX = re.compile(r"^Landmine Monitor(?: Report)?(?: \d{4})?\s*[:\-–|]\s*", re.I)
KEY_DEVELOPMENTS = re.compile(r"^\**key developments since\b", re.I)
SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "with", "a", "an", "or", "its", "by"}


class HtmlImporter:
    name = "html"
    priority = 30

    def accepts(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() in {".html", ".htm", ".xhtml"}:
            return True
        text = head.decode("latin-1").removeprefix("\xef\xbb\xbf").lower()
        if re.search(r"<!doctype html|<html[\s>]|<body[\s>]", text):
            return True
        return text.lstrip().startswith("<") and re.search(r"<p[\s>]", text) is not None

    def read(self, path: Path) -> list[ReportDocument]:
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise ImportFailed(f"{path}: cannot be read: {error.strerror or error}") from None
        file_warnings: list[Warning] = []
        source = _decode(path, raw, file_warnings)
        reading = _Reading(path, source, _blocks(source), file_warnings)
        if not any(b.plain for b in reading.blocks):
            raise ImportFailed(f"{path}: no report text in the page (only markup, site menu or scripts)")
        documents = reading.documents()
        if not any(d.paragraphs for d in documents):
            raise ImportFailed(f"{path}: no paragraphs of report text")
        return documents


# Reading the file


def _decode(path: Path, raw: bytes, warnings: list[Warning]) -> str:
    text, problem = decode_text(path, raw, "HTML page", fallback="Windows-1252")
    if problem:
        where, _, message = problem.partition(": ")
        warnings.append(Warning(message, where))
    if not text.strip():
        raise ImportFailed(f"{path}: the file is empty")
    return text


@dataclass
class _Marker:
    number: int
    raw: str


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | _Marker | str] = field(default_factory=list)


@dataclass
class _Block:
    """A paragraph, heading, list item or table cell of the page, as inline Markdown."""

    tag: str
    root: _Node
    context: frozenset[str]  # class and id values of the elements around it
    item: int | None = None  # the number of an item of an <ol>
    after_break: bool = False  # begun by a <br> in the middle of an element
    gap: int = 0  # empty paragraphs just before it
    lost_heading: bool = False  # an empty heading stood just before it
    images: list[str] = field(default_factory=list)  # alt texts
    line: int | None = None
    text: str = ""  # inline Markdown, markers as placeholders
    plain: str = ""  # the same without emphasis
    bold: bool = False  # every letter in it is strong
    linked: bool = False  # every letter in it is in a link to another page


def _sanitized(source: str) -> str:
    source = PRIVATE.sub("", source)
    return nh3.clean(
        source,
        tags=KEPT_TAGS,
        clean_content_tags=DROPPED_TAGS,
        attributes=KEPT_ATTRIBUTES,
        link_rel=None,
        strip_comments=True,
    )


def _blocks(source: str) -> list[_Block]:
    builder = _TreeBuilder()
    builder.feed(_sanitized(source))
    builder.close()
    blocks = _join_broken_lines(builder.finish())
    for block in blocks:
        _render(block)
    _number_lines(source, blocks)
    return blocks


class _TreeBuilder(HTMLParser):
    """Blocks from sanitized HTML (well formed: nh3 writes every end tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.stack: list[dict] = [{"tag": "body", "attrs": {}, "content": False, "next": 1}]
        self.root = _Node("")
        self.inline: list[_Node] = []
        self.images: list[str] = []
        self.item: int | None = None
        self.after_break = False
        self.gap = 0
        self.lost_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "br":
            self._flush(after_break=True)
        elif tag == "hr":
            self._flush()
        elif tag == "img":
            if values.get("alt", "").strip():
                self.images.append(_spaces(values["alt"]).strip())
        elif tag in BLOCK_TAGS:
            self._flush()
            entry = {"tag": tag, "attrs": values, "content": False, "next": 1}
            if tag == "ol":
                entry["next"] = _int(values.get("start"), 1)
            if tag == "li":
                lists = [e for e in self.stack if e["tag"] in ("ol", "ul")]
                if lists and lists[-1]["tag"] == "ol":
                    number = _int(values.get("value"), lists[-1]["next"])
                    lists[-1]["next"] = number + 1
                    self.item = number
            self.stack.append(entry)
        else:
            node = _Node(tag, values)
            (self.inline[-1] if self.inline else self.root).children.append(node)
            self.inline.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
            for index in range(len(self.stack) - 1, 0, -1):
                if self.stack[index]["tag"] == tag:
                    closed = self.stack[index]
                    del self.stack[index:]
                    if not closed["content"] and tag in HEADING_TAGS | {"p", "div"}:
                        self.gap += 1  # an empty paragraph, or a heading whose words were lost
                        self.lost_heading = (
                            self.lost_heading or tag in HEADING_TAGS or closed.get("bold", False)
                        )
                    break
        elif tag not in ("br", "hr", "img"):
            for index in range(len(self.inline) - 1, -1, -1):
                if self.inline[index].tag == tag:
                    node = self.inline[index]
                    del self.inline[index:]
                    _resolve_marker(node, self.inline[-1] if self.inline else self.root)
                    break

    def handle_data(self, data: str) -> None:
        (self.inline[-1] if self.inline else self.root).children.append(data)

    def _flush(self, after_break: bool = False) -> None:
        has_text = bool(_plain(self.root).strip())
        if has_text or self.images:
            tag = next((e["tag"] for e in reversed(self.stack) if e["tag"] not in ("ul", "ol", "dl")), "body")
            context = frozenset(
                word.casefold()
                for e in self.stack
                for name in ("class", "id")
                for word in e["attrs"].get(name, "").split()
            )
            self.blocks.append(
                _Block(
                    tag=tag,
                    root=self.root,
                    context=context,
                    item=self.item,
                    after_break=self.after_break,
                    gap=self.gap,
                    lost_heading=self.lost_heading,
                    images=self.images,
                )
            )
            for entry in self.stack:
                entry["content"] = True
            self.gap = 0
            self.lost_heading = False
            self.item = None
        elif _has_emphasis(self.root) and self.stack:
            self.stack[-1]["bold"] = True  # "<p><b></b></p>": a heading whose words were lost
        self.after_break = after_break and (has_text or self.after_break)
        self.images = []
        # Inline elements still open carry on into the next block.
        self.root = _Node("")
        parent = self.root
        reopened = []
        for node in self.inline:
            clone = _Node(node.tag, dict(node.attrs))
            parent.children.append(clone)
            reopened.append(clone)
            parent = clone
        self.inline = reopened

    def finish(self) -> list[_Block]:
        self._flush()
        return self.blocks


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


def _has_emphasis(node: _Node) -> bool:
    return any(isinstance(c, _Node) and (c.tag in EMPHASIS_TAGS or _has_emphasis(c)) for c in node.children)


def _resolve_marker(node: _Node, parent: _Node) -> None:
    """A note link or a superscript number becomes a marker in its parent."""
    text = _plain(node)
    found = MARKER_TEXT.fullmatch(text)
    marker = None
    if node.tag == "a":
        href = node.attrs.get("href", "")
        if href.startswith("#") and BACK_LINK.fullmatch(text):
            parent.children.remove(node)  # "↩": from a note back to its marker
            return
        fragment = href.partition("#")[2]
        to_note = href.startswith("#") or bool(fragment and NOTE_FRAGMENT.search(fragment))
        named = not href and (node.attrs.get("name") or node.attrs.get("id"))
        if found and (to_note or named):
            marker = _Marker(int(found.group(1)), text.strip())
    elif node.tag == "sup":
        before = parent.children[: parent.children.index(node)]
        if before and isinstance(before[-1], str) and UNIT.search(before[-1]):
            return  # "km<sup>2</sup>": a square, not a marker
        inner = [c for c in node.children if isinstance(c, _Marker)]
        rest = "".join(c for c in node.children if isinstance(c, str)).strip()
        if len(inner) == 1 and not rest and len(node.children) <= 3:
            marker = inner[0]
        elif found:
            marker = _Marker(int(found.group(1)), text.strip())
    if marker is not None:
        parent.children[parent.children.index(node)] = marker


def _plain(node: _Node) -> str:
    return "".join(
        c if isinstance(c, str) else c.raw if isinstance(c, _Marker) else _plain(c) for c in node.children
    )


def _spaces(text: str) -> str:
    return ODD_SPACES.sub(" ", CONTROL.sub("", NO_WIDTH.sub("", text)))


def _join_broken_lines(blocks: list[_Block]) -> list[_Block]:
    """A <br> in the middle of a sentence is a line break, not a new paragraph."""
    joined: list[_Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            block.after_break
            and previous is not None
            and previous.tag == block.tag
            and not block.images
            and re.match(r"\s*[a-z]", _plain(block.root))
            and not re.search(r"[.!?:;\"”’)]\s*$", _plain(previous.root))
        ):
            previous.root.children += [" ", *block.root.children]
            continue
        joined.append(block)
    return joined


def _render(block: _Block) -> None:
    block.text = _collapse(_markdown(block.root, set()))
    block.plain = _collapse(_markdown(block.root, None))
    counts = {"all": 0, "bold": 0, "linked": 0}
    _count(block.root, counts, bold=False, linked=False)
    block.bold = counts["all"] > 0 and counts["bold"] == counts["all"]
    block.linked = counts["all"] > 0 and counts["linked"] == counts["all"]


def _markdown(node: _Node, open_marks: set[str] | None) -> str:
    """Inline Markdown of a node; `open_marks` None renders without emphasis."""
    mark = EMPHASIS_TAGS.get(node.tag) if open_marks is not None else None
    if mark in (open_marks or set()):
        mark = None  # <i> within <em>: one emphasis
    inner_marks = None if open_marks is None else open_marks | ({mark} if mark else set())
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(re.sub(r"\s+", " ", _spaces(child)))
        elif isinstance(child, _Marker):
            parts.append(f"{M0}{child.number}{M1}")
        else:
            parts.append(_markdown(child, inner_marks))
    inner = "".join(parts)
    return _emphasized(inner, mark) if mark else inner


def _emphasized(inner: str, mark: str) -> str:
    core = inner.strip()
    if not re.search(r"[^\W_]", PLACEHOLDER.sub("", core).replace("*", "")):
        return inner  # emphasis of nothing, or of punctuation only
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    markers = re.search(f"(?:{PLACEHOLDER.pattern})+$", core)  # a marker goes after the emphasis
    tail = ""
    if markers:
        tail, core = markers.group(), core[: markers.start()].rstrip()
    return f"{lead}{mark}{core}{mark}{tail}{trail}"


def _count(node: _Node, counts: dict[str, int], bold: bool, linked: bool) -> None:
    bold = bold or EMPHASIS_TAGS.get(node.tag) == "**"
    if node.tag == "a":
        href = node.attrs.get("href", "")
        linked = linked or bool(href and not href.startswith("#"))
    for child in node.children:
        if isinstance(child, str):
            letters = len(re.findall(r"[^\W_]", child))
            counts["all"] += letters
            counts["bold"] += letters if bold else 0
            counts["linked"] += letters if linked else 0
        elif isinstance(child, _Node):
            _count(child, counts, bold, linked)


def _collapse(text: str) -> str:
    return re.sub(r" {2,}", " ", text).strip()


class _RawText(HTMLParser):
    """The page's words with the line each stands on, for naming lines in warnings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: list[str] = []
        self.lines: list[int] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROPPED_TAGS or tag == "head":
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if (tag in DROPPED_TAGS or tag == "head") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        line = self.getpos()[0]
        for char in data:
            plain = _spaces(char)
            if plain and not (plain == " " and (not self.chars or self.chars[-1] == " ")):
                self.chars.append(plain)
                self.lines.append(line)
            if char == "\n":
                line += 1


def _number_lines(source: str, blocks: list[_Block]) -> None:
    """The line of the page where each block begins, found by its first words."""
    reader = _RawText()
    reader.feed(PRIVATE.sub("", source))
    reader.close()
    text = "".join(reader.chars)
    cursor = 0
    for block in blocks:
        key = _unmarked_raw(block.root)[:30].strip()
        if not key:
            continue
        found = text.find(key, cursor, cursor + 200_000)  # near where the last block stood
        if found >= 0:
            block.line = reader.lines[found]
            cursor = found + 1


def _unmarked_raw(node: _Node) -> str:
    return re.sub(r"\s+", " ", _spaces(_plain(node))).strip()


# What the blocks are


@dataclass
class _Note:
    number: int
    text: str
    style: str
    block: int
    line: int | None
    continued: list[str] = field(default_factory=list)


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


class _Reading:
    """One file read into its reports."""

    def __init__(self, path: Path, source: str, blocks: list[_Block], warnings: list[Warning]) -> None:
        self.path = path
        self.blocks = [b for b in blocks if not _is_menu(b)]
        self.file_warnings = warnings
        self.title_tag = _title_tag(source)

    def documents(self) -> list[ReportDocument]:
        self.notes, self.note_of = _notes(self.blocks)
        self.reports: list[_Report] = []
        self.roles = [self._role(i, b) for i, b in enumerate(self.blocks)]
        segments = self._segments(_countries(self.blocks))
        self._continue_notes()
        texts = [b for b, role in zip(self.blocks, self.roles, strict=True) if role in TEXT_ROLES]
        _convert_weak_markers(texts, {n.number for n in self.notes})
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
            capitals = all(_unmarked(blocks[i].plain).isupper() for i in heads)
            guessed = {
                i
                for i, b in enumerate(blocks)
                if b.tag == level and i > min(heads) and i not in heads and self.roles[i] == HEADING
                and kinds_for_heading(_unmarked(b.plain)) == [SectionKind.OTHER]
                and _unmarked(b.plain).isupper() == capitals
            }  # fmt: skip
        heads = sorted(heads | guessed)
        segments = []
        for number, head in enumerate(heads):
            self.roles[head] = COUNTRY
            end = heads[number + 1] if number + 1 < len(heads) else len(blocks)
            segments.append((head + 1, end, head))
            report = _Report(ReportDocument(title="", source_file=str(self.path)))
            if head in guessed:
                name = _unmarked(blocks[head].plain)
                report.warnings.append(
                    Warning(
                        f"heading {name!r} taken as a country though the country list lacks it",
                        _at(blocks[head]),
                    )
                )
            self.reports.append(report)
        skipped = [i for i in range(heads[0]) if self.roles[i] == PARAGRAPH]
        if skipped:
            self.reports[0].warnings.append(
                Warning(
                    f"{len(skipped)} paragraph(s) before the first country's heading were left out",
                    _at(blocks[skipped[0]]),
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

    def _role(self, index: int, block: _Block) -> str:
        if index in self.note_of:
            return NOTE
        bare = _unmarked(block.plain)
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
        last: _Note | None = None
        for index, block in enumerate(self.blocks):
            role = self.roles[index]
            if role == NOTE:
                last = self.note_of[index][-1]
            elif role in (PARAGRAPH, KEY) and last is not None:
                last.continued.append(block.text)
                self.roles[index] = CONTINUATION
                report = self.reports[self._segment_of(last.block)]
                report.warnings.append(
                    Warning(f"a paragraph after footnote {last.number} was joined to it", _at(block))
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
            document.title = _final(_no_emphasis(blocks[head].text))
            document.country_name = _country_in(blocks[head].plain)
            if self.roles[head] == COUNTRY and not document.country_name:
                document.country_name = _unmarked(blocks[head].plain)  # a heading at the countries' level
            if not document.country_name:
                report.warnings.append(
                    Warning("no title naming the country; choose the country when saving", _at(blocks[head]))
                )
        else:
            document.title = _final(self.title_tag)
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
                text = _final(_no_emphasis(block.text))
                current = Section(heading=text, kinds=kinds_for_heading(_unmarked(text)))
                document.sections.append(current)
                report.heading_lines[id(current)] = block.line
            elif role == KEY:
                key_developments.append(_final(block.text))
                current = None
            elif role == PARAGRAPH:
                lost_heading = block.lost_heading or block.gap >= lost
                if current is None or (lost_heading and (current.paragraphs or current.inferred)):
                    current = Section(heading="", kinds=[SectionKind.OTHER], inferred=True)
                    document.sections.append(current)
                current.paragraphs.append(Paragraph(_final(block.text)))
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
                for cited in MARKER.findall(text):
                    owner.setdefault(int(cited), number)
        cited_numbers = sorted(owner)
        for note in self.notes:
            where = owner.get(note.number)
            if where is None:
                position = bisect_left(cited_numbers, note.number)
                where = owner[cited_numbers[position - 1]] if position else self._segment_of(note.block)
            report = self.reports[where]
            text = " ".join([note.text, *note.continued]).strip()
            report.document.footnotes.append(Footnote(number=note.number, text=_final(text)))
            report.footnote_lines.setdefault(note.number, note.line)
        for report in self.reports:
            report.document.footnotes.sort(key=lambda f: f.number)


LEVELS = ["h1", "h2", "h3", "h4", "h5", "h6", "bold", "plain", ""]


def _heading_level(block: _Block) -> str | None:
    """How a block stands out as a heading: its tag, bold, or a short line on its own."""
    if block.tag in HEADING_TAGS:
        return block.tag
    if block.bold and len(block.plain) <= 100:
        return "bold"
    if (
        block.tag in ("p", "div", "td", "center", "body", "th", "caption")
        and len(block.plain) <= 80
        and not re.search(r"[.;,]$", _unmarked(block.plain))
    ):
        return "plain"
    return None


def _is_heading(block: _Block) -> bool:
    """A section heading in a paragraph of its own: all bold, or a short title-case line, naming
    a known section."""
    bare = _unmarked(block.plain)
    if not looks_like_heading(bare):
        return False
    if block.bold:
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'/-]*", bare)]
    return bool(words) and len(words) <= 8 and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)


def _is_menu(block: _Block) -> bool:
    """The site menu, page navigation, decoration and the copyright line."""
    text = _unmarked(block.plain)
    if not text:
        return False
    lowered = re.sub(r"\s+", " ", text.casefold())
    if DECORATION.fullmatch(lowered) or COPYRIGHT.match(lowered):
        return True
    rest = MENU_ALWAYS_RE.sub(" ", lowered)
    if rest != lowered:
        rest = MENU_OTHERS_RE.sub(" ", rest)
        if DECORATION.fullmatch(rest):
            return True
    if block.linked and len(text.split()) <= 8 and not re.search(r"[.;:]$", text):
        return True  # a link to another page, on its own: site navigation
    if "|" in text and all(len(part.split()) <= 5 for part in text.split("|")):
        return True
    return False


def _title_tag(source: str) -> str:
    found = re.search(r"<title[^>]*>(.*?)</title\s*>", source, re.I | re.S)
    if not found:
        return ""
    text = html.unescape(nh3.clean(found.group(1), tags=set()))
    return _collapse(re.sub(r"\s+", " ", _spaces(text)))


@cache
def _country_names():
    return country_index()


def _country_in(text: str, parts: bool = True) -> str:
    """The country a heading or title names, as written; "" if it names none. With `parts`, a
    part of it may name the country ("Country Reports > Benin", "Landmine Monitor - Chad")."""
    bare = _unmarked(text).strip(" ,.:;*")
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


def _countries(blocks: list[_Block]) -> list[tuple[int, str]]:
    """Blocks that stand as a heading and name a country: (index, the name as written). Table
    cells and list items are not headings (a table of donors names countries too), nor is a
    run of country names one after another."""
    found = []
    for index, block in enumerate(blocks):
        if block.tag in NOT_HEADINGS or _heading_level(block) is None:
            continue
        if looks_like_heading(_unmarked(block.plain)):
            continue
        name = _country_in(block.plain)
        if name:
            found.append((index, name))
    names = {i: fold_name(name) for i, name in found}
    listed = {
        i for i in names if names.get(i - 1, names[i]) != names[i] or names.get(i + 1, names[i]) != names[i]
    }
    return [(i, name) for i, name in found if i not in listed]


def _lost_gap(paragraphs: list[_Block]) -> int:
    """How many empty paragraphs mark a lost heading: more than the page usually leaves between
    paragraphs (an empty heading or bold line marks one by itself)."""
    gaps = [b.gap for b in paragraphs[1:]]
    usual = max(set(gaps), key=lambda g: (gaps.count(g), -g)) if gaps else 0
    return usual + 1


# Notes


def _notes(blocks: list[_Block]) -> tuple[list[_Note], dict[int, list[_Note]]]:
    """The file's notes: the longest run of blocks numbered one after another (a gap of a note or
    two allowed), favouring numbers the text cites and blocks in a notes container (<div
    class="footnotes">, Word's <div id="ftn1">); every other block is text."""
    entries: list[_Note] = []
    for index, block in enumerate(blocks):
        if block.tag in HEADING_TAGS:
            continue
        entries += _note_entries(index, block)
    cited = _cited_anywhere(blocks, {e.block for e in entries})
    # Longest weighted chain: each entry follows one a few numbers below it, in the same group.
    best: list[float] = []
    before: list[int | None] = []
    by_number: dict[tuple[str, int], list[int]] = {}
    for position, entry in enumerate(entries):
        group = STYLE_GROUP[entry.style]
        weight = (
            1.0 + (entry.number in cited) + any(NOTES_CONTEXT.search(w) for w in blocks[entry.block].context)
        )
        score, previous = weight, None
        for step in range(1, LARGEST_GAP + 1):
            for candidate in by_number.get((group, entry.number - step), []):
                value = weight + best[candidate] - 0.25 * (step - 1)
                if value > score or (value == score and previous is not None and candidate > previous):
                    score, previous = value, candidate
        best.append(score)
        before.append(previous)
        by_number.setdefault((group, entry.number), []).append(position)
    if not entries:
        return [], {}
    end = max(range(len(entries)), key=lambda i: (best[i], i))
    chain = []
    position: int | None = end
    while position is not None:
        chain.append(entries[position])
        position = before[position]
    chain.reverse()
    if len(chain) == 1 and (chain[0].style not in ("tag", "bracket") or chain[0].number not in cited):
        return [], {}
    note_of: dict[int, list[_Note]] = {}
    for note in chain:
        note_of.setdefault(note.block, []).append(note)
    return chain, note_of


def _note_entries(index: int, block: _Block) -> list[_Note]:
    text = block.text
    for style, pattern in NOTE_STARTS:
        found = pattern.match(text)
        if not found:
            continue
        number, rest = int(found.group(1)), found.group(2).strip()
        if style in ("paren", "bare") and block.item is not None:
            break
        if not rest and style not in ("tag", "bracket"):
            continue
        if style in ("tag", "bracket"):
            return _split_notes(index, block, style, number, rest)
        return [_Note(number, rest, style, index, block.line)]
    if block.item is not None:
        return [_Note(block.item, text, "ol", index, block.line)]
    return []


def _split_notes(index: int, block: _Block, style: str, number: int, rest: str) -> list[_Note]:
    """One block holding several notes ("[1] text [2] text"), split where the next number stands."""
    notes = [_Note(number, "", style, index, block.line)]
    taken = 0
    for found in re.finditer(f"{PLACEHOLDER.pattern}|{BRACKET.pattern}", rest):
        value = int(found.group(1) or found.group(2))
        if value == notes[-1].number + 1:
            notes[-1].text = rest[taken : found.start()]
            notes.append(_Note(value, "", style, index, block.line))
            taken = found.end()
    notes[-1].text = rest[taken:]
    for note in notes:
        note.text = re.sub(r"^[\s.:)\]]+", "", note.text).strip()
    return notes


def _cited_anywhere(blocks: list[_Block], note_blocks: set[int]) -> set[int]:
    """Numbers written as markers of any kind in the text (not at the start of a note)."""
    cited: set[int] = set()
    for index, block in enumerate(blocks):
        text = block.text
        if index in note_blocks:
            text = re.sub(rf"^\**({PLACEHOLDER.pattern}|\[\s*\d+\s*\]|\(\d+\)|\d+)", "", text)
        for pattern in (PLACEHOLDER, BRACKET, PAREN, GLUED):
            cited.update(int(n) for n in pattern.findall(text))
    return cited


def _convert_weak_markers(texts: list[_Block], numbers: set[int]) -> None:
    """Markers as the book pages wrote them once tags were gone: "(974)" and "…1999.52 The".

    Such a number is a marker only when it is one of the file's notes that no link or
    superscript cites already, and when it keeps the numbers rising through the text: of all
    rising runs the heaviest is taken, a number glued to the text ("here.(975)") weighing more
    than one after a space ("in (1998)"), so that years in brackets and numbered lists stay prose."""
    strong: set[int] = set()
    for block in texts:
        strong.update(int(n) for n in PLACEHOLDER.findall(block.text))
        strong.update(int(n) for n in BRACKET.findall(block.text))
    open_numbers = numbers - strong
    found: list[tuple[int, int, int, int, float]] = []  # (block, start, end, number, weight)
    for position, block in enumerate(texts):
        for pattern in (PAREN, GLUED):
            for match in pattern.finditer(block.text):
                number = int(match.group(1))
                if number not in open_numbers or (pattern is GLUED and _thousands(block.text, match)):
                    continue
                found.append((position, match.start(), match.end(), number, _weight(block.text, match)))
    found.sort()
    replacements: dict[int, list[tuple[int, int, int]]] = {}
    for choice in _rising([(f[3], f[4]) for f in found]):
        position, start, end, number, _ = found[choice]
        replacements.setdefault(position, []).append((start, end, number))
    for position, spans in replacements.items():
        block = texts[position]
        for start, end, number in sorted(spans, reverse=True):
            block.text = f"{block.text[:start]}{M0}{number}{M1}{block.text[end:]}"
    for block in texts:
        block.text = BRACKET.sub(lambda m: f"{M0}{m.group(1)}{M1}", block.text)


def _weight(text: str, match: re.Match) -> float:
    if match.start() > 0 and not text[match.start() - 1].isspace():
        return 1.0  # glued to the word or the full stop before it
    return 0.5 if 1900 <= int(match.group(1)) <= 2030 else 0.8


def _thousands(text: str, match: re.Match) -> bool:
    """Digits after a comma that follows a digit are a number's thousands ("2,000")."""
    start = match.start()
    return start >= 2 and text[start - 1] == "," and text[start - 2].isdigit() and len(match.group(1)) == 3


def _rising(items: list[tuple[int, float]]) -> list[int]:
    """Indexes of the strictly rising run of (value, weight) items with the greatest total weight
    (the later item on ties), by a Fenwick tree of the best run ending below each value."""
    if not items:
        return []
    size = max(value for value, _ in items) + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    scores: list[float] = []
    parents: list[int] = []
    for index, (value, weight) in enumerate(items):
        best, position = (0.0, -1), value  # the best run of values below `value`
        while position > 0:
            best = max(best, tree[position])
            position -= position & -position
        scores.append(best[0] + weight)
        parents.append(best[1])
        position = value + 1
        while position <= size:
            tree[position] = max(tree[position], (scores[index], index))
            position += position & -position
    chosen = []
    current = max(range(len(items)), key=lambda i: (scores[i], i))
    while current >= 0:
        chosen.append(current)
        current = parents[current]
    return sorted(chosen)


# Text and warnings


def _final(text: str) -> str:
    """Placeholders as "[^n]", no tag-like text, plain spaces."""
    text = PLACEHOLDER.sub(lambda m: f"[^{m.group(1)}]", text)
    text = TAG_LIKE.sub("", PRIVATE.sub("", text))
    return _collapse(re.sub(r"\s+", " ", text))


def _no_emphasis(text: str) -> str:
    return re.sub(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}", "", text).strip()


def _unmarked(text: str) -> str:
    text = PLACEHOLDER.sub("", MARKER.sub("", BRACKET.sub("", text)))
    return re.sub(r"\s+", " ", text).strip()


def _at(block: _Block) -> str:
    if block.line:
        return f"line {block.line}"
    excerpt = _unmarked(block.plain)
    return f"text {excerpt[:40]!r}"


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


register(HtmlImporter())
