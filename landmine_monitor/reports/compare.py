"""Two versions of a country report compared: the one comparison of report versions, for what an
import would change (`services.diff_documents`) and for a report against the previous edition's.

The comparing is Wagtail's own (`wagtail.admin.compare`), as in the admin's revisions compare
view: each field of the report's edit form is compared by the comparison class Wagtail has for
it, a word diff for the title and key developments, block by block for the sections (and, in
each, paragraph by paragraph), footnote by footnote for the footnotes.

Wagtail knows a section, a paragraph or a footnote in both versions by its block id or primary
key. Two revisions of one report keep them; an import not yet saved, or the report of another
edition, does not. So both versions are given as `ReportDocument`s, made into unsaved pages whose
ids say which parts are the same: a section is the same when its heading is (case aside) or,
among those not matched so, when it shares a kind with the other (a renamed or unnamed section);
a paragraph of a section when its text is the same or, in the same place, mostly the same; a
footnote when its number is.
"""

from __future__ import annotations

import difflib
import uuid
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, partial

from wagtail.admin.compare import ChildRelationComparison, ListBlockComparison, StreamBlockComparison
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue

from .document import ReportDocument, Section
from .models import CountryReportPage, ReportFootnote

# The fields of a report's edit form that hold its text; the others (country, edition, import
# notes, page settings) are not what a reader compares.
CONTENT_FIELDS = ("title", "key_developments", "summary_table", "sections", "footnotes")
# How much of a paragraph must stay for an edited one to count as the same paragraph changed,
# rather than one removed and another added.
SAME_PARAGRAPH = 0.5


def section_label(heading: str, kinds) -> str:
    """A section's heading, or its kinds when the heading was lost."""
    return heading or f"({', '.join(str(kind) for kind in kinds)})"


def _key(section: Section) -> str:
    return section.heading.casefold().strip() if section.heading else section_label("", section.kinds)


