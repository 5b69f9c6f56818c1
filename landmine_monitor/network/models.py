"""The reporting network: who researches what in an edition, its calendar, and the research log
(requests for information and interviews) that footnotes cite. (API tokens are Wagtail's own
`APIToken`; see `tokens.py`.)

Roles are Wagtail groups (`roles.py`); what a role may do with a report is decided by
`permissions.py` from these assignments.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.admin import display
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index

from landmine_monitor.database.countries.models import Country, Region
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.models import Source
from landmine_monitor.foundation.dates import long_date, month_year
from landmine_monitor.reports.document import SectionKind

from .forms import NetworkRecordForm


class Theme(models.TextChoices):
    """What a thematic coordinator follows across every country of an edition."""

    BAN_POLICY = "ban-policy", "Ban policy"
    MINE_ACTION = "mine-action", "Mine action"
    CASUALTIES_AND_SURVIVOR_ASSISTANCE = (
        "casualties-and-survivor-assistance",
        "Casualties and survivor assistance",
    )


# The report sections each theme covers.
THEME_SECTION_KINDS: dict[Theme, tuple[SectionKind, ...]] = {
    Theme.BAN_POLICY: (
        SectionKind.MINE_BAN_POLICY,
        SectionKind.PRODUCTION,
        SectionKind.TRANSFER,
        SectionKind.STOCKPILING,
        SectionKind.USE,
    ),
    Theme.MINE_ACTION: (SectionKind.LANDMINE_PROBLEM, SectionKind.MINE_ACTION, SectionKind.MINE_AWARENESS),
    Theme.CASUALTIES_AND_SURVIVOR_ASSISTANCE: (SectionKind.CASUALTIES, SectionKind.SURVIVOR_ASSISTANCE),
}


class ResearcherAssignment(models.Model):
    """A researcher writes a country's report in an edition; a country may have several."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="researcher_assignments")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="researcher_assignments")
    researcher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="research_assignments"
    )
    assigned_on = models.DateField(default=datetime.date.today)
    note = models.TextField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("edition"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("researcher"), FieldPanel("assigned_on")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-edition__year", "country__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "country", "researcher"], name="one_assignment_per_researcher_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.researcher}: {self.country} ({self.edition.year})"


class CoordinatorAssignment(models.Model):
    """A research coordinator follows a region, or a theme across all countries, in an edition."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="coordinator_assignments")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordination_assignments"
    )
    region = models.CharField(max_length=30, choices=Region.choices, blank=True)
    theme = models.CharField(max_length=40, choices=Theme.choices, blank=True)
    assigned_on = models.DateField(default=datetime.date.today)
    note = models.TextField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("edition"), FieldPanel("coordinator"), FieldPanel("assigned_on")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("theme")], help_text="A region or a theme."),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-edition__year", "region", "theme"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(region="") & ~Q(theme="")) | (~Q(region="") & Q(theme="")),
                name="coordinator_has_region_or_theme",
            ),
            models.UniqueConstraint(
                fields=["edition", "coordinator", "region", "theme"], name="one_coordination_per_area"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.coordinator}: {self.area} ({self.edition.year})"

    def clean(self) -> None:
        if not self.region and not self.theme:
            raise ValidationError({"region": "Give the region coordinated, or else a theme."})
        if self.region and self.theme:
            raise ValidationError({"theme": "A coordinator follows a region or a theme, not both."})

    @property
    @display(description="Region or theme")
    def area(self) -> str:
        return self.get_region_display() if self.region else self.get_theme_display()


class MilestoneKind(models.TextChoices):
    ASSIGNMENTS = "assignments", "Assignments"
    FIRST_DRAFTS_DUE = "first-drafts-due", "First drafts due"
    RESEARCHERS_MEETING = "researchers-meeting", "Researchers' meeting"
    FINAL_DRAFTS_DUE = "final-drafts-due", "Final drafts due"
    EDITING = "editing", "Editing"
    EMBARGO = "embargo", "Embargo"
    RELEASE = "release", "Release"


class Milestone(models.Model):
    """A date of an edition's research calendar."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=30, choices=MilestoneKind.choices)
    due_on = models.DateField()
    notes = models.TextField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("edition"), FieldPanel("kind"), FieldPanel("due_on")]),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-edition__year", "due_on"]
        constraints = [models.UniqueConstraint(fields=["edition", "kind"], name="one_milestone_per_kind")]

    def __str__(self) -> str:
        return f"{self.edition.year}: {self.get_kind_display()}, {long_date(self.due_on)}"


