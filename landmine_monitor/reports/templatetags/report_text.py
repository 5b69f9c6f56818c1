"""Report text on the page: inline Markdown with footnote markers, rendered safely.

`render_inline(text, markers)` renders one piece of a report (a paragraph, a table cell, a note).
A report page renders all its text through one `Markers`, so that each marker gets an id of its
own (`fnref-6`, then `fnref-6-2` where note 6 is cited a second time) and each note knows where it
is cited from, for its back links. The `report_inline` filter renders text with markers that link
to their notes but carry no id, for text shown outside a report's own page.
"""

from __future__ import annotations

import html
import re

import nh3
from django import template
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

register = template.Library()

# CommonMark without raw HTML: anything that looks like a tag in a report is shown as text.
_inline = MarkdownIt("commonmark", {"html": False})
MARKER = re.compile(r"\[\^(\d+)\]")
ALLOWED_TAGS = {"em", "strong", "sup", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "id", "aria-label", "aria-describedby"}, "sup": {"class"}}


class Markers:
    """The footnote markers of one page, numbered in the order the page shows them.

    The first marker of note n has the id `fnref-n` (so links made before a note was cited twice
    keep working), the k-th `fnref-n-k`. `notes` are the numbers of the notes the page lists: a
    marker of a listed note is described by that note's text (`fn-n-text`), which screen readers
    read out when the marker is focused.
    """

    def __init__(self, notes: set[int] | frozenset[int] = frozenset()):
        self.notes = notes
        self._ids: dict[int, list[str]] = {}

    def add(self, number: int) -> str:
        ids = self._ids.setdefault(number, [])
        ids.append(f"fnref-{number}" if not ids else f"fnref-{number}-{len(ids) + 1}")
        return ids[-1]

    def of(self, number: int) -> list[str]:
        """The ids of note `number`'s markers, in the order they appear."""
        return list(self._ids.get(number, []))


def _marker_html(number: int, markers: Markers | None) -> str:
    attributes = [f'href="#fn-{number}"']
    if markers is not None:
        attributes.append(f'id="{markers.add(number)}"')
        if number in markers.notes:
            attributes.append(f'aria-describedby="fn-{number}-text"')
    attributes.append(f'aria-label="Note {number}"')
    return f'<sup class="fn-ref"><a {" ".join(attributes)}>{number}</a></sup>'


def render_inline(text: str, markers: Markers | None = None) -> SafeString:
    """`*emphasis*`, `**strong**` and `[^n]` markers as HTML; each marker links to note n."""
    rendered = _inline.renderInline(text or "")
    rendered = MARKER.sub(lambda m: _marker_html(int(m[1]), markers), rendered)
    return mark_safe(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel=None))


def inline_text(text: str) -> str:
    """The text as a reader reads it, without markup or footnote markers (for titles, citations)."""
    without_markers = MARKER.sub("", text or "")
    return html.unescape(strip_tags(_inline.renderInline(without_markers))).strip()


@register.filter
def report_inline(text: str) -> SafeString:
    return render_inline(text)


@register.filter
def backref_letter(index: int) -> str:
    """a, b, … z, aa, ab, …: the labels of a note's back links when it is cited more than once."""
    letters = ""
    index = int(index) + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
