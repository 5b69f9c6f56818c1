"""Reports end to end: import from files, revisions and drafts, the API, export and back."""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_published

from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.database.sources.models import Source
from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.importers import read_reports
from landmine_monitor.reports.models import CountryReportPage, FootnoteCitation
from landmine_monitor.reports.services import document_of, ensure_edition, save_report

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_309f5905dcc51e13.txt"


@pytest.fixture
def seed() -> Path:
    if not SEED.exists():
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"the seed report is not at {SEED}")
    return SEED


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def report(client, edition, code, status=200):
    response = client.get(f"/api/v1/reports/{edition}/{code}")
    assert response.status_code == status, response.content
    return response.json()


def test_the_bundled_sample_is_published_and_marked_as_sample(client):
    listed = client.get("/api/v1/reports?edition=1999").json()
    prk = next(r for r in listed["results"] if r["country"]["iso3"] == "PRK")
    assert prk["is_sample"] is True
    body = report(client, 1999, "PRK")
    assert [f["number"] for f in body["footnotes"]] == list(range(1, 16))
    kinds = [s["kinds"] for s in body["sections"]]
    assert kinds == [
        ["mine-ban-policy"],
        ["production"],
        ["transfer"],
        ["stockpiling"],
        ["use"],
        ["landmine-problem"],
        ["mine-action"],
    ]
    assert [s["inferred"] for s in body["sections"]] == [False, True, True, True, True, False, False]
    page = client.get("/reports/1999/north-korea/")
    assert page.status_code == 200
    assert b"Sample content" in page.content


def test_footnotes_are_linked_to_shared_sources(client):
    notes = {f["number"]: f for f in report(client, 1999, "PRK")["footnotes"]}
    assert notes[3]["ibid_of"] == 2 and notes[4]["ibid_of"] == 2
    ids = {n: [s["id"] for s in f["sources"]] for n, f in notes.items()}
    assert ids[9] == ids[7] + ids[6]
    assert ids[14][0] in ids[15]
    book = notes[8]["sources"][0]
    assert book["kind"] == "book" and book["locator"] == "p. 470"
    cited = client.get(f"/api/v1/sources/{ids[7][0]}").json()
    assert sorted(f["number"] for f in cited["footnotes"]) == [7, 9]


def test_importing_the_seed_makes_a_draft_that_is_not_public_until_published(client, seed):
    out = run("import", str(seed), "--edition", "2000", "--country", "North Korea")
    assert "draft" in out
    report(client, 2000, "PRK", status=404)
    assert client.get("/api/v1/reports?edition=2000").json()["count"] == 0
    run("import", str(seed), "--edition", "2000", "--country", "PRK", "--publish")
    body = report(client, 2000, "PRK")
    assert [s["heading"] for s in body["sections"]][0] == "Mine Ban Policy"
    assert body["sections"][0]["paragraphs"][1]["footnotes"] == [1]
    assert body["sections"][0]["paragraphs"][2]["footnotes"] == [2, 3, 4]
    page = CountryReportPage.objects.get(edition__year=2000, country__iso3="PRK")
    assert page.revisions.count() == 2  # nothing lost: the draft is kept in the history


def test_a_dry_run_shows_the_change_and_writes_nothing(seed):
    page = CountryReportPage.objects.get(edition__year=1999, country__iso3="PRK")
    revisions = page.revisions.count()
    out = run("import", str(seed), "--edition", "1999", "--country", "PRK", "--dry-run")
    assert "paragraphs" in out or "footnotes" in out
    assert "dry run" in out
    assert page.revisions.count() == revisions


def test_a_folder_with_a_bad_file_loads_the_rest_and_names_the_failure(tmp_path, seed):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(seed, folder / "a-north-korea.txt")
    (folder / "b-broken.docx").write_bytes(b"PK\x03\x04 this is not a real Word file")
    with pytest.raises(CommandError, match="1 of 2 files failed"):
        run("import", str(folder), "--edition", "2001", "--country", "PRK")
    assert CountryReportPage.objects.filter(edition__year=2001, country__iso3="PRK").exists()


