"""The Press Room and Order Publications: press releases under embargo, the catalogue, orders.

Embargo is Wagtail's scheduled publishing. A press release given a "go-live date/time"
(`go_live_at`) in the future and then published is *scheduled*: it stays invisible — a 404 at
its address, absent from the Press Room and from its Atom feed — until Wagtail's
`publish_scheduled` command runs after that moment and makes it live. In production
`landmine-monitor publish_scheduled` must therefore run every minute (a cron line
`* * * * * /path/to/.venv/bin/landmine-monitor publish_scheduled`, or a systemd timer with
`OnCalendar=minutely`); the same command also unpublishes pages whose expiry time has passed.
Without it, a scheduled release never appears.

Orders come only from the public form, are stored in one transaction with their lines
(`services.place_order`) and are never deleted: staff follow them in the admin and change their
status (received → sent, or cancelled).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.editions.models import Edition

RELEASES_PER_PAGE = 20
FEED_ENTRIES = 50
SESSION_ORDERS = "publishing-orders"  # the references of the orders placed in this browser session


# --- Press Room -------------------------------------------------------------------------------


class MediaContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(help_text='A person or a desk, e.g. "Media desk".')
    role = blocks.CharBlock(required=False)
    email = blocks.EmailBlock(required=False)
    phone = blocks.CharBlock(required=False, help_text="With the country code, e.g. +41 22 000 0000.")

    class Meta:
        icon = "user"
        label = "Media contact"


class PressRoomPage(RoutablePageMixin, Page):
    """The Press Room: media contacts and the live press releases, newest first, with an Atom feed
    at `feed/`."""

    intro = RichTextField(blank=True)
    contacts = StreamField([("contact", MediaContactBlock())], blank=True, verbose_name="media contacts")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("contacts")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["publishing.PressReleasePage"]
    max_count = 1

    class Meta:
        verbose_name = "press room"

    def releases(self):
        """The releases the public may read, newest first: live, not restricted, children of this
        page. A scheduled release is not live, so it is not here until it goes live."""
        return (
            PressReleasePage.objects.child_of(self)
            .live()
            .public()
            .annotate(dated=Coalesce("release_date", TruncDate("first_published_at")))
            .order_by(F("dated").desc(nulls_last=True), F("first_published_at").desc(nulls_last=True))
        )

    def feed_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["releases"] = Paginator(self.releases(), RELEASES_PER_PAGE).get_page(request.GET.get("page"))
        context["feed_url"] = self.feed_url(request)
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import PressReleaseFeed

        return PressReleaseFeed(self)(request)


class PressReleasePage(Page):
    """One press release. To hold it under embargo, give it a go-live date/time and publish: it
    stays invisible until then (see the module's docstring)."""

    release_date = models.DateField(
        null=True,
        blank=True,
        help_text="The date printed on the release. Empty: the day it goes live.",
    )
    summary = models.TextField(help_text="One or two sentences, shown in the Press Room and the feed.")
    body = RichTextField()
    embargo_note = models.CharField(
        max_length=255,
        blank=True,
        help_text='As printed on the release, e.g. "Embargoed until 00:01 GMT, Thursday 9 September". '
        "To hold the release back, set its go-live date/time and publish: it stays invisible "
        "until then.",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("release_date"), FieldPanel("embargo_note")]),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["publishing.PressRoomPage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = "press release"

    def clean(self):
        super().clean()
        if self.slug == "feed":
            raise ValidationError({"slug": "“feed” is the address of the Press Room's feed; choose another."})

    @property
    def date(self) -> datetime.date:
        """The release's date: as printed, else the day it went (or goes) live."""
        if self.release_date:
            return self.release_date
        moment = self.first_published_at or self.go_live_at
        return timezone.localdate(moment) if moment else timezone.localdate()

    @property
    def published_at(self) -> datetime.datetime | None:
        """The moment of release for the feed: when it went live, or the start of its printed date
        when that is another day (a release entered after the fact)."""
        moment = self.first_published_at
        if self.release_date and (moment is None or timezone.localdate(moment) != self.release_date):
            return timezone.make_aware(datetime.datetime.combine(self.release_date, datetime.time()))
        return moment

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["press_room"] = PressRoomPage.objects.parent_of(self).first()
        return context


# --- Publications and orders ------------------------------------------------------------------


class PublicationFormat(models.TextChoices):
    PRINT = "print", "Print"
    PDF = "pdf", "PDF"
    CD_ROM = "cd-rom", "CD-ROM"


class Publication(models.Model):
    """An item of the catalogue on Order Publications."""

    title = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField()
    edition = models.ForeignKey(
        Edition,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        help_text="The annual report it is an edition of, if any.",
    )
    format = models.CharField(
        max_length=10, choices=PublicationFormat.choices, default=PublicationFormat.PRINT
    )
    pages = models.PositiveIntegerField(null=True, blank=True)
    isbn = models.CharField("ISBN", max_length=20, blank=True)
    price = models.CharField(
        max_length=100, default="free", help_text='e.g. "free", or "USD 25 plus postage".'
    )
    available = models.BooleanField(default=True, help_text="Untick when it can no longer be ordered.")
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("edition")]),
        FieldRowPanel([FieldPanel("format"), FieldPanel("pages"), FieldPanel("isbn")]),
        FieldRowPanel([FieldPanel("price"), FieldPanel("available")]),
        FieldPanel("description"),
    ]

    class Meta:
        # "-format" puts print first, then PDF, then CD-ROM, as the formats are listed.
        ordering = ["-year", "title", "-format"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_format_display()})"