class AddresseeKind(models.TextChoices):
    OFFICIAL = "official", "Government official"
    MINISTRY = "ministry", "Ministry or government body"
    MISSION = "mission", "Diplomatic mission"
    OTHER = "other", "Other"


class Channel(models.TextChoices):
    LETTER = "letter", "Letter"
    FAX = "fax", "Fax"
    EMAIL = "email", "Email"
    TELEPHONE = "telephone", "Telephone"
    VISIT = "visit", "Visit"
    INTERMEDIARY = "intermediary", "Through an intermediary organisation"


class RequestState(models.TextChoices):
    PENDING = "pending", "Pending"
    ANSWERED = "answered", "Answered"
    DECLINED = "declined", "Declined"
    NO_ANSWER = "no-answer", "No answer"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month only"
    YEAR = "year", "Year only"


class NetworkRecord(ClusterableModel):
    """What a researcher logs for a country in an edition; seen by whoever sees that country's
    report (`permissions.covers`)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+")
    researcher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who sent it or held it; yourself when left empty.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = NetworkRecordForm

    class Meta:
        abstract = True


class RequestForInformation(index.Indexed, NetworkRecord):
    """A request for information sent to a government, and what came of it.

    Whether and when a government answered is itself reported, so a request with no answer is
    recorded as carefully as one answered; `cite_request` makes it (or its reply) a `Source` a
    footnote can cite.
    """

    addressee_person = models.CharField("person", max_length=200, blank=True)
    addressee_title = models.CharField("title", max_length=200, blank=True, help_text='e.g. "Counsellor".')
    addressee_organisation = models.CharField(
        "organisation", max_length=300, help_text="The government, ministry or mission written to."
    )
    addressee_kind = models.CharField(
        "addressee is", max_length=20, choices=AddresseeKind.choices, default=AddresseeKind.MINISTRY
    )
    subject = models.TextField(help_text="What was asked.")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    intermediary = models.CharField(
        "intermediary organisation",
        max_length=300,
        blank=True,
        help_text="The organisation that passed the request on, when sent through one.",
    )
    sent_on = models.DateField(help_text="With a month or year only, the first day of it.")
    sent_on_precision = models.CharField(
        "date known to the", max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    response_due = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=RequestState.choices, default=RequestState.PENDING)
    state_as_of = models.DateField(
        null=True, blank=True, help_text="The day the state was last confirmed: no answer as of …"
    )
    response_on = models.DateField("response received on", null=True, blank=True)
    response_summary = models.TextField(blank=True)
    response_document = models.ForeignKey(
        get_document_model_string(), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests_for_information",
        help_text="The source footnotes cite for the request.",
    )
    reply_source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies_to_requests",
        help_text="The source footnotes cite for the reply.",
    )

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("edition"), FieldPanel("researcher")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("addressee_person"), FieldPanel("addressee_title")]),
                FieldRowPanel([FieldPanel("addressee_organisation"), FieldPanel("addressee_kind")]),
            ],
            heading="Addressee",
        ),
        FieldPanel("subject"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("channel"), FieldPanel("intermediary")]),
                FieldRowPanel(
                    [FieldPanel("sent_on"), FieldPanel("sent_on_precision"), FieldPanel("response_due")]
                ),
            ],
            heading="Sent",
        ),
        InlinePanel("reminders", heading="Reminders", label="Reminder"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("state"), FieldPanel("state_as_of")]),
                FieldPanel("response_on"),
                FieldPanel("response_summary"),
                FieldPanel("response_document"),
            ],
            heading="Response",
        ),
        FieldRowPanel([FieldPanel("source", read_only=True), FieldPanel("reply_source", read_only=True)]),
    ]
    search_fields = [
        index.SearchField("addressee_person"),
        index.SearchField("addressee_organisation"),
        index.SearchField("intermediary"),
        index.SearchField("subject"),
        index.SearchField("response_summary"),
        index.AutocompleteField("addressee_organisation"),
        index.FilterField("state"),
        index.FilterField("country_id"),
        index.FilterField("edition_id"),
    ]

    class Meta:
        verbose_name = "request for information"
        verbose_name_plural = "requests for information"
        ordering = ["-sent_on", "country__name"]

    def __str__(self) -> str:
        return f"{self.country}: {self.addressee}, {self.sent_on_display}"

    @property
    @display(description="Addressee")
    def addressee(self) -> str:
        parts = (self.addressee_person, self.addressee_title, self.addressee_organisation)
        return ", ".join(p for p in parts if p)

    @property
    @display(description="Sent")
    def sent_on_display(self) -> str:
        """The date as precisely as it is known: "14 January 1999", "January 1999", "1999"."""
        if self.sent_on is None:
            return ""
        if self.sent_on_precision == DatePrecision.YEAR:
            return str(self.sent_on.year)
        if self.sent_on_precision == DatePrecision.MONTH:
            return month_year(self.sent_on)
        return long_date(self.sent_on)

    def is_overdue(self, on: datetime.date | None = None) -> bool:
        """Pending, and the day the answer was due has passed."""
        on = on or timezone.localdate()
        return self.state == RequestState.PENDING and self.response_due is not None and self.response_due < on

    @property
    @display(description="Overdue", boolean=True)
    def overdue(self) -> bool:
        return self.is_overdue()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.channel == Channel.INTERMEDIARY and not self.intermediary.strip():
            errors["intermediary"] = "Name the organisation the request was sent through."
        if self.sent_on is not None:
            # A month or a year only is kept as its first day, so that dates still sort.
            if self.sent_on_precision == DatePrecision.MONTH:
                self.sent_on = self.sent_on.replace(day=1)
            elif self.sent_on_precision == DatePrecision.YEAR:
                self.sent_on = self.sent_on.replace(month=1, day=1)
            for name in ("response_due", "response_on", "state_as_of"):
                value = getattr(self, name)
                if value is not None and value < self.sent_on:
                    label = self._meta.get_field(name).verbose_name
                    sent = self.sent_on_display
                    errors[name] = f"The {label} cannot precede the day the request was sent ({sent})."
        answered = self.state in (RequestState.ANSWERED, RequestState.DECLINED)
        if answered and self.response_on is None:
            state = self.get_state_display().lower()
            errors.setdefault("response_on", f"A request {state} needs the date of the response.")
        if self.state == RequestState.ANSWERED and not self.response_summary.strip():
            errors["response_summary"] = "Summarise what the answer said."
        if not answered and self.response_on is not None:
            errors.setdefault(
                "state", "A request with a response is answered or declined: set the state or clear the date."
            )
        if errors:
            raise ValidationError(errors)


class RequestReminder(Orderable):
    """A reminder sent after a request went unanswered."""

    request = ParentalKey(RequestForInformation, on_delete=models.CASCADE, related_name="reminders")
    sent_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices, blank=True)
    note = models.CharField(max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("sent_on"), FieldPanel("channel")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        ordering = ["sent_on"]

    def clean(self) -> None:
        try:
            sent = self.request.sent_on
        except RequestForInformation.DoesNotExist:
            return
        if sent is not None and self.sent_on is not None and self.sent_on < sent:
            raise ValidationError({"sent_on": f"A reminder cannot precede the request ({long_date(sent)})."})

    def __str__(self) -> str:
        return f"Reminder of {long_date(self.sent_on)}"


class InterviewMode(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    TELEPHONE = "telephone", "By telephone"


class Interview(index.Indexed, NetworkRecord):
    """An interview a researcher held; `cite_interview` makes it a `Source` footnotes cite."""

    person = models.CharField(
        max_length=200, help_text='The name, or who they are when not named ("a government official").'
    )
    role = models.CharField(max_length=200, blank=True, help_text='e.g. "Counsellor".')
    organisation = models.CharField(max_length=300, blank=True)
    held_on = models.DateField("date")
    place = models.CharField(max_length=200, blank=True)
    mode = models.CharField(max_length=20, choices=InterviewMode.choices, default=InterviewMode.IN_PERSON)
    notes = models.TextField(blank=True)
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interviews",
        help_text="The source footnotes cite for the interview.",
    )

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("edition"), FieldPanel("researcher")]),
        FieldRowPanel([FieldPanel("person"), FieldPanel("role"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("held_on"), FieldPanel("place"), FieldPanel("mode")]),
        FieldPanel("notes"),
        FieldPanel("source", read_only=True),
    ]
    search_fields = [
        index.SearchField("person"),
        index.SearchField("organisation"),
        index.SearchField("notes"),
        index.AutocompleteField("person"),
        index.FilterField("country_id"),
        index.FilterField("edition_id"),
    ]

    class Meta:
        ordering = ["-held_on", "country__name"]

    def __str__(self) -> str:
        return f"{self.country}: {self.person}, {long_date(self.held_on)}"