def test_fail_fast_stops_at_the_first_failure(tmp_path, seed):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a-broken.docx").write_bytes(b"PK\x03\x04 not a Word file")
    shutil.copy(seed, folder / "b-north-korea.txt")
    with pytest.raises(CommandError):
        run("import", str(folder), "--edition", "2002", "--country", "PRK", "--fail-fast")
    assert not CountryReportPage.objects.filter(edition__year=2002).exists()


def test_a_file_that_does_not_name_its_country_needs_country(seed):
    with pytest.raises(CommandError, match="--country"):
        run("import", str(seed), "--edition", "2003")


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_export_then_import_gives_back_the_same_report(tmp_path, fmt):
    target = tmp_path / f"north-korea.{fmt}"
    run("export", "1999", "North", "Korea", "--format", fmt, "--output", str(target))
    [again] = read_reports(target)
    page = CountryReportPage.objects.get(edition__year=1999, country__iso3="PRK")
    original = document_of(page)
    assert again.title == original.title
    assert [(s.heading, s.kinds, s.inferred, [p.text for p in s.paragraphs]) for s in again.sections] == [
        (s.heading, s.kinds, s.inferred, [p.text for p in s.paragraphs]) for s in original.sections
    ]
    assert [(f.number, f.text, f.ibid_of) for f in again.footnotes] == [
        (f.number, f.text, f.ibid_of) for f in original.footnotes
    ]


@pytest.fixture
def published_signals():
    """Every `page_published` signal sent during the test: (sender, page id, revision id, live)."""
    sent = []

    def receiver(sender, instance, revision, **kwargs):
        sent.append((sender, instance.pk, revision.pk, instance.live))

    page_published.connect(receiver, weak=False, dispatch_uid="test-published-signals")
    yield sent
    page_published.disconnect(dispatch_uid="test-published-signals")


def test_a_new_report_published_at_import_has_one_revision_logged_announced_and_searchable(
    seed, published_signals
):
    run("import", str(seed), "--edition", "2004", "--country", "PRK", "--publish")
    page = CountryReportPage.objects.get(edition__year=2004, country__iso3="PRK")
    [revision] = page.revisions.all()
    assert page.live and not page.has_unpublished_changes and not page.expired
    assert page.live_revision_id == page.latest_revision_id == revision.pk
    assert page.first_published_at == page.last_published_at is not None
    assert published_signals == [(CountryReportPage, page.pk, revision.pk, True)]
    actions = PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", "revision_id")
    assert list(actions) == [
        ("wagtail.create", None),
        ("wagtail.edit", revision.pk),
        ("wagtail.publish", revision.pk),
    ]
    # The footnotes and citations were written once, and the revision holds exactly those rows.
    notes = list(page.footnotes.order_by("sort_order").values_list("pk", "number", "text"))
    assert [(f["pk"], f["number"], f["text"]) for f in revision.content["footnotes"]] == notes
    cited = list(
        FootnoteCitation.objects.filter(footnote__report=page).order_by("pk").values_list("pk", "source_id")
    )
    assert [(c["pk"], c["source"]) for f in revision.content["footnotes"] for c in f["citations"]] == cited
    # The report's text is in the search index once the command is done.
    assert page.pk in [p.pk for p in CountryReportPage.objects.live().search("CFSME")]


def test_a_draft_is_not_announced_and_publishing_it_by_re_import_makes_a_second_revision(
    seed, published_signals
):
    run("import", str(seed), "--edition", "2005", "--country", "PRK")
    page = CountryReportPage.objects.get(edition__year=2005, country__iso3="PRK")
    assert not page.live and page.has_unpublished_changes and page.live_revision is None
    assert published_signals == []
    run("import", str(seed), "--edition", "2005", "--country", "PRK", "--publish")
    page.refresh_from_db()
    assert page.revisions.count() == 2 and page.live
    assert published_signals == [(CountryReportPage, page.pk, page.live_revision_id, True)]