class PublicationsPage(RoutablePageMixin, Page):
    """Order Publications: the catalogue and the order form (server-side, works without JavaScript).

    A valid order is stored (`services.place_order`) and the reader is redirected to
    `confirmation/<reference>/`, which only the browser session that placed the order can open.
    """

    intro = RichTextField(blank=True)
    confirmation_text = RichTextField(
        blank=True, help_text="Shown with the order's reference once an order is placed: what happens next."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("confirmation_text")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "publications page"

    @path("", name="order")
    def order_form(self, request, *args, **kwargs):
        from .forms import MAX_QUANTITY, OrderForm
        from .services import place_order

        catalogue = list(Publication.objects.select_related("edition"))
        orderable = [p for p in catalogue if p.available]
        if request.method == "POST":
            form = OrderForm(request.POST, publications=orderable)
            if form.is_valid():
                order = place_order(form.customer(), form.lines())
                placed = request.session.get(SESSION_ORDERS, [])
                request.session[SESSION_ORDERS] = [*placed, order.reference][-50:]
                confirmation = self.reverse_subpage("confirmation", args=[order.reference])
                return redirect(self.get_url(request) + confirmation)
        else:
            form = OrderForm(publications=orderable)
        return self.render(
            request, context_overrides={"catalogue": catalogue, "form": form, "max_quantity": MAX_QUANTITY}
        )

    @path("confirmation/<str:reference>/", name="confirmation")
    def confirmation(self, request, reference):
        # Only the session that placed the order sees it: references are sequential, so anyone
        # could guess another's.
        if reference not in request.session.get(SESSION_ORDERS, []):
            raise Http404("No such order in this session")
        order = (
            PublicationOrder.objects.select_related("country")
            .prefetch_related("lines")
            .filter(reference=reference)
            .first()
        )
        if order is None:
            raise Http404("No such order")
        return self.render(
            request,
            template="publishing/order_confirmation.html",
            context_overrides={"order": order},
        )


class OrderStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    SENT = "sent", "Sent"
    CANCELLED = "cancelled", "Cancelled"


class OrderLinesPanel(Panel):
    """The ordered publications, read-only, in the admin's edit view of an order."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "publishing/admin/order_lines_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["lines"] = list(self.instance.lines.all()) if self.instance.pk else []
            return context


class PublicationOrder(models.Model):
    """An order placed on Order Publications. Customer data is kept as entered."""

    # NULL only inside `place_order`'s transaction, between the insert and the reference derived
    # from the new row's id (unique, so no empty string shared by two orders being placed at once).
    reference = models.CharField(max_length=20, unique=True, null=True, editable=False)  # noqa: DJ001
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    status = models.CharField(
        max_length=20, choices=OrderStatus.choices, default=OrderStatus.RECEIVED, db_index=True
    )
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField()
    postal_address = models.TextField()
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="publication_orders")
    notes = models.TextField(blank=True)
    staff_note = models.TextField(
        blank=True, help_text="For staff only: dispatch details, replies, why it was cancelled."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("created_at", read_only=True)]),
                FieldPanel("staff_note"),
            ],
            heading="Handling",
        ),
        OrderLinesPanel(heading="Publications ordered"),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("organisation", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("postal_address", read_only=True),
                FieldPanel("country", read_only=True),
                FieldPanel("notes", read_only=True),
            ],
            heading="Customer (as entered, read-only)",
        ),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "publication order"

    def __str__(self) -> str:
        return f"{self.reference or 'order'} — {self.name}"

    def items(self) -> str:
        """What was ordered, in one line: "2 × Title (Print); 1 × …"."""
        return "; ".join(str(line) for line in self.lines.all())

    items.short_description = "Publications"


class PublicationOrderLine(models.Model):
    """One publication in an order, with a copy of its title and format as they were ordered."""

    order = models.ForeignKey(PublicationOrder, on_delete=models.CASCADE, related_name="lines")
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="order_lines")
    quantity = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    format = models.CharField(max_length=10, choices=PublicationFormat.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="order_line_quantity_positive"),
            models.UniqueConstraint(fields=["order", "publication"], name="one_line_per_publication"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.title} ({self.get_format_display()})"
