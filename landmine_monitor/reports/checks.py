"""Checks every imported report gets: markers and notes that do not meet, numbering, Ibid."""

from __future__ import annotations

from landmine_monitor.database.sources.citations import is_ibid

from .document import ReportDocument, Warning
from .inline import footnote_numbers


def markers_outside_paragraphs(doc: ReportDocument) -> list[tuple[str, int]]:
    """Markers in the title ("Burma (Myanmar)[^1]"), key developments, summary table and
    headings, with where each stands."""
    texts = [("title", doc.title), ("key developments", doc.key_developments)]
    texts += [(f"summary table, {label}", value) for label, value in doc.summary_table]
    texts += [(f"heading {s.heading!r}", s.heading) for s in doc.sections]
    return [(where, n) for where, text in texts for n in footnote_numbers(text)]


def check_document(doc: ReportDocument) -> list[Warning]:
    """Warnings an editor should see, each naming the paragraph, footnote or part of the report."""
    warnings: list[Warning] = []
    numbers = [f.number for f in doc.footnotes]
    cited: set[int] = set()
    places = [(f"paragraph {i}", n) for i, p in enumerate(doc.paragraphs, start=1) for n in p.footnotes]
    for where, number in markers_outside_paragraphs(doc) + places:
        cited.add(number)
        if number not in numbers:
            warnings.append(Warning(f"marker [{number}] has no footnote", where))
    for fn in doc.footnotes:
        cited.update(footnote_numbers(fn.text))
    seen: set[int] = set()
    previous = None
    for fn in doc.footnotes:
        if fn.number in seen:
            warnings.append(Warning(f"footnote {fn.number} appears more than once", f"footnote {fn.number}"))
        elif previous is not None and fn.number != previous + 1:
            warnings.append(
                Warning(f"footnote {fn.number} follows footnote {previous}", f"footnote {fn.number}")
            )
        seen.add(fn.number)
        previous = fn.number
        if fn.number not in cited:
            warnings.append(Warning(f"footnote {fn.number} is never cited", f"footnote {fn.number}"))
        if is_ibid(fn.text) and fn.ibid_of is None:
            warnings.append(Warning('"Ibid." with no footnote before it', f"footnote {fn.number}"))
    order = [n for p in doc.paragraphs for n in p.footnotes]
    first_seen = list(dict.fromkeys(order))
    if first_seen != sorted(first_seen):
        warnings.append(Warning("footnote markers are not in ascending order in the text"))
    return warnings


def link_ibids(doc: ReportDocument) -> None:
    """Point each "Ibid." footnote at the footnote it repeats: the nearest one before it that is
    not itself an Ibid. (or that Ibid.'s own target)."""
    previous = None
    for fn in doc.footnotes:
        if is_ibid(fn.text):
            fn.ibid_of = previous
        else:
            previous = fn.number
        if fn.ibid_of is not None:
            previous = fn.ibid_of if is_ibid(fn.text) else previous
