"""The notes of a page, and the markers its text writes without tags.

A layout says how its notes start (`NOTE_STARTS`: a note link, a superscript number, "[n]",
"(n)", a bare number, or an item of an <ol>) and which markers cite them. The notes are then the
longest run of blocks numbered one after another in those styles (a gap of a note or two
allowed), favouring numbers the layout's markers cite and blocks in a notes container (<div
class="footnotes">, Word's <div id="ftn1">); every other block is text. The weight of that run is
how well the page matches the layout.

Markers written as text, once the tags were lost, become markers only where they are one of the
file's notes and keep the numbers rising through the text (`rising_markers`), so that "(1997)",
"(1)" list items, "in 1999." and "2,000 mines." stay prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .page import BRACKET, GLUED, HEADING_TAGS, M0, M1, PLACEHOLDER, S0, Block, Page

# How a note starts, by style: (style, pattern of the number and the note's text).
NOTE_STARTS = [
    ("link", re.compile(rf"^\**{M0}(\d+){M1}\**[\s.:)\]]*(.*)$")),
    ("superscript", re.compile(rf"^\**{S0}(\d+){M1}\**[\s.:)\]]*(.*)$")),
    ("bracket", re.compile(r"^\[\s*(\d{1,4})\s*\]\.?\s*(.*)$")),
    ("paren", re.compile(r"^\((\d{1,4})\)\.?\s*(\S.*)$")),
    ("bare", re.compile(r"^(\d{1,4})(?:\.\s*|\s+)([^\s\da-z].*)$")),
]
SPLIT_STYLES = ("link", "superscript", "bracket")  # styles in which one block may hold several notes
LARGEST_GAP = 3  # a note or two lost from a list still leaves one list
NOTES_CONTEXT = re.compile(r"foot|endnote|^notes?$|^_?ftn|^_?edn", re.I)
# A note's own number at the start of its block, which cites nothing.
OWN_NUMBER = re.compile(rf"^\**({PLACEHOLDER.pattern}|\[\s*\d+\s*\]|\(\d+\)|\d+)")


@dataclass
class Note:
    number: int
    text: str
    style: str
    block: int
    line: int | None
    continued: list[str] = field(default_factory=list)


@dataclass
class Notes:
    """A page's notes as a layout reads them, and how much they weigh (0 for none)."""

    chain: list[Note] = field(default_factory=list)
    of_block: dict[int, list[Note]] = field(default_factory=dict)
    weight: float = 0.0


def find_notes(page: Page, styles: frozenset[str], markers: tuple[re.Pattern, ...]) -> Notes:
    """The page's notes written in `styles`, each weighing more when one of `markers` cites it."""
    blocks = page.blocks
    entries = [e for e in _entries(page) if e.style in styles]
    cited = cited_numbers(page, markers)
    # Longest weighted chain: each entry follows one a few numbers below it.
    best: list[float] = []
    before: list[int | None] = []
    by_number: dict[int, list[int]] = {}
    for position, entry in enumerate(entries):
        weight = (
            1.0 + (entry.number in cited) + any(NOTES_CONTEXT.search(w) for w in blocks[entry.block].context)
        )
        score, previous = weight, None
        for step in range(1, LARGEST_GAP + 1):
            for candidate in by_number.get(entry.number - step, []):
                value = weight + best[candidate] - 0.25 * (step - 1)
                if value > score or (value == score and previous is not None and candidate > previous):
                    score, previous = value, candidate
        best.append(score)
        before.append(previous)
        by_number.setdefault(entry.number, []).append(position)
    if not entries:
        return Notes()
    end = max(range(len(entries)), key=lambda i: (best[i], i))
    chain = []
    position: int | None = end
    while position is not None:
        chain.append(entries[position])
        position = before[position]
    chain.reverse()
    if len(chain) == 1 and (chain[0].style not in SPLIT_STYLES or chain[0].number not in cited):
        return Notes()
    of_block: dict[int, list[Note]] = {}
    for note in chain:
        of_block.setdefault(note.block, []).append(note)
    return Notes(chain, of_block, best[end])


def _entries(page: Page) -> list[Note]:
    """Every block that starts like a note, in the first style it matches; worked out once."""
    if "note entries" not in page.memo:
        entries: list[Note] = []
        for index, block in enumerate(page.blocks):
            if block.tag not in HEADING_TAGS:
                entries += _note_entries(index, block)
        page.memo["note entries"] = entries
    # Each read gets notes of its own: a reading adds the paragraphs that continue them.
    return [Note(e.number, e.text, e.style, e.block, e.line) for e in page.memo["note entries"]]


def _note_entries(index: int, block: Block) -> list[Note]:
    text = block.text
    for style, pattern in NOTE_STARTS:
        found = pattern.match(text)
        if not found:
            continue
        number, rest = int(found.group(1)), found.group(2).strip()
        if style in ("paren", "bare") and block.item is not None:
            break
        if not rest and style not in SPLIT_STYLES:
            continue
        if style in SPLIT_STYLES:
            return _split_notes(index, block, style, number, rest)
        return [Note(number, rest, style, index, block.line)]
    if block.item is not None:
        return [Note(block.item, text, "ol", index, block.line)]
    return []


def _split_notes(index: int, block: Block, style: str, number: int, rest: str) -> list[Note]:
    """One block holding several notes ("[1] text [2] text"), split where the next number stands."""
    notes = [Note(number, "", style, index, block.line)]
    taken = 0
    for found in re.finditer(f"{PLACEHOLDER.pattern}|{BRACKET.pattern}", rest):
        value = int(found.group(1) or found.group(2))
        if value == notes[-1].number + 1:
            notes[-1].text = rest[taken : found.start()]
            notes.append(Note(value, "", style, index, block.line))
            taken = found.end()
    notes[-1].text = rest[taken:]
    for note in notes:
        note.text = re.sub(r"^[\s.:)\]]+", "", note.text).strip()
    return notes


def cited_numbers(page: Page, markers: tuple[re.Pattern, ...]) -> set[int]:
    """Numbers the text writes as one of `markers` (not a note's own number at its start)."""
    note_blocks = {e.block for e in _entries(page)}
    cited: set[int] = set()
    for index, block in enumerate(page.blocks):
        text = OWN_NUMBER.sub("", block.text) if index in note_blocks else block.text
        for pattern in markers:
            cited.update(int(n) for n in pattern.findall(text))
    return cited


def rising_markers(texts: list[Block], numbers: set[int], pattern: re.Pattern) -> None:
    """Make markers of the numbers written as `pattern` (`PAREN`, `GLUED`) where the tags are gone.

    Such a number is a marker only when it is one of the file's notes that no link or
    superscript cites already, and when it keeps the numbers rising through the text: of all
    rising runs the heaviest is taken, a number glued to the text ("here.(975)") weighing more
    than one after a space ("in (1998)"), so that years in brackets and numbered lists stay prose."""
    strong: set[int] = set()
    for block in texts:
        strong.update(int(n) for n in PLACEHOLDER.findall(block.text))
    open_numbers = numbers - strong
    found: list[tuple[int, int, int, int, float]] = []  # (block, start, end, number, weight)
    for position, block in enumerate(texts):
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


def bracket_markers(texts: list[Block]) -> None:
    """Make markers of the numbers written "[n]" where the note links are gone."""
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
