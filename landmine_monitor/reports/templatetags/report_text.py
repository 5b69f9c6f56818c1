"""Report text on the page: inline Markdown with footnote markers, rendered safely."""

from __future__ import annotations

import re

import nh3
from django import template
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

register = template.Library()

# CommonMark without raw HTML: anything that looks like a tag in a report is shown as text.
_inline = MarkdownIt("commonmark", {"html": False})
_marker = re.compile(r"\[\^(\d+)\]")
ALLOWED = {"em", "strong", "sup", "a", "code"}


@register.filter
def report_inline(text: str) -> str:
    """`*emphasis*`, `**strong**` and `[^n]` markers as HTML; each marker links to note n."""
    html = _inline.renderInline(text or "")
    html = _marker.sub(
        lambda m: (
            f'<sup class="fn-ref"><a href="#fn-{m[1]}" id="fnref-{m[1]}" '
            f'aria-describedby="footnotes-heading">{m[1]}</a></sup>'
        ),
        html,
    )
    return mark_safe(
        nh3.clean(html, tags=ALLOWED, attributes={"a": {"href", "id", "aria-describedby"}, "sup": {"class"}})
    )
