"""The bundled reference data: built from the public raw files, loaded as one transaction."""

import csv
import filecmp
import shutil
from pathlib import Path

import pytest

from landmine_monitor.database.reference.build import build
from landmine_monitor.database.reference.bundle import DATA_DIR, ReferenceDataError
from landmine_monitor.database.reference.load import load_reference

GENERATED = ("treaty_actions.csv", "unga_resolutions.csv", "unga_votes.csv")


def test_the_bundled_files_are_exactly_what_the_builder_makes_from_the_raw_data(shared_dir, tmp_path):
    counts = build(shared_dir / "data", DATA_DIR, tmp_path)
    assert counts == {"treaty actions": 837, "resolutions": 27, "votes": 4687}
    for name in GENERATED:
        assert filecmp.cmp(tmp_path / name, DATA_DIR / name, shallow=False), name


def test_every_raw_row_is_kept(shared_dir):
    raw_votes = sum(1 for _ in csv.DictReader((shared_dir / "data/unga/landmine_votes.csv").open()))
    with (DATA_DIR / "unga_votes.csv").open() as handle:
        assert sum(1 for _ in csv.DictReader(handle)) == raw_votes


def test_an_unknown_name_in_the_raw_data_is_reported_with_file_and_line(shared_dir, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(shared_dir / "data", raw)
    path = raw / "untc" / "26-5.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "Atlantis,3 Dec 1997,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"26-5\.csv, line 4: unknown country or area 'Atlantis'"):
        build(raw, DATA_DIR, tmp_path)


def test_a_malformed_date_in_the_raw_data_is_reported(shared_dir, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(shared_dir / "data", raw)
    path = raw / "untc" / "26-6.csv"
    text = path.read_text(encoding="utf-8").replace("3 Dec 2008", "3 Dcm 2008", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"26-6\.csv, line \d+, column 'Signature'"):
        build(raw, DATA_DIR, tmp_path)


@pytest.mark.django_db
def test_loading_again_adds_nothing_and_keeps_editors_corrections():
    from landmine_monitor.database.countries.models import Country

    burma = Country.objects.get(iso3="MMR")
    burma.name = "Burma (Myanmar)"
    burma.save()
    assert set(load_reference().values()) == {0}
    assert Country.objects.get(iso3="MMR").name == "Burma (Myanmar)"


@pytest.mark.django_db
def test_a_bad_bundled_row_stops_the_load_with_file_and_line_and_writes_nothing(tmp_path):
    from landmine_monitor.database.countries.models import Country
    from landmine_monitor.database.unga.models import Vote

    bad = tmp_path / "data"
    shutil.copytree(DATA_DIR, bad)
    with (bad / "countries.csv").open("a", encoding="utf-8") as handle:
        handle.write("atlantis,Atlantis,other-area,,,,atlantic,,,\n")
    Vote.objects.all().delete()  # so that the load has votes to write before it fails
    before = Country.objects.count()
    lines = sum(1 for _ in (bad / "countries.csv").open())
    with pytest.raises(ReferenceDataError, match=rf"countries\.csv, line {lines}: region 'atlantic'"):
        load_reference(bad)
    assert Country.objects.count() == before
    assert Vote.objects.count() == 0


def test_bundled_files_record_their_source_and_as_of_date():
    import json

    sources = json.loads((DATA_DIR / "datasets.json").read_text())["sources"]
    files = {name for s in sources for name in s["files"]}
    bundled = {p.name for p in Path(DATA_DIR).glob("*.csv")} - {
        "indicators.csv",
        "unga_official.csv",
        "unga_corrections.csv",
    }
    assert bundled <= files
    for s in sources:
        assert s["title"] and s["organisation"]
        assert s["date"] or s["key"] == "treaty-texts"