def test_imported_reports_and_their_new_sources_reach_the_search_index_batch_by_batch(tmp_path, seed):
    folder = tmp_path / "reports"
    folder.mkdir()
    text = seed.read_text(encoding="utf-8")
    (folder / "a-north-korea.txt").write_text(text.replace("CFSME", "Okavango"), encoding="utf-8")
    (folder / "b-north-korea.txt").write_text(text.replace("CFSME", "Kalahari"), encoding="utf-8")
    run("import", str(folder), "--edition", "2006", "--country", "PRK", "--publish", "--index-every", "1")
    page = CountryReportPage.objects.get(edition__year=2006, country__iso3="PRK")
    assert page.revisions.count() == 2  # the second file is a new revision of the same report
    assert [p.pk for p in CountryReportPage.objects.live().search("Kalahari")] == [page.pk]
    for word in ("Okavango", "Kalahari"):
        [source] = get_search_backend().search(f"{word} Mine Database", Source)
        assert source.title == f"{word} Mine Database 96"


def report_with_letters(country: str, letters: int) -> ReportDocument:
    """A report written for the test, its footnotes letters from as many different officials."""
    markers = "".join(f"[^{n}]" for n in range(1, letters + 1))
    return ReportDocument(
        title=f"{country}: a test report",
        country_name=country,
        sections=[
            Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [Paragraph(f"It wrote.{markers}")])
        ],
        footnotes=[
            Footnote(
                n,
                f"Letter to Landmine Monitor from {country} Official {n}, Ministry of Testing, {n} May 2031.",
            )
            for n in range(1, letters + 1)
        ],
    )


def test_saving_a_new_report_costs_the_same_queries_for_2_or_40_footnotes():
    edition = ensure_edition(2031)

    def save(country: str, letters: int):
        return save_report(
            report_with_letters(country, letters),
            country=resolve_country(country),
            edition=edition,
            publish=True,
        )

    save("Chile", 2)  # the edition's page, cached content types and the like
    with CaptureQueriesContext(connection) as few:
        save("Peru", 2)
    with CaptureQueriesContext(connection) as many:
        result = save("Bolivia", 40)
    assert result.created and result.sources_created == 40
    assert result.page.footnotes.count() == 40
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_new_version_keeps_the_block_ids_editors_comments_are_anchored_to():
    from landmine_monitor.reports.importers.markdown import parse_markdown

    country, edition = resolve_country("Mongolia"), ensure_edition(1999)
    first = parse_markdown("# Mongolia\n\n## Mine Ban Policy\n\nFirst paragraph.\n\nSecond paragraph.\n")[0]
    page = save_report(first, country=country, edition=edition).page

    def ids(report: CountryReportPage) -> list[tuple[str, list[str]]]:
        raw = report.get_latest_revision_as_object().sections.raw_data
        return [(s["id"], [p["id"] for p in s["value"]["paragraphs"]]) for s in raw]

    before = ids(page)
    revised = parse_markdown(
        "# Mongolia\n\n## Mine Ban Policy\n\nFirst paragraph, revised.\n\nSecond paragraph.\n\n"
        "A third one.\n\n## Landmine Problem\n\nA new section.\n"
    )[0]
    save_report(revised, country=country, edition=edition)
    page.refresh_from_db()
    after = ids(page)
    section_id, paragraph_ids = before[0]
    assert after[0][0] == section_id and after[0][1][:2] == paragraph_ids  # the same places
    new_ids = [after[0][1][2], after[1][0], *after[1][1]]
    assert len(set(new_ids)) == 3 and not set(new_ids) & {section_id, *paragraph_ids}
    text = page.get_latest_revision_as_object().sections[0].value["paragraphs"]
    assert list(text) == ["First paragraph, revised.", "Second paragraph.", "A third one."]
