"""Report text on the page: `backref_letter` labels a note's back links. (The text itself is
rendered by `reports.inline.render_html`, which the page models call.)"""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def backref_letter(index: int) -> str:
    """a, b, … z, aa, ab, …: the labels of a note's back links when it is cited more than once."""
    letters = ""
    index = int(index) + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
