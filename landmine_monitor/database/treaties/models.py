"""Treaties and what each state did about them: sign, consent to be bound, withdraw."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.sources.models import Source
from landmine_monitor.foundation.dates import long_date


class EntryIntoForceRule(models.TextChoices):
    """How a treaty's text says when it binds a state that has deposited its instrument."""

    FIRST_DAY_OF_SIXTH_MONTH = (
        "first-day-of-sixth-month",
        "First day of the sixth month after the month of deposit",
    )
    SIX_MONTHS_AFTER_DEPOSIT = "six-months-after-deposit", "Six months after the date of deposit"


class Treaty(models.Model):
    """A treaty or protocol, with the rules in its own text that the status answers rest on.

    Mine Ban Treaty, Article 17: in force on the first day of the sixth month after the month in
    which the 40th instrument was deposited; for a state depositing later, on the first day of the
    sixth month after the date of its deposit. Convention on Cluster Munitions, Article 17: the
    same with 30 instruments. CCW, Article 5 (and through it each protocol): six months after the
    20th instrument, and for a later state six months after its deposit.
    """

    slug = models.SlugField(max_length=40, unique=True)
    short_name = models.CharField(max_length=80)
    name = models.CharField(max_length=400)
    adopted_on = models.DateField(null=True, blank=True)
    opened_for_signature_on = models.DateField(null=True, blank=True)
    signature_open = models.BooleanField(
        default=True, help_text="Whether states sign before consenting (protocols take consent only)."
    )
    signature_closes_on = models.DateField(
        null=True,
        blank=True,
        help_text="The first day a state could no longer sign, and joined by accession instead.",
    )
    entry_into_force_rule = models.CharField(max_length=40, choices=EntryIntoForceRule.choices)
    entry_into_force_threshold = models.PositiveSmallIntegerField(
        help_text="How many instruments bring the treaty into force."
    )
    entry_into_force_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the treaty itself entered into force, as the depositary records it. "
        "Left empty, it is computed from the deposits recorded and the rule.",
    )
    withdrawal_delay_months = models.PositiveSmallIntegerField(
        help_text="Months after notification that a withdrawal takes effect."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="protocols"
    )
    depositary_url = models.URLField(max_length=500, blank=True)
    record_source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The depositary record the status answers rest on, absences included: a state "
        "with no action there is a non-signatory on its authority.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in tables.")

    panels = [
        FieldPanel("short_name"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("adopted_on"), FieldPanel("opened_for_signature_on")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signature_open"), FieldPanel("signature_closes_on")]),
                FieldRowPanel(
                    [FieldPanel("entry_into_force_rule"), FieldPanel("entry_into_force_threshold")]
                ),
                FieldRowPanel([FieldPanel("entry_into_force_on"), FieldPanel("withdrawal_delay_months")]),
            ],
            heading="Rules from the treaty's text",
        ),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("depositary_url"), FieldPanel("record_source")]),
    ]

    class Meta:
        ordering = ["position", "short_name"]
        verbose_name_plural = "treaties"

    def __str__(self) -> str:
        return self.short_name


class ActionKind(models.TextChoices):
    SIGNATURE = "signature", "Signature"
    RATIFICATION = "ratification", "Ratification"
    ACCESSION = "accession", "Accession"
    ACCEPTANCE = "acceptance", "Acceptance"
    APPROVAL = "approval", "Approval"
    SUCCESSION = "succession", "Succession"
    CONSENT = "consent", "Consent to be bound"
    WITHDRAWAL = "withdrawal", "Withdrawal (notification)"


CONSENT_KINDS = (
    ActionKind.RATIFICATION,
    ActionKind.ACCESSION,
    ActionKind.ACCEPTANCE,
    ActionKind.APPROVAL,
    ActionKind.SUCCESSION,
    ActionKind.CONSENT,
)


class TreatyAction(models.Model):
    """One act of a state towards a treaty, on the date the depositary records it.

    For a consent, `date` is the deposit of the instrument; for a withdrawal, the day the
    notification was received. When the law or the depositary sets a different date for the act
    to take effect (a succession dating back to independence, a withdrawal deferred by an armed
    conflict), `effective_on` records it and overrides the treaty's rule.
    """

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="treaty_actions")
    treaty = models.ForeignKey(Treaty, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(max_length=20, choices=ActionKind.choices)
    date = models.DateField()
    effective_on = models.DateField(
        null=True,
        blank=True,
        help_text="Only when it differs from what the treaty's rule gives; say why in the note.",
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="treaty_actions")
    locator = models.CharField(
        max_length=300, blank=True, help_text="Where in the source: page, row, notification number."
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("treaty")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("effective_on")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("locator")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["treaty__position", "date", "country__name"]
        indexes = [models.Index(fields=["treaty", "country", "date"])]
        constraints = [
            models.UniqueConstraint(fields=["country", "treaty", "kind", "date"], name="treatyaction_unique")
        ]

    def __str__(self) -> str:
        return f"{self.country} — {self.treaty}: {self.get_kind_display()} {long_date(self.date)}"

    @property
    def is_consent(self) -> bool:
        return self.kind in CONSENT_KINDS

    def clean(self) -> None:
        from .rules import check_action  # the rules need the model; the model asks them

        if self.country_id and self.treaty_id and self.date:
            errors = check_action(self)
            if errors:
                raise ValidationError(errors)
