"""Sources have an identity: a citation finds the Source already made for it, and two records of
one source can be merged, with everything that pointed at the duplicate moved to the one kept."""

from __future__ import annotations

import datetime
import importlib
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry, Revision
from wagtail.search.backends import get_search_backend

from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.database.facts.models import Fact, FactReference, Indicator
from landmine_monitor.database.facts.services import Reference, record_fact
from landmine_monitor.database.sources.citations import Citation, fingerprint, parse_footnote
from landmine_monitor.database.sources.models import MergedFingerprint, Source, SourceKind
from landmine_monitor.database.sources.services import (
    find_or_create_source,
    find_or_create_sources,
    merge_sources,
)
from landmine_monitor.database.treaties.models import Treaty, TreatyAction
from landmine_monitor.database.unga.models import Resolution, Vote

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[4] / "shared" / "seed" / "000_309f5905dcc51e13.txt"
D = datetime.date


@pytest.fixture(scope="module")
def seed_notes() -> dict[int, str]:
    if not SEED.is_file():
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"the seed report is not at {SEED}")
    notes = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\[(\d+)\s*\]\s*(.*)$", line)
        if match:
            notes[int(match.group(1))] = match.group(2)
    return notes


def make(**fields) -> Source:
    source = Source(**fields)
    source.full_clean()
    source.save()
    return source


# --------------------------------------------------------------------------------------------
# find_or_create_source


def test_the_database_cited_in_7_and_9_is_one_source(seed_notes):
    [seventh] = parse_footnote(seed_notes[7])
    ninth, _ = parse_footnote(seed_notes[9])
    first, _ = find_or_create_source(seventh)  # the bundled sample report may have made it already
    again, created_again = find_or_create_source(ninth)
    assert not created_again
    assert again.pk == first.pk
    assert first.kind == SourceKind.DATABASE and first.title == "CFSME Mine Database 96"
    assert first.fingerprint == fingerprint(seventh) == fingerprint(ninth)
    assert Source.objects.filter(fingerprint=first.fingerprint).count() == 1


def test_a_new_source_keeps_the_date_as_written_but_not_the_locator():
    text = "Example Mine Action Centre, “Example Survey of 2031,” July 2031, p. 9."
    [citation] = parse_footnote(text)
    source, created = find_or_create_source(citation)
    assert created
    assert source.kind == SourceKind.REPORT and source.title == "Example Survey of 2031"
    assert source.organisation == "Example Mine Action Centre"
    assert source.date is None and source.date_text == "July 2031"
    assert "p. 9" not in source.citation  # the page belongs to the footnote's citation
    assert source.note == f"As first cited: {text.rstrip('.')}"
    assert ModelLogEntry.objects.filter(object_id=str(source.pk), action="wagtail.create").exists()
    assert find_or_create_source(parse_footnote(text.replace("p. 9", "p. 12"))[0]) == (source, False)


def test_the_seed_makes_one_source_per_thing_cited(seed_notes):
    made = {}
    for number, text in seed_notes.items():
        for citation in parse_footnote(text):
            source, _ = find_or_create_source(citation)
            made.setdefault(source.pk, set()).add(number)
    assert any({7, 9} <= numbers for numbers in made.values())
    assert any({14, 15} <= numbers for numbers in made.values())
    assert any({6, 9} <= numbers for numbers in made.values())


def test_overlong_fields_are_cut_to_fit_and_a_bad_url_goes_to_the_note():
    citation = Citation(
        kind="report",
        organisation="Organisation " * 40,
        title="A title",
        url="http://exa mple.org/not a url",
        raw="Organisation …",
    )
    source, created = find_or_create_source(citation)
    assert created and len(source.organisation) <= 300 and source.url == ""
    assert "http://exa mple.org/not a url" in source.note


def test_citations_of_one_source_share_it_and_every_new_source_is_logged_and_searchable():
    texts = [
        "Landmine Monitor interview with Dr. Ana Quill, Director, Example Demining Office, Kigali, "
        "4 March 2031.",
        "Example Mine Action Centre, “Example Survey of 2032,” July 2032, p. 9.",
        "Example Mine Action Centre, “Example Survey of 2032,” July 2032, p. 14.",
    ]
    (interview, first), (survey, second), (again, third) = find_or_create_sources(
        [parse_footnote(text)[0] for text in texts]
    )
    assert (first, second, third) == (True, True, False)
    assert again.pk == survey.pk and interview.pk != survey.pk
    assert survey.note == f"As first cited: {texts[1].rstrip('.')}"  # the first citation made it
    for source in (interview, survey):
        assert Source.objects.filter(pk=source.pk, fingerprint=source.fingerprint).exists()
        [entry] = ModelLogEntry.objects.filter(object_id=str(source.pk), action="wagtail.create")
        assert entry.data == {"fingerprint": source.fingerprint} and entry.label == source.citation
    found = get_search_backend().search("Example Survey of 2032", Source)
    assert survey.pk in [s.pk for s in found]


