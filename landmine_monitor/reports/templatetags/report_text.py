"""Report text on the page: the `report_inline` filter renders inline Markdown with footnote
markers (`inline.render_html`), markers linking to their notes but carrying no id, for text shown
outside a report's own page; `backref_letter` labels a note's back links."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from landmine_monitor.reports.inline import render_html

register = template.Library()


@register.filter
def report_inline(text: str) -> SafeString:
    return render_html(text)


@register.filter
def backref_letter(index: int) -> str:
    """a, b, … z, aa, ab, …: the labels of a note's back links when it is cited more than once."""
    letters = ""
    index = int(index) + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