def _section_pairs(old: list[Section], new: list[Section]) -> list[tuple[int | None, int | None]]:
    """Old and new sections matched: by heading, then, among the rest, by shared kinds."""
    matcher = difflib.SequenceMatcher(None, [_key(s) for s in old], [_key(s) for s in new], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        unused = list(range(j1, j2))
        for i in range(i1, i2):
            match = next((j for j in unused if set(old[i].kinds) & set(new[j].kinds)), None)
            if match is None:
                pairs.append((i, None))
            else:
                pairs.extend((None, j) for j in unused if j < match)
                unused = [j for j in unused if j > match]
                pairs.append((i, match))
        pairs.extend((None, j) for j in unused)
    return pairs


def _paragraph_pairs(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """The paragraphs of two versions of a section that are the same paragraph."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "replace":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                if difflib.SequenceMatcher(None, old[i], new[j]).ratio() >= SAME_PARAGRAPH:
                    pairs.append((i, j))
    return pairs


def _ids(count: int) -> list[str]:
    return [str(uuid.uuid4()) for _ in range(count)]


def _page(doc: ReportDocument, section_ids: list[str], paragraph_ids: list[list[str]]) -> CountryReportPage:
    """The document as an unsaved report page, its parts carrying the ids given (its footnotes
    their numbers)."""
    raw = [
        {
            "type": "section",
            "id": section_id,
            "value": {
                "heading": section.heading,
                "kinds": [kind.value for kind in section.kinds],
                "inferred": section.inferred,
                "paragraphs": [
                    {"type": "item", "value": paragraph.text, "id": paragraph_id}
                    for paragraph, paragraph_id in zip(section.paragraphs, ids, strict=True)
                ],
            },
        }
        for section, section_id, ids in zip(doc.sections, section_ids, paragraph_ids, strict=True)
    ]
    page = CountryReportPage(
        title=doc.title,
        key_developments=doc.key_developments,
        summary_table=[list(row) for row in doc.summary_table],
    )
    page.sections = StreamValue(CountryReportPage.sections.field.stream_block, raw, is_lazy=True)
    page.footnotes = [
        ReportFootnote(pk=note.number, number=note.number, text=note.text, ibid_of=note.ibid_of, sort_order=i)
        for i, note in enumerate(doc.footnotes)
    ]
    return page


def _aligned(old: ReportDocument, new: ReportDocument) -> tuple[CountryReportPage, CountryReportPage]:
    """Both versions as pages whose matching parts have the same ids."""
    old_sections, new_sections = _ids(len(old.sections)), _ids(len(new.sections))
    old_paragraphs = [_ids(len(s.paragraphs)) for s in old.sections]
    new_paragraphs = [_ids(len(s.paragraphs)) for s in new.sections]
    for i, j in _section_pairs(old.sections, new.sections):
        if i is None or j is None:
            continue
        old_sections[i] = new_sections[j]
        texts = ([p.text for p in old.sections[i].paragraphs], [p.text for p in new.sections[j].paragraphs])
        for a, b in _paragraph_pairs(*texts):
            old_paragraphs[i][a] = new_paragraphs[j][b]
    return _page(old, old_sections, old_paragraphs), _page(new, new_sections, new_paragraphs)


def _label(value) -> str:
    return section_label(value["heading"], value["kinds"])


@dataclass
class SectionChange:
    """One section in either version, and its paragraphs compared (Wagtail's `ListBlockComparison`:
    a section new in the later version has all its paragraphs added, a dropped one all removed)."""

    old_heading: str | None  # None when the section is new
    new_heading: str | None  # None when the section was dropped
    paragraphs: ListBlockComparison

    @property
    def heading(self) -> str:
        return self.new_heading if self.new_heading is not None else self.old_heading

    @cached_property
    def paragraph_changes(self) -> list:
        """Wagtail's comparison of each paragraph, in the later version's order (a removed one
        where it stood)."""
        return self.paragraphs.get_block_comparisons()

    def _count(self, test) -> int:
        return sum(1 for paragraph in self.paragraph_changes if test(paragraph))

    @property
    def added(self) -> int:
        return self._count(lambda p: p.is_new())

    @property
    def removed(self) -> int:
        return self._count(lambda p: p.is_deleted())

    @property
    def changed(self) -> int:
        return self._count(lambda p: p.exists_a and p.exists_b and p.has_changed())

    @property
    def kept(self) -> int:
        return self._count(lambda p: p.exists_a and p.exists_b and not p.has_changed())

    @property
    def status(self) -> str:
        if self.old_heading is None:
            return "new"
        if self.new_heading is None:
            return "dropped"
        return "changed" if self.added or self.removed or self.changed else "unchanged"

    def htmldiff(self) -> str:
        """The paragraphs as Wagtail's compare view shows them: added, removed, and changed
        ones with the words removed and added marked."""
        return self.paragraphs.htmldiff()


@dataclass
class ReportComparison:
    old: CountryReportPage
    new: CountryReportPage
    fields: list  # Wagtail's comparison of each of CONTENT_FIELDS, in the edit form's order

    def field(self, name: str):
        return next(c for c in self.fields if c.field.name == name)

    @cached_property
    def sections(self) -> list[SectionChange]:
        """Every section of either version, in the later version's order (a dropped one where it
        stood)."""
        stream = self.field("sections")
        changes = []
        for section in StreamBlockComparison(
            stream.field.stream_block, True, True, stream.val_a, stream.val_b
        ).get_block_comparisons():
            paragraphs = section.block.child_blocks["paragraphs"]
            nothing = ListValue(paragraphs, [])
            changes.append(
                SectionChange(
                    old_heading=_label(section.val_a) if section.exists_a else None,
                    new_heading=_label(section.val_b) if section.exists_b else None,
                    paragraphs=ListBlockComparison(
                        paragraphs,
                        True,
                        True,
                        section.val_a["paragraphs"] if section.exists_a else nothing,
                        section.val_b["paragraphs"] if section.exists_b else nothing,
                    ),
                )
            )
        return changes

    @cached_property
    def footnotes(self) -> list:
        """Wagtail's comparison of each footnote, matched by number."""
        return self.field("footnotes").get_child_comparisons()

    @property
    def changed_sections(self) -> list[SectionChange]:
        return [s for s in self.sections if s.status != "unchanged"]

    @property
    def changed_fields(self) -> list:
        """The comparisons of the fields other than the sections that differ."""
        return [c for c in self.fields if c.field.name != "sections" and c.has_changed()]

    def summary(self) -> list[str]:
        """What changed, in lines an editor reads ("no change" when nothing did)."""
        changes = []
        title = self.field("title")
        if title.has_changed():
            changes.append(f"title: {title.val_a!r} → {title.val_b!r}")
        if self.field("key_developments").has_changed():
            changes.append("key developments changed")
        if self.field("summary_table").has_changed():
            changes.append("summary table changed")
        old_heads = [s.old_heading for s in self.sections if s.old_heading is not None]
        new_heads = [s.new_heading for s in self.sections if s.new_heading is not None]
        if old_heads != new_heads:
            changes.append(f"sections: {old_heads} → {new_heads}")
        counts = {
            what: sum(getattr(s, what) for s in self.sections) for what in ("changed", "added", "removed")
        }
        if any(counts.values()):
            before = sum(s.kept + s.changed + s.removed for s in self.sections)
            after = sum(s.kept + s.changed + s.added for s in self.sections)
            done = ", ".join(f"{n} {what}" for what, n in counts.items() if n)
            changes.append(f"paragraphs: {before} → {after}, {done}")
        for what, numbers in (
            ("added", [c.obj_b.number for c in self.footnotes if c.is_addition()]),
            ("removed", [c.obj_a.number for c in self.footnotes if c.is_deletion()]),
            ("changed", [c.obj_b.number for c in self.footnotes if c.obj_a and c.obj_b and c.has_changed()]),
        ):
            if numbers:
                changes.append(f"footnotes {what}: {', '.join(map(str, sorted(numbers)))}")
        return changes or ["no change"]


class KeyedChildRelationComparison(ChildRelationComparison):
    """Wagtail's comparison of child objects (the footnotes), matching them by primary key in one
    pass. Wagtail matches by primary key first, pair by pair, and never pairs two objects whose
    keys differ; every footnote compared here has one (its number), so the result is the same
    (a number given twice is paired in order), without Wagtail's search through every pair, slow
    for a report of hundreds of notes."""

    def get_mapping(self, objs_a, objs_b):
        if any(obj.pk is None for obj in (*objs_a, *objs_b)):
            return super().get_mapping(objs_a, objs_b)
        unmatched = defaultdict(list)
        for b_idx, b_child in enumerate(objs_b):
            unmatched[b_child.pk].append(b_idx)
        map_forwards, map_backwards, deleted = {}, {}, []
        for a_idx, a_child in enumerate(objs_a):
            if unmatched[a_child.pk]:
                b_idx = unmatched[a_child.pk].pop(0)
                map_forwards[a_idx], map_backwards[b_idx] = b_idx, a_idx
            else:
                deleted.append(a_idx)
        added = [b_idx for b_idx in range(len(objs_b)) if b_idx not in map_backwards]
        return map_forwards, map_backwards, added, deleted


def compare_documents(old: ReportDocument, new: ReportDocument) -> ReportComparison:
    """`old` against `new`, field by field, as Wagtail compares two revisions of a page."""
    page_a, page_b = _aligned(old, new)
    panel = CountryReportPage.get_edit_handler().get_bound_panel(instance=page_b, request=None, form=None)
    fields = []
    for compare in panel.get_comparison():
        if getattr(compare, "func", None) is ChildRelationComparison:
            compare = partial(KeyedChildRelationComparison, *compare.args, **compare.keywords)
        fields.append(compare(page_a, page_b))
    return ReportComparison(page_a, page_b, [c for c in fields if c.field.name in CONTENT_FIELDS])