def test_a_new_sources_log_entry_is_the_one_wagtails_log_writes():
    """The entries for new sources are written in one statement: each reads back as the entry
    `wagtail.log_actions.log` writes for the same action, user and log context."""
    from django.contrib.auth import get_user_model
    from wagtail.log_actions import LogContext, log

    editor = get_user_model().objects.create_user("entry-editor", password="x")
    with LogContext(user=editor):
        [(source, created)] = find_or_create_sources(letters(1, "Logged"))
        other = Source.objects.create(kind="letter", title="Written by hand")
        log(other, "wagtail.create", data={"fingerprint": ""})
    assert created
    [bulk] = ModelLogEntry.objects.filter(object_id=str(source.pk), action="wagtail.create")
    [single] = ModelLogEntry.objects.filter(object_id=str(other.pk), action="wagtail.create")
    for name in ("content_type", "user", "uuid", "revision", "content_changed", "deleted"):
        assert getattr(bulk, name) == getattr(single, name), name
    assert bulk.user == editor and bulk.uuid is not None
    assert bulk.timestamp.tzinfo is not None
    assert abs(bulk.timestamp - single.timestamp) < datetime.timedelta(minutes=1)
    assert bulk.label == source.citation and bulk.data == {"fingerprint": source.fingerprint}


def letters(count: int, tag: str) -> list[Citation]:
    """`count` letters from different officials: as many different sources."""
    texts = (
        f"Letter to Landmine Monitor from {tag} Official {n}, Ministry of Testing, {n} May 2031."
        for n in range(1, count + 1)
    )
    return [parse_footnote(text)[0] for text in texts]


def test_finding_or_making_a_reports_sources_costs_the_same_queries_for_2_or_40():
    find_or_create_sources(letters(2, "Warm"))  # content types and the like, cached from here on
    with CaptureQueriesContext(connection) as few:
        made = find_or_create_sources(letters(2, "Few"))
    with CaptureQueriesContext(connection) as many:
        made += find_or_create_sources(letters(40, "Many"))
    assert all(created for _, created in made)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_source_merged_twice_is_still_found_by_the_first_ones_citation():
    first, second, third = (
        Citation(kind="book", organisation="Example Press", title=title, date_text="2031", raw=title)
        for title in ("Clearance Handbook", "The Clearance Handbook, revised", "Handbook of Clearance")
    )
    a, _ = find_or_create_source(first)
    b, _ = find_or_create_source(second)
    c, _ = find_or_create_source(third)
    merge_sources(b, a)
    merge_sources(c, b)
    assert find_or_create_source(first) == (c, False)
    assert find_or_create_source(second) == (c, False)
    merged = set(c.merged_fingerprints.values_list("fingerprint", flat=True))
    assert merged == {fingerprint(first), fingerprint(second)}
    assert not MergedFingerprint.objects.filter(source_id__in=[a.pk, b.pk]).exists()


def test_merged_fingerprints_kept_in_notes_before_the_table_existed_move_into_it():
    title = "Old Field Guide"
    citation = Citation(kind="book", organisation="Example Press", title=title, raw=title)
    key = fingerprint(citation)
    kept = make(
        kind=SourceKind.BOOK,
        title="Field Guide",
        note=f"As first cited: Field Guide\nMerged with source #77: Old Field Guide [fingerprint: {key}]\n"
        "Its note: As first cited: Old Field Guide",
    )
    migration = importlib.import_module(
        "landmine_monitor.database.sources.migrations.0003_merged_fingerprint"
    )
    migration.fingerprints_from_notes(apps, None)
    assert list(kept.merged_fingerprints.values_list("fingerprint", flat=True)) == [key]
    assert find_or_create_source(citation) == (kept, False)


# --------------------------------------------------------------------------------------------
# merge_sources


@pytest.fixture
def pair():
    keep = make(kind=SourceKind.INTERVIEW, person="Pom Nyung", date=D(1999, 2, 21), fingerprint="keep")
    duplicate = make(
        kind=SourceKind.INTERVIEW,
        person="Pom Nyung",
        organisation="Korean Buddhist Sharing Movement",
        place="Tokyo",
        date=D(1999, 2, 21),
        note="Checked by the editor.",
        fingerprint="duplicate",
    )
    return keep, duplicate


