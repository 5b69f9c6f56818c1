"""A report's inline text: the one place that reads, writes, flattens and shows it.

Every piece of a report's text (title, key developments, summary table cells, headings,
paragraphs, notes) is CommonMark inline Markdown, `*emphasis*` and `**strong**`, with a footnote
marker `[^n]` exactly where the published marker stood ("…1 March 1999.[^5]").

- The marker: `MARKER` is its pattern (the citation reader's, which reads notes below the
  reports and must know it too), `marker(n)` is how one is written; `footnote_numbers(text)`,
  `without_markers(text)`.
- Parsing: one parser, CommonMark with a rule that reads `[^n]` as a marker wherever it stands.
  `inline_runs(text)` reads text into `Run`s (text with its emphasis, or a marker);
  `inline_markdown(runs)` writes runs in the one canonical form every importer stores;
  `normalise_inline(text)` does both.
- Plain text: `plain_text(text)`, the words as a reader reads them, for search passages, titles
  in citations and previews, and exports.
- HTML: `render_html(text, markers)`, safe HTML with each marker linked to its note; `Markers`
  numbers a page's markers.

"Ibid." has its one definition in the citation reader too (`citations.is_ibid`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline

from landmine_monitor.database.sources.citations import MARKER

# ---------------------------------------------------------------------------------------------
# The footnote marker


def marker(number: int | str) -> str:
    """Footnote `number`'s marker as the text writes it (digits given as a string are kept as
    written)."""
    return f"[^{number}]"


def footnote_numbers(text: str) -> list[int]:
    """The footnote numbers a text cites, in the order they stand."""
    return [int(n) for n in MARKER.findall(text)]


def without_markers(text: str) -> str:
    return MARKER.sub("", text)


# ---------------------------------------------------------------------------------------------
# The parser


def _marker_rule(state: StateInline, silent: bool) -> bool:
    # `[^n]` is a footnote marker wherever it stands, defined or not (a marker with no note is a
    # warning for the editor, not text).
    if state.src[state.pos] != "[":
        return False
    match = MARKER.match(state.src, state.pos, state.posMax)
    if not match:
        return False
    if not silent:
        token = state.push("lm_marker", "", 0)
        token.meta = {"number": int(match.group(1))}
    state.pos = match.end()
    return True


def _render_marker(self, tokens, idx, options, env) -> str:
    if env.get("plain"):
        return ""
    return _marker_html(tokens[idx].meta["number"], env.get("markers"))


def _render_raw_html(self, tokens, idx, options, env) -> str:
    # Raw HTML in a report is shown as the text it is; the importers drop it with a warning.
    return escapeHtml(tokens[idx].content)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.inline.ruler.before("link", "lm_marker", _marker_rule)
    md.add_render_rule("lm_marker", _render_marker)
    md.add_render_rule("html_inline", _render_raw_html)
    return md


_PARSER = _parser()

# ---------------------------------------------------------------------------------------------
# Runs: reading inline text, and writing it in the canonical form


@dataclass(frozen=True)
class Run:
    """A piece of inline text with its emphasis, or a footnote marker (`footnote` set, no text)."""

    text: str = ""
    italic: bool = False
    bold: bool = False
    footnote: int | None = None


_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not \s: a no-break space is text
_ESCAPABLE = re.compile(r"([\\*_`\[<&])")
_DELIMITER = {"i": "*", "b": "**"}


def inline_runs(text: str, dropped: list[str] | None = None) -> list[Run]:
    """The runs of an inline Markdown text, normalised (see `normalise_runs`). Raw HTML is
    left out and, when `dropped` is given, appended to it; a link keeps its text, and its address
    in parentheses when the text does not show it."""
    tokens = _PARSER.parseInline(text) if text else []
    children = (tokens[0].children or []) if tokens else []
    runs: list[Run] = []
    italic = bold = 0
    links: list[tuple[str, int]] = []
    for token in children:
        kind = token.type
        if kind in ("text", "text_special", "code_inline", "image"):
            runs.append(Run(token.content, italic > 0, bold > 0))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" ", italic > 0, bold > 0))
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind == "lm_marker":
            runs.append(Run(footnote=token.meta["number"]))
        elif kind == "link_open":
            links.append((str(token.attrs.get("href", "")), len(runs)))
        elif kind == "link_close" and links:
            href, start = links.pop()
            shown = "".join(run.text for run in runs[start:])
            if href and href not in shown and href.removeprefix("mailto:") not in shown:
                runs.append(Run(f" ({href})", italic > 0, bold > 0))
        elif kind == "html_inline" and dropped is not None:
            dropped.append(token.content)
    return normalise_runs(runs)


def normalise_runs(runs: Iterable[Run]) -> list[Run]:
    """One form for the same text: whitespace collapsed and trimmed, a space at the edge of an
    emphasis moved out of it unless the neighbour shares the emphasis, equal neighbours merged."""
    items: list[Run] = []
    at_space = True  # leading spaces, and a space after a space, go
    for run in runs:
        if run.footnote is not None:
            items.append(Run(footnote=run.footnote))
            at_space = False
            continue
        text = _SPACES.sub(" ", run.text)
        if at_space:
            text = text.lstrip(" ")
        if text:
            items.append(Run(text, run.italic, run.bold))
            at_space = text.endswith(" ")
    while items and items[-1].footnote is None:
        text = items[-1].text.rstrip(" ")
        if text:
            items[-1] = replace(items[-1], text=text)
            break
        items.pop()

    while True:  # shaping one edge can change a neighbour's: repeat until nothing moves
        shaped = _merge(_shape_spaces(items))
        if shaped == items:
            return shaped
        items = shaped


def _shape_spaces(items: list[Run]) -> list[Run]:
    texts = [i for i, run in enumerate(items) if run.footnote is None]
    shaped: dict[int, list[Run]] = {}
    for position, index in enumerate(texts):
        run = items[index]
        before = items[texts[position - 1]] if position > 0 else Run()
        after = items[texts[position + 1]] if position + 1 < len(texts) else Run()
        core = run.text.strip(" ")
        if not core:  # a space between runs keeps only the emphasis both sides share
            pieces = [(run.text, before.italic and after.italic, before.bold and after.bold)]
        else:
            lead = run.text[: len(run.text) - len(run.text.lstrip(" "))]
            trail = run.text[len(run.text.rstrip(" ")) :]
            pieces = [
                (lead, before.italic, before.bold),
                (core, True, True),
                (trail, after.italic, after.bold),
            ]
        shaped[index] = [
            Run(text, run.italic and italic, run.bold and bold) for text, italic, bold in pieces if text
        ]
    result: list[Run] = []
    for index, run in enumerate(items):
        result.extend(shaped.get(index, [run]))
    return result


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and run.footnote is None
            and last.footnote is None
            and (last.italic, last.bold) == (run.italic, run.bold)
        ):
            merged[-1] = replace(last, text=last.text + run.text)
        else:
            merged.append(run)
    return merged


def _flags(run: Run) -> set[str]:
    return {flag for flag, on in (("b", run.bold), ("i", run.italic)) if on}


def _written(runs: list[Run], escape: bool) -> str:
    # A marker between two emphasised runs stays inside the emphasis.
    wants: list[set[str]] = []
    for index, run in enumerate(runs):
        if run.footnote is None:
            wants.append(_flags(run))
            continue
        before = next((_flags(r) for r in reversed(runs[:index]) if r.footnote is None), set())
        after = next((_flags(r) for r in runs[index + 1 :] if r.footnote is None), set())
        wants.append(before & after)
    wants.append(set())

    def extent(start: int, flag: str) -> int:
        end = start
        while flag in wants[end]:
            end += 1
        return end - start

    out: list[str] = []
    stack: list[str] = []
    for index in range(len(runs) + 1):
        want = wants[index]
        depth = next((k for k, flag in enumerate(stack) if flag not in want), None)
        if depth is not None:
            while len(stack) > depth:
                out.append(_DELIMITER[stack.pop()])
        if index == len(runs):
            break
        for flag in sorted(want - set(stack), key=lambda f: (-extent(index, f), f)):
            stack.append(flag)
            out.append(_DELIMITER[flag])
        run = runs[index]
        if run.footnote is not None:
            out.append(marker(run.footnote))
        else:
            out.append(_ESCAPABLE.sub(r"\\\1", run.text) if escape else run.text)
    text = "".join(out)
    # "!" before a marker would make it an image: "![^5](…)".
    return re.sub(r"(?<!\\)!(?=\[)", r"\\!", text) if escape else text


def inline_markdown(runs: Iterable[Run]) -> str:
    """Runs written as inline Markdown, in the canonical form: backslash escapes only where the
    text would otherwise be read as markup (checked by reading it back). An emphasis Markdown
    cannot mark ("word*(x)*1": the closing `*` is not seen) is left out rather than written as
    stray asterisks."""
    runs = normalise_runs(runs)
    text = _expressed(runs)
    if text is not None:
        return text
    emphasised = [i for i, run in enumerate(runs) if run.italic or run.bold]
    for index in emphasised:
        text = _expressed(normalise_runs(_plain_at(runs, [index])))
        if text is not None:
            return text
    for count in range(2, len(emphasised) + 1):
        text = _expressed(normalise_runs(_plain_at(runs, emphasised[:count])))
        if text is not None:
            return text
    return _written(normalise_runs(_plain_at(runs, emphasised)), True)


def _expressed(runs: list[Run]) -> str | None:
    for escape in (False, True):
        text = _written(runs, escape)
        if inline_runs(text) == runs:
            return text
    return None


def _plain_at(runs: list[Run], indexes: list[int]) -> list[Run]:
    return [replace(run, italic=False, bold=False) if i in indexes else run for i, run in enumerate(runs)]


def normalise_inline(text: str, dropped: list[str] | None = None) -> str:
    """An inline Markdown text in the canonical form every importer stores."""
    return inline_markdown(inline_runs(text, dropped))


def heading_runs(runs: Iterable[Run]) -> list[Run]:
    """A title's or heading's runs without an emphasis that covers all of it: that is the
    heading's look (a bold heading in Word), not an emphasis of its own."""
    runs = normalise_runs(runs)
    words = [run for run in runs if run.footnote is None and run.text.strip()]
    if words and all(run.italic for run in words):
        runs = [replace(run, italic=False) for run in runs]
    if words and all(run.bold for run in words):
        runs = [replace(run, bold=False) for run in runs]
    return normalise_runs(runs)


