"""Reports end to end: import from files, revisions and drafts, the API, export and back."""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from landmine_monitor.reports.importers import read_reports
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import document_of

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
