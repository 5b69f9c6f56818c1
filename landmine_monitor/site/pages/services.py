"""The site's content pages: created once from the files in `content/`, then the editors' own.

Each file in `content/` is one page, named by its slug. Its form is a small part of Markdown:

    # Title                     the page's title (first line)
    A paragraph.                before the first `##`: the intro, in plain text
    ## Heading                  a heading (the table of contents lists them)
    ### Subheading              a heading within a section
    A paragraph.                inline Markdown: *emphasis*, **strong**, `code`, [text](/url)
    - item / 1. item            a list, bulleted or numbered; indented lines continue an item
    Term                        a term and what it means; consecutive ones make one list
    : meaning
    ```                         an example, shown as written
    ...
    ```
    [[treaty-figures]]          where states stand towards each treaty today, computed

Blocks are separated by blank lines. A file is read only when its page does not exist yet, so an
editor's changes are never overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from markdown_it import MarkdownIt
from wagtail.models import Page, Site

from .models import ContentPage, HomePage

HOME_INTRO = (
    "<p>Landmine Monitor is civil society's record of how every government stands towards the "
    "1997 Mine Ban Treaty and what it does about landmines: whether it has joined the treaty, how "
    "it voted at the United Nations, whether it produces, transfers, stockpiles or uses the "
    "weapon, how much of its land is contaminated, what is cleared, who is hurt and who is helped.</p>"
    "<p>It is not an inspection regime. Its strength is that every statement carries its source, "
    "and that the whole world is covered the same way, year after year.</p>"
)


@transaction.atomic
def ensure_site() -> HomePage:
    """The home page and the default Site pointing to it, created once."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's own migrations leave a generic "Welcome" page; it has no place in the Monitor.
    for page in root.get_children():
        if page.specific_class is Page and not page.get_children().exists():
            page.delete()
    home = root.add_child(instance=HomePage(title="Landmine Monitor", slug="home", intro=HOME_INTRO))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Landmine Monitor"},
    )
    return home


CONTENT_DIR = Path(__file__).resolve().parent / "content"

# The pages under the home page, in the menu's order: (slug, file in CONTENT_DIR).
CONTENT_PAGES = [
    ("about-us", "about-us.md"),
    ("the-issues", "the-issues.md"),
    ("research-products", "research-products.md"),
    ("researchers", "researchers.md"),
]

_inline = MarkdownIt("commonmark", {"html": False})
_item = re.compile(r"^(?:[-*]|\d+[.)])\s+")
_ordered_item = re.compile(r"^\d+[.)]\s+")


class ContentFileError(ValueError):
    """A content file that does not follow the form above; names the file and line."""


@dataclass
class PageContent:
    title: str
    intro: str
    body: list[dict]  # StreamField raw data: [{"type": ..., "value": ...}, ...]


@transaction.atomic
def ensure_content_pages(home: Page) -> list[ContentPage]:
    """Create, under `home`, each content page whose slug is not taken yet, published; return the
    pages created. A page that exists (edited, moved to draft, or of another type) is left alone."""
    created = []
    taken = set(home.get_children().values_list("slug", flat=True))
    for slug, name in CONTENT_PAGES:
        if slug in taken:
            continue
        content = read_content(CONTENT_DIR / name)
        page = ContentPage(title=content.title, slug=slug, intro=content.intro, body=content.body, live=False)
        home.add_child(instance=page)
        page.save_revision(log_action=True).publish()
        created.append(page)
    return created


def read_content(path: Path) -> PageContent:
    """A content file as a page's title, intro and body."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("# "):
        raise ContentFileError(f"{path.name}:1: the first line must be '# Title'")
    title = lines[0][2:].strip()
    intro: list[str] = []
    body: list[dict] = []
    for number, chunk in _chunks(lines[1:], path, first=2):
        if chunk[0].startswith(("## ", "### ")):
            if len(chunk) > 1:
                raise ContentFileError(f"{path.name}:{number}: a heading is one line, then a blank line")
            level, _, text = chunk[0].partition(" ")
            body.append({"type": "heading" if level == "##" else "subheading", "value": text.strip()})
        elif not body:
            intro.append(" ".join(line.strip() for line in chunk))
        elif chunk[0].startswith("```"):
            body.append({"type": "example", "value": "\n".join(chunk[1:-1])})
        elif chunk == ["[[treaty-figures]]"]:
            body.append({"type": "treaty_figures", "value": None})
        elif _item.match(chunk[0]):
            items = _items(chunk)
            ordered = bool(_ordered_item.match(chunk[0]))
            body.append({"type": "list", "value": {"ordered": ordered, "items": [_rich(i) for i in items]}})
        elif len(chunk) > 1 and chunk[1].startswith(": "):
            terms = _definitions(chunk, path, number)
            if body[-1]["type"] == "definitions":
                body[-1]["value"].extend(terms)
            else:
                body.append({"type": "definitions", "value": terms})
        else:
            body.append({"type": "paragraph", "value": _rich(" ".join(line.strip() for line in chunk))})
    return PageContent(title=title, intro="\n\n".join(intro), body=body)


def _chunks(lines: list[str], path: Path, first: int):
    """(line number, lines) of each block: runs of lines between blank lines; a fenced example
    runs to its closing fence, blank lines included."""
    chunk: list[str] = []
    start = first
    fenced = False
    for number, line in enumerate(lines, start=first):
        if fenced:
            chunk.append(line)
            if line.startswith("```"):
                fenced = False
                yield start, chunk
                chunk = []
            continue
        if not line.strip():
            if chunk:
                yield start, chunk
                chunk = []
            continue
        if not chunk:
            start = number
            if line.startswith("```"):
                fenced = True
        chunk.append(line)
    if fenced:
        raise ContentFileError(f"{path.name}:{start}: an example is not closed with ```")
    if chunk:
        yield start, chunk


def _items(chunk: list[str]) -> list[str]:
    items: list[str] = []
    for line in chunk:
        if _item.match(line):
            items.append(_item.sub("", line).strip())
        else:
            items[-1] += " " + line.strip()
    return items


def _definitions(chunk: list[str], path: Path, number: int) -> list[dict]:
    """Pairs of `Term` and `: meaning` lines; indented lines continue the meaning."""
    terms: list[dict] = []
    for offset, line in enumerate(chunk):
        if line.startswith(": "):
            if not terms or terms[-1]["meaning"]:
                raise ContentFileError(f"{path.name}:{number + offset}: a meaning without its term")
            terms[-1]["meaning"] = line[2:].strip()
        elif line.startswith((" ", "\t")) and terms and terms[-1]["meaning"]:
            terms[-1]["meaning"] += " " + line.strip()
        else:
            terms.append({"term": line.strip(), "meaning": ""})
    for term in terms:
        if not term["meaning"]:
            raise ContentFileError(f"{path.name}:{number}: the term {term['term']!r} has no meaning")
        term["meaning"] = _rich(term["meaning"])
    return terms


def _rich(text: str) -> str:
    """Inline Markdown as a paragraph of Wagtail rich text."""
    return f"<p>{_inline.renderInline(text)}</p>"