# ---------------------------------------------------------------------------------------------
# Plain text

# The characters inline Markdown (CommonMark) or HTML entities give a meaning to, and those its
# parser normalises (line breaks, NUL).
_MARKUP = re.compile(r"[\\`*_~&<>\[\]!\n\r\x00]")


def plain_text(text: str) -> str:
    """The text as a reader reads it, without markup or footnote markers. Text that holds no
    markup once its markers are gone (most notes) reads as written, without running the parser:
    importing and indexing a book's worth of notes stays fast."""
    bare = without_markers(text or "")
    return parsed_plain_text(text) if _MARKUP.search(bare) else bare.strip()


def parsed_plain_text(text: str) -> str:
    """`plain_text`, always read by the parser: what the reader sees of the rendered HTML."""
    rendered = _PARSER.renderInline(text or "", {"plain": True})
    return html.unescape(strip_tags(rendered)).strip()


# ---------------------------------------------------------------------------------------------
# HTML

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


def render_html(text: str, markers: Markers | None = None) -> SafeString:
    """`*emphasis*`, `**strong**` and `[^n]` markers as HTML; each marker links to note n and,
    given the page's `markers`, gets an id of its own."""
    rendered = _PARSER.renderInline(text or "", {"markers": markers})
    return mark_safe(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel=None))
