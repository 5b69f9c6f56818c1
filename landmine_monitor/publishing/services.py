"""Writes of the Press Room and Order Publications: the pages `setup` creates, and orders.

Scheduled press releases (the embargo) need Wagtail's `publish_scheduled` to run every minute in
production — `landmine-monitor publish_scheduled` from cron or a systemd timer; see
`landmine_monitor.publishing.models`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from landmine_monitor.database.editions.models import Edition

from .models import (
    PressReleasePage,
    PressRoomPage,
    Publication,
    PublicationFormat,
    PublicationOrder,
    PublicationOrderLine,
    PublicationsPage,
)

PRESS_ROOM_INTRO = (
    "<p>Press releases of the Landmine Monitor, newest first. They are also published as an Atom "
    "feed that news readers can follow.</p>"
    "<p>Journalists can receive the annual report ahead of its release, under embargo: write to the "
    "media desk below.</p>"
)
MEDIA_CONTACTS = [
    (
        "contact",
        {
            "name": "Media desk",
            "role": "Press enquiries, interviews and embargoed copies of the report",
            "email": "media@example.org",
            "phone": "+1 202 555 0100",
        },
    )
]

FIRST_RELEASE_TITLE = "Landmine Monitor research platform goes online with sample data"
FIRST_RELEASE_SUMMARY = (
    "A new installation of the Landmine Monitor platform is running. It holds reference data on "
    "treaties and UN votes drawn from public records and one sample country report, ready for "
    "the Monitor's editors to add their research."
)
FIRST_RELEASE_BODY = (
    "<p>An installation of the Landmine Monitor platform went online today. The platform is the "
    "software with which the Monitor keeps its central database, prepares its country reports and "
    "publishes its annual report on the web, as a book and as open data.</p>"
    "<p>Its database starts with reference data taken from public records: the states and other "
    "areas the Monitor covers, the signatures, ratifications, accessions and withdrawals recorded "
    "for the Mine Ban Treaty, the Convention on Certain Conventional Weapons and its protocols and "
    "the Convention on Cluster Munitions, and the votes cast on the landmine resolutions of the "
    "United Nations General Assembly. Every entry carries its source, and where a state stands "
    "towards each treaty on any date is computed from these records rather than typed.</p>"
    "<p>One country report is included as sample content. It was written for the project to show "
    "how a report, its numbered footnotes and their sources appear on the site; it is marked as "
    "sample content and is not a finding of the Monitor.</p>"
    "<p>The data can be read through the site's JSON API. Editors sign in to the editors' "
    "interface to correct and extend it, to import country reports and to publish press releases. "
    "This release is itself sample content, which they may edit or withdraw.</p>"
)

PUBLICATIONS_INTRO = (
    "<p>Landmine Monitor publications can be ordered here. They are free of charge unless a price "
    "is shown, and no payment is taken on this site. The Monitor's staff handle every order by "
    "hand and will write to you if there is a question.</p>"
)
CONFIRMATION_TEXT = (
    "<p>Thank you: your order has been recorded and the Monitor's staff will handle it. Please "
    "quote its reference if you write to us about it. No payment is due on this site.</p>"
)

REPORT_1999_TITLE = "Landmine Monitor Report 1999: Toward a Mine-Free World"
CATALOGUE = [
    {
        "title": REPORT_1999_TITLE,
        "year": 1999,
        "format": PublicationFormat.PRINT,
        "pages": 1100,
        "description": (
            "The Monitor's first annual report, published in the year the Mine Ban Treaty entered "
            "into force. It sets out, country by country, what was publicly known about each "
            "government's landmine policy and practice, grouped by region and by status towards the "
            "treaty, after an introduction, a summary with global tables and thematic overviews, "
            "and before appendices of reference documents. A bound volume of about 1,100 pages."
        ),
    },
    {
        "title": REPORT_1999_TITLE,
        "year": 1999,
        "format": PublicationFormat.PDF,
        "pages": 1100,
        "description": (
            "The complete 1999 report as a PDF file, with the same chapters and country reports as "
            "the printed book, for reading on screen and searching the text."
        ),
    },
]


@dataclass
class PublishingPages:
    press_room: PressRoomPage
    publications: PublicationsPage


def _publish(parent: Page, page: Page) -> Page:
    """Add the page under its parent and publish it through a revision, as an editor would (so that
    it has its history and the published-page signals run)."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    page.refresh_from_db()
    return page


