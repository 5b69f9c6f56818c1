"""Reports written for the search tests, published the way editors publish them."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from landmine_monitor.database.countries.models import Country
from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.services import ensure_edition, save_report


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """The search keeps country names and status groups per content version, which moves on when a
    transaction commits; these tests' transactions never do, so each test starts afresh."""
    cache.clear()
    yield
    cache.clear()


def write_report(
    iso3: str,
    year: int,
    sections: list[tuple[str, list[str], list[str]]],
    notes: list[str] = (),
    *,
    publish: bool = True,
    key_developments: str = "",
):
    """A report of `sections` ((heading, kinds, paragraphs)) and numbered `notes`."""
    country = Country.objects.get(iso3=iso3)
    doc = ReportDocument(
        title=country.name,
        country_name=country.name,
        key_developments=key_developments,
        sections=[
            Section(
                heading=heading,
                kinds=[SectionKind(k) for k in kinds],
                paragraphs=[Paragraph(p) for p in paras],
            )
            for heading, kinds, paras in sections
        ],
        footnotes=[Footnote(number=n, text=text) for n, text in enumerate(notes, start=1)],
    )
    return save_report(doc, country=country, edition=ensure_edition(year), publish=publish).page


@pytest.fixture
def report():
    return write_report
