"""What a reader types into the order form, for the order tests."""

from __future__ import annotations

from landmine_monitor.database.countries.models import Country
from landmine_monitor.publishing.models import Publication, PublicationFormat
from landmine_monitor.publishing.services import REPORT_1999_TITLE


def catalogue() -> tuple[Publication, Publication]:
    book = Publication.objects.get(title=REPORT_1999_TITLE, format=PublicationFormat.PRINT)
    pdf = Publication.objects.get(title=REPORT_1999_TITLE, format=PublicationFormat.PDF)
    return book, pdf


def order_data(**changes) -> dict:
    book, pdf = catalogue()
    data = {
        "name": "Ana Example",
        "organisation": "Example Campaign",
        "email": "ana@example.org",
        "postal_address": "1 Example Street\n1200 Geneva",
        "country": str(Country.objects.get(iso3="CHE").pk),
        "notes": "For our library.",
        f"quantity_{book.pk}": "2",
        f"quantity_{pdf.pk}": "1",
    }
    data.update(changes)
    return data