def test_merging_moves_every_reference_to_the_kept_source_and_deletes_the_duplicate(pair):
    keep, duplicate = pair
    country = resolve_country("PRK")
    treaty = Treaty.objects.get(slug="mbt")
    action = TreatyAction.objects.create(
        country=country, treaty=treaty, kind="signature", date=D(2030, 1, 2), source=duplicate
    )
    resolution = Resolution.objects.create(
        symbol="99/99 Z",
        session=99,
        title="A test resolution",
        dataset_date=D(2030, 12, 1),
        votes_source=duplicate,
    )
    vote = Vote.objects.create(resolution=resolution, country=country, vote="abstain", source=duplicate)
    fact = record_fact(
        Fact(
            country=country,
            indicator=Indicator.objects.get(slug="stockpile-size"),
            quantity=Decimal(100),
        ),
        [Reference(duplicate, locator="interview notes", footnote_number=14)],
    )
    reference = FactReference.objects.get(fact=fact)
    original_record = treaty.record_source_id
    treaty.record_source = duplicate  # a relation without a reverse name (related_name="+")
    treaty.save(update_fields=["record_source"])

    kept = merge_sources(keep, duplicate)

    assert kept.pk == keep.pk
    assert not Source.objects.filter(pk=duplicate.pk).exists()
    action.refresh_from_db()
    vote.refresh_from_db()
    reference.refresh_from_db()
    resolution.refresh_from_db()
    treaty.refresh_from_db()
    assert action.source_id == keep.pk
    assert vote.source_id == keep.pk
    assert reference.source_id == keep.pk
    assert resolution.votes_source_id == keep.pk
    assert treaty.record_source_id == keep.pk
    # the fact's stored revision follows too, so reverting to it cannot bring the duplicate back
    revision = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(Fact), object_id=str(fact.pk)
    ).latest("created_at")
    assert [r["source"] for r in revision.content["references"]] == [keep.pk]
    treaty.record_source_id = original_record
    treaty.save(update_fields=["record_source"])


def test_footnote_citations_and_report_revisions_follow_a_merge():
    """A model added after the merge service (reports' FootnoteCitation) is covered too."""
    FootnoteCitation = apps.get_model("reports", "FootnoteCitation")
    cited = FootnoteCitation.objects.select_related("footnote", "source").first()
    if cited is None:
        pytest.skip("no report with footnotes is loaded")
    old = cited.source
    keep = make(kind=old.kind, title="Kept for the test")
    merge_sources(keep, old)
    cited.refresh_from_db()
    assert cited.source_id == keep.pk
    assert not FootnoteCitation.objects.filter(source_id=old.pk).exists()
    page_id = cited.footnote.report_id
    for revision in Revision.objects.filter(object_id=str(page_id)):
        assert old.pk not in sources_in(revision.content)


def sources_in(content) -> set:
    if isinstance(content, dict):
        found = {content["source"]} if "source" in content else set()
        return found.union(*(sources_in(v) for v in content.values()))
    if isinstance(content, list):
        return set().union(*(sources_in(v) for v in content))
    return set()


def test_merging_fills_empty_fields_notes_the_merge_and_logs_it(pair):
    keep, duplicate = pair
    duplicate_id = duplicate.pk
    kept = merge_sources(keep, duplicate)
    assert kept.organisation == "Korean Buddhist Sharing Movement"
    assert kept.place == "Tokyo"
    assert kept.person == "Pom Nyung" and kept.fingerprint == "keep"
    assert f"Merged with source #{duplicate_id}: " in kept.note
    assert "Checked by the editor." in kept.note
    entry = ModelLogEntry.objects.filter(object_id=str(keep.pk), action="wagtail.edit").latest("timestamp")
    assert entry.data["merged_source"]["id"] == duplicate_id
    assert ModelLogEntry.objects.filter(object_id=str(duplicate_id), action="wagtail.delete").exists()


def test_after_a_merge_the_duplicates_citation_finds_the_kept_source(seed_notes):
    [with_org] = parse_footnote(seed_notes[14])
    other = Citation(**{**vars(with_org), "place": "", "person": "Ven. Pom Nyung"})
    keep, _ = find_or_create_source(with_org)
    duplicate, created = find_or_create_source(other)
    assert created and duplicate.pk != keep.pk
    merge_sources(keep, duplicate)
    found, created = find_or_create_source(other)
    assert not created and found.pk == keep.pk


def test_the_bundled_datas_key_moves_to_the_kept_source():
    keep = make(kind=SourceKind.WEBSITE, title="Kept")
    duplicate = make(kind=SourceKind.WEBSITE, title="Keyed")
    Source.objects.filter(pk=duplicate.pk).update(key="test-keyed-source")
    duplicate.refresh_from_db()
    merge_sources(keep, duplicate)
    keep.refresh_from_db()
    assert keep.key == "test-keyed-source" and keep.title == "Kept"


def test_a_source_cannot_be_merged_with_itself(pair):
    keep, _ = pair
    with pytest.raises(ValidationError, match="itself"):
        merge_sources(keep, Source.objects.get(pk=keep.pk))
    assert Source.objects.filter(pk=keep.pk).exists()


def test_an_unsaved_source_cannot_be_merged(pair):
    keep, _ = pair
    with pytest.raises(ValidationError):
        merge_sources(keep, Source(kind=SourceKind.BOOK, title="Not saved"))


def test_the_fingerprint_is_not_editable_in_forms():
    assert not Source._meta.get_field("fingerprint").editable