@transaction.atomic
def ensure_publishing_pages(home: Page) -> PublishingPages:
    """The Press Room (with a first press release) and Order Publications (with the catalogue's
    first entries) under the home page, created once; pages that exist are left as they are."""
    press_room = PressRoomPage.objects.first()
    if press_room is None:
        press_room = _publish(
            home,
            PressRoomPage(
                title="Press Room", slug="press-room", intro=PRESS_ROOM_INTRO, contacts=MEDIA_CONTACTS
            ),
        )
        _publish(
            press_room,
            PressReleasePage(
                title=FIRST_RELEASE_TITLE,
                slug="platform-online-with-sample-data",
                release_date=timezone.localdate(),
                summary=FIRST_RELEASE_SUMMARY,
                body=FIRST_RELEASE_BODY,
            ),
        )
    publications = PublicationsPage.objects.first()
    if publications is None:
        publications = _publish(
            home,
            PublicationsPage(
                title="Order Publications",
                slug="order-publications",
                intro=PUBLICATIONS_INTRO,
                confirmation_text=CONFIRMATION_TEXT,
            ),
        )
        ensure_catalogue()
    return PublishingPages(press_room=press_room, publications=publications)


def ensure_catalogue() -> list[Publication]:
    """The catalogue's first entries, when they are not there (matched by title, year and format)."""
    edition = Edition.objects.filter(year=1999).first()
    made = []
    for entry in CATALOGUE:
        publication, _ = Publication.objects.get_or_create(
            title=entry["title"],
            year=entry["year"],
            format=entry["format"],
            defaults={**entry, "edition": edition, "price": "free", "available": True},
        )
        made.append(publication)
    return made


def order_reference(order: PublicationOrder) -> str:
    """ "LM-<year received>-<number>", e.g. LM-2026-000123."""
    return f"LM-{timezone.localtime(order.created_at).year}-{order.pk:06d}"


def check_order_limit(email: str) -> None:
    """At most `ORDERS_PER_ADDRESS_PER_DAY` orders with one address in 24 hours: each order
    e-mails the address, and ordering must not become a way to flood somebody's inbox. Raises
    ValidationError when the address has had its share."""
    limit = settings.ORDERS_PER_ADDRESS_PER_DAY
    since = timezone.now() - datetime.timedelta(days=1)
    if PublicationOrder.objects.filter(email__iexact=email, created_at__gte=since).count() >= limit:
        raise ValidationError(
            f"{limit} orders were placed with this address in the last 24 hours, the most we take: "
            "please try again tomorrow, or write to us.",
            code="too-many-orders",
        )


@transaction.atomic
def place_order(customer: dict, lines: list[tuple[Publication, int]]) -> PublicationOrder:
    """Store an order and its lines in one transaction and give it its reference.

    `customer` holds the order's own fields (name, organisation, email, postal_address, country,
    notes); `lines` the publications and quantities (a publication given twice is counted once,
    with the quantities added). Nothing is stored unless all of it is. Once committed, the
    customer and the staff are e-mailed (`notifications.order_received`). An address over its
    day's share of orders is refused (`check_order_limit`).
    """
    check_order_limit(customer["email"])
    quantities: dict[int, int] = {}
    by_pk: dict[int, Publication] = {}
    for publication, quantity in lines:
        if quantity < 0:
            raise ValueError(f"negative quantity for {publication}")
        if quantity:
            quantities[publication.pk] = quantities.get(publication.pk, 0) + quantity
            by_pk[publication.pk] = publication
    if not quantities:
        raise ValueError("an order needs at least one publication")
    order = PublicationOrder(**customer)
    order.full_clean(exclude=["reference"])
    order.save()
    order.reference = order_reference(order)
    order.save(update_fields=["reference"])
    PublicationOrderLine.objects.bulk_create(
        PublicationOrderLine(
            order=order,
            publication=by_pk[pk],
            quantity=quantity,
            title=by_pk[pk].title,
            format=by_pk[pk].format,
        )
        for pk, quantity in quantities.items()
    )
    # The customer and the staff are told once the order is stored for good.
    transaction.on_commit(lambda: _notify_received(order.pk))
    return order


def _notify_received(pk: int) -> None:
    from .notifications import order_received

    order_received(PublicationOrder.objects.select_related("country").get(pk=pk))
