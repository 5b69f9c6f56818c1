"""Footnote text: inline Markdown reduced to text (emphasis kept as sentinels), and text cut at
the separators that stand outside quotes, parentheses and emphasis."""

from __future__ import annotations

import re

EMPH_OPEN, EMPH_CLOSE = "\x01", "\x02"

# A footnote marker, "[^12]" (the number is its group). The reports write it and read it too.
MARKER = re.compile(r"\[\^(\d+)\]")
# A link becomes its text and its URL ("text, url"), an autolink its URL.
_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def _link_text(m: re.Match) -> str:
    label, url = m.group(1).strip(), m.group(2).strip()
    return (
        url
        if label in (url, url.removeprefix("http://"), url.removeprefix("https://"))
        else f"{label}, {url}"
    )


# Strong text is plain text; emphasis is kept, as sentinels around it (an emphasised title).
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_ESCAPED = re.compile(r"\\([*_\[\]()\\])")
SPACES = re.compile(r"\s+")


def plain(text: str) -> str:
    """Inline Markdown to text; *emphasis* kept as sentinels, links to "text, url"."""
    text = text.replace("\u00a0", " ")
    # Each rule runs only on text holding the character it starts with.
    if "[" in text:
        text = MARKER.sub("", text)
        text = _MD_LINK.sub(_link_text, text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\1", text)
        text = _EMPHASIS.sub(rf"{EMPH_OPEN}\1{EMPH_CLOSE}", text)
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    return SPACES.sub(" ", text).strip()


def unplain(text: str) -> str:
    return text.replace(EMPH_OPEN, "*").replace(EMPH_CLOSE, "*")


def unemph(text: str) -> str:
    return text.replace(EMPH_OPEN, "").replace(EMPH_CLOSE, "")


# The characters that open or close a nesting: quotes, parentheses, emphasis.
_NESTING = re.compile(f'[()“”"{EMPH_OPEN}{EMPH_CLOSE}]')


def top_level(text: str, positions: list[int]) -> list[bool]:
    """For each of `positions` (ascending), whether the character there stands outside quotes,
    parentheses and emphasis (as they are once that character is read): a "(" opens a level and
    a ")" closes one (a ")" with none open is ignored), “ and ” likewise, a straight quote opens
    or closes, and the emphasis sentinels switch emphasis on and off. Only the nesting
    characters are visited, not every character of the text."""
    paren = curly = 0
    straight = emph = False
    marks = _NESTING.finditer(text)
    mark = next(marks, None)
    found = []
    for position in positions:
        while mark is not None and mark.start() <= position:
            ch = mark.group()
            if ch == "(":
                paren += 1
            elif ch == ")":
                paren = max(0, paren - 1)
            elif ch == "“":
                curly += 1
            elif ch == "”":
                curly = max(0, curly - 1)
            elif ch == '"':
                straight = not straight
            elif ch == EMPH_OPEN:
                emph = True
            else:
                emph = False
            mark = next(marks, None)
        found.append(not (paren or curly or straight or emph))
    return found


def split_top(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` that stands outside quotes, parentheses and emphasis."""
    if separator not in text:
        return [text]
    at = [i for i, ch in enumerate(text) if ch == separator]
    pieces, start = [], 0
    for i, top in zip(at, top_level(text, at), strict=True):
        if top:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


_CURLY_QUOTED = re.compile(r"“[^”]*”?")
_STRAIGHT_QUOTED = re.compile(r'"[^"]*"')


def mask_quotes(text: str) -> str:
    text = _CURLY_QUOTED.sub("“”", text)
    return _STRAIGHT_QUOTED.sub('""', text)


MEDIUM = re.compile(r"^(?:CD-?ROM|DVD|online|on-?line|mimeo|unpublished|draft|in [A-Z]\w+)$", re.I)
_LEADING_AND = re.compile(r"^\s*(?:and|&)\s+")
_INITIAL_END = re.compile(r"(?:\b[A-Z]|\b(?:Inc|Ltd|Co|Jr|Sr))\.$")
_WORD = re.compile(r"\w")


def components_of(text: str) -> list[str]:
    """The comma-separated pieces of `text`, tidied; media notes ("CD-ROM", "in Portuguese") left out."""
    out = []
    for piece in split_top(text, ","):
        piece = _LEADING_AND.sub("", piece.strip())
        piece = piece.strip(" ,;:")
        if piece.endswith(".") and not _INITIAL_END.search(piece):
            piece = piece[:-1].strip()
        if piece and _WORD.search(piece) and not MEDIUM.match(piece):
            out.append(piece)
    return out


def remove_component(text: str, component: str) -> str:
    index = text.rfind(component)
    return (text[:index] + text[index + len(component) :]) if index >= 0 else text
