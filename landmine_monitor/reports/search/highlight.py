"""The matching words of a passage, marked.

Highlighting works on the passage's plain text (what a reader reads, `Passage.body`): the words
and phrases searched for are found there as the index finds them (whole words, accents and case
ignored), and the snippet is built by escaping every piece of text and wrapping only the matches
in `<mark>`. Nothing from the report is ever output unescaped.

PostgreSQL's full-text search also matches the forms of a word ("mine", "mines", "mined"): a word
is marked when it is the word searched for or differs from it only by a short ending.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import WORD, fold_word

SNIPPET_LENGTH = 300  # characters of a long passage shown around its first match
CONTEXT_BEFORE = 80
ENDING = 3  # a word marked may differ from the one searched for by an ending this long
MIN_STEM = 4
ELLIPSIS = "…"


@dataclass(frozen=True)
class Terms:
    words: frozenset[str]  # folded
    phrases: tuple[tuple[str, ...], ...]  # folded, longest first

    @classmethod
    def of(cls, words: Iterable[str], phrases: Iterable[tuple[str, ...]]) -> Terms:
        unique = {tuple(p) for p in phrases if p}
        return cls(frozenset(fold_word(w) for w in words), tuple(sorted(unique, key=len, reverse=True)))


def _same_word(token: str, word: str) -> bool:
    if token == word:
        return True
    short, long = sorted((token, word), key=len)
    return len(short) >= MIN_STEM and long.startswith(short) and len(long) - len(short) <= ENDING


def find_marks(text: str, terms: Terms) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of every word or phrase searched for, in order."""
    tokens = [(m.start(), m.end(), fold_word(m.group())) for m in WORD.finditer(text)]
    folded = [t[2] for t in tokens]
    marks = []
    i = 0
    while i < len(tokens):
        for phrase in terms.phrases:
            if tuple(folded[i : i + len(phrase)]) == phrase:
                marks.append((tokens[i][0], tokens[i + len(phrase) - 1][1]))
                i += len(phrase)
                break
        else:
            if any(_same_word(folded[i], word) for word in terms.words):
                marks.append((tokens[i][0], tokens[i][1]))
            i += 1
    return marks


def _window(text: str, marks: list[tuple[int, int]]) -> tuple[int, int]:
    """The part of a long passage to show: from a little before its first match, cut at spaces."""
    if len(text) <= SNIPPET_LENGTH + CONTEXT_BEFORE:
        return 0, len(text)
    first = marks[0][0] if marks else 0
    start = max(0, first - CONTEXT_BEFORE)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), max(start + SNIPPET_LENGTH, marks[0][1] if marks else 0))
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


def snippet(text: str, marks: list[tuple[int, int]]) -> SafeString:
    """The passage, or the part of it around its first match, as HTML: the text escaped, the
    matches in <mark>."""
    start, end = _window(text, marks)
    pieces = [ELLIPSIS] if start > 0 else []
    position = start
    for mark_start, mark_end in marks:
        if mark_start < start or mark_end > end:
            continue
        pieces.append(escape(text[position:mark_start]))
        pieces.append(f"<mark>{escape(text[mark_start:mark_end])}</mark>")
        position = mark_end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append(ELLIPSIS)
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text above is escaped
