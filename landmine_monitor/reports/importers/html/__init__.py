"""HTML: pages of the Landmine Monitor web archive (1999–2005) and the 1999 and 2000 book pages.

A page is read into blocks first (`page`: sanitized with nh3, so that scripts, styles, frames,
forms and event handlers never reach the text; the site menu and decoration dropped). Then the
layout it matches best reads it (`layout.layout_for`), one class per layout behind one
interface:

- `archive.ArchivePage`: one country; markers are note links "[1]", or "[1]" once tags are lost.
- `book1999.Book1999Page`: a region; markers "(n)" numbered continuously across the file.
- `book2000.Book2000Page`: a region; markers are superscripts, or digits glued to a sentence.

How a page matches is how many of its notes are written the layout's way (`notes`); the steps
after the notes are shared (`reading`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...document import ReportDocument
from .. import ImportFailed, register
from . import archive, book1999, book2000  # noqa: F401  (each registers its layout)
from .layout import LAYOUTS, PageLayout, layout_for
from .page import Page, read_page

__all__ = ["LAYOUTS", "HtmlImporter", "Page", "PageLayout", "layout_for", "read_page"]


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
        page = read_page(path)
        documents = layout_for(page).read(page)
        if not any(d.paragraphs for d in documents):
            raise ImportFailed(f"{path}: no paragraphs of report text")
        return documents


register(HtmlImporter())
