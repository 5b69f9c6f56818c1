"""An HTML page read into blocks: what every page layout reads its reports from.

The page is sanitized with nh3 first, so that scripts, styles, frames, forms and event handlers
never reach the text; a small tree builder turns what is left into blocks (paragraphs, headings,
list items, table cells) of inline Markdown, each note link or superscript number kept as a
placeholder that says which it was; the site menu and decoration are dropped. `final_text`
writes a block's text as the authoring format stores it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import nh3

from ...document import Warning
from ...inline import marker, without_markers
from .. import ImportFailed, decode_text

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
# A note link's starts with M0, a superscript number's with S0 (the layouts tell them apart).
M0, M1, S0 = "\ue000", "\ue001", "\ue002"
PLACEHOLDER = re.compile(f"[{M0}{S0}](\\d+){M1}")
LINK = re.compile(f"{M0}(\\d+){M1}")
SUPERSCRIPT = re.compile(f"{S0}(\\d+){M1}")
PRIVATE = re.compile(f"[{M0}{M1}{S0}]")

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
# Markers written as text, once the tags are lost: "[5]", "(974)", and digits glued right after the
# end of a sentence or clause, followed by a new sentence, a marker or the end ("1999.52 The").
BRACKET = re.compile(r"\[\s*(\d{1,4})\s*\]")
PAREN = re.compile(r"\((\d{1,4})\)")
GLUED = re.compile(
    rf"(?<=[.,;:\"”’)])(\d{{1,4}})(?=\s+[*\"“‘(\[]*[A-Z]|\s*[{M0}{S0}]|\s*$)"
)  # fmt: skip

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


@dataclass(eq=False)
class Page:
    """A page's blocks without the site menu, the warnings about the file, and its <title>. A
    page is read once: reading it makes markers in its blocks' text."""

    path: Path
    blocks: list[Block]
    warnings: list[Warning]
    title_tag: str
    memo: dict = field(default_factory=dict)  # what the layouts work out once for the page


def read_page(path: Path) -> Page:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFailed(f"{path}: cannot be read: {error.strerror or error}") from None
    warnings: list[Warning] = []
    source = _decode(path, raw, warnings)
    blocks = [b for b in _blocks(source) if not _is_menu(b)]
    if not any(b.plain for b in blocks):
        raise ImportFailed(f"{path}: no report text in the page (only markup, site menu or scripts)")
    return Page(path, blocks, warnings, _title_tag(source))


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
    superscript: bool = False  # a bare superscript number, not a link to a note


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | _Marker | str] = field(default_factory=list)


@dataclass
class Block:
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


def _blocks(source: str) -> list[Block]:
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
        self.blocks: list[Block] = []
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
        has_text = bool(_text_of(self.root).strip())
        if has_text or self.images:
            tag = next((e["tag"] for e in reversed(self.stack) if e["tag"] not in ("ul", "ol", "dl")), "body")
            context = frozenset(
                word.casefold()
                for e in self.stack
                for name in ("class", "id")
                for word in e["attrs"].get(name, "").split()
            )
            self.blocks.append(
                Block(
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

    def finish(self) -> list[Block]:
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
    text = _text_of(node)
    found = MARKER_TEXT.fullmatch(text)
    # Where the node stands among its siblings, by identity: an equal sibling before it ("12
    # km<sup>2</sup> … <sup>2</sup>") is another node.
    position = next(i for i, child in enumerate(parent.children) if child is node)
    made = None
    if node.tag == "a":
        href = node.attrs.get("href", "")
        if href.startswith("#") and BACK_LINK.fullmatch(text):
            del parent.children[position]  # "↩": from a note back to its marker
            return
        fragment = href.partition("#")[2]
        to_note = href.startswith("#") or bool(fragment and NOTE_FRAGMENT.search(fragment))
        named = not href and (node.attrs.get("name") or node.attrs.get("id"))
        if found and (to_note or named):
            made = _Marker(int(found.group(1)), text.strip())
    elif node.tag == "sup":
        before = parent.children[:position]
        if before and isinstance(before[-1], str) and UNIT.search(before[-1]):
            return  # "km<sup>2</sup>": a square, not a marker
        inner = [c for c in node.children if isinstance(c, _Marker)]
        rest = "".join(c for c in node.children if isinstance(c, str)).strip()
        if len(inner) == 1 and not rest and len(node.children) <= 3:
            made = inner[0]
        elif found:
            made = _Marker(int(found.group(1)), text.strip(), superscript=True)
    if made is not None:
        parent.children[position] = made


def _text_of(node: _Node) -> str:
    return "".join(
        c if isinstance(c, str) else c.raw if isinstance(c, _Marker) else _text_of(c) for c in node.children
    )


def _spaces(text: str) -> str:
    return ODD_SPACES.sub(" ", CONTROL.sub("", NO_WIDTH.sub("", text)))


def _join_broken_lines(blocks: list[Block]) -> list[Block]:
    """A <br> in the middle of a sentence is a line break, not a new paragraph."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            block.after_break
            and previous is not None
            and previous.tag == block.tag
            and not block.images
            and re.match(r"\s*[a-z]", _text_of(block.root))
            and not re.search(r"[.!?:;\"”’)]\s*$", _text_of(previous.root))
        ):
            previous.root.children += [" ", *block.root.children]
            continue
        joined.append(block)
    return joined


def _render(block: Block) -> None:
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
            parts.append(f"{S0 if child.superscript else M0}{child.number}{M1}")
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


def _number_lines(source: str, blocks: list[Block]) -> None:
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
    return re.sub(r"\s+", " ", _spaces(_text_of(node))).strip()


# The site menu and the page's title


def _is_menu(block: Block) -> bool:
    """The site menu, page navigation, decoration and the copyright line."""
    text = unmarked(block.plain)
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


# Text as the reports store it


def final_text(text: str) -> str:
    """Placeholders as "[^n]", no tag-like text, plain spaces."""
    text = PLACEHOLDER.sub(lambda m: marker(m.group(1)), text)
    text = TAG_LIKE.sub("", PRIVATE.sub("", text))
    return _collapse(re.sub(r"\s+", " ", text))


def no_emphasis(text: str) -> str:
    return re.sub(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}", "", text).strip()


def unmarked(text: str) -> str:
    text = PLACEHOLDER.sub("", without_markers(BRACKET.sub("", text)))
    return re.sub(r"\s+", " ", text).strip()


def place_of(block: Block) -> str:
    """Where a block stands, for a warning: its line, or its first words."""
    if block.line:
        return f"line {block.line}"
    excerpt = unmarked(block.plain)
    return f"text {excerpt[:40]!r}"
