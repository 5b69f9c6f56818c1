""" "Cite in a footnote": the footnote that cites an interview, a request for information or its
reply, ready to paste into the report, and where the country's reports cite it already.

GET shows; POST links the record to its Source (created, or the one imported footnotes made),
so that the record and every footnote citing it point to one Source.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from landmine_monitor.database.sources.services import source_with_fingerprint
from landmine_monitor.reports.models import CountryReportPage

from .citing import fingerprint_of, footnote_text, has_reply
from .models import Interview, RequestForInformation
from .permissions import visible_reports
from .services import cite_interview, cite_request


@dataclass
class CitingNote:
    report: CountryReportPage
    number: int
    edit_url: str


@dataclass
class Citable:
    """One thing the record lets a footnote cite: the interview, the request, or its reply."""

    label: str
    text: str
    reply: bool
    source: object  # the Source it is linked to, or the one footnotes citing it point to; or None
    linked: bool
    cited_in: list[CitingNote]


def _cited_in(source, reports: list[CountryReportPage]) -> list[CitingNote]:
    """The notes of the latest version (draft or published) of each report that cite `source`."""
    if source is None:
        return []
    found = []
    for report in reports:
        revision = report.latest_revision
        notes = revision.content.get("footnotes", []) if revision is not None else []
        for note in notes:
            if any(c.get("source") == source.pk for c in note.get("citations", [])):
                edit_url = reverse("wagtailadmin_pages:edit", args=[report.pk])
                found.append(CitingNote(report, note["number"], edit_url))
    return found


class CiteView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "network/cite.html"
    header_icon = "openquote"
    model = None  # Interview or RequestForInformation
    list_url_name = ""
    edit_url_name = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.record = get_object_or_404(self.model, pk=kwargs["pk"])

    def get_page_title(self):
        return "Cite in a footnote"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.list_url_name), "label": self.model._meta.verbose_name_plural.capitalize()},
            {"url": reverse(self.edit_url_name, args=[self.record.pk]), "label": str(self.record)},
            {"url": "", "label": self.get_page_title()},
        ]

    def citables(self) -> list[Citable]:
        record = self.record
        reports = list(
            visible_reports(self.request.user).filter(country=record.country).order_by("-edition__year")
        )
        choices = [(False, "The interview" if isinstance(record, Interview) else "The request")]
        if isinstance(record, RequestForInformation) and has_reply(record):
            choices.append((True, "The reply"))
        found = []
        for reply, label in choices:
            linked = record.reply_source if reply else record.source
            key = fingerprint_of(record, reply=reply)
            source = linked if linked is not None and linked.fingerprint == key else None
            source = source or source_with_fingerprint(key)
            found.append(
                Citable(
                    label=label,
                    text=footnote_text(record, reply=reply),
                    reply=reply,
                    source=source,
                    linked=source is not None and source == linked,
                    cited_in=_cited_in(source, reports),
                )
            )
        return found

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record,
            record_kind=self.model._meta.verbose_name.capitalize(),
            citables=self.citables(),
            can_link=self.request.user.has_perm(f"network.change_{self.model._meta.model_name}"),
            edit_url=reverse(self.edit_url_name, args=[self.record.pk]),
            what="the interview" if isinstance(self.record, Interview) else "the request or its reply",
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(f"network.change_{self.model._meta.model_name}"):
            raise PermissionDenied("You may not change this record.")
        reply = request.POST.get("reply") == "1"
        try:
            if isinstance(self.record, Interview):
                source = cite_interview(self.record, by=request.user)
            else:
                source = cite_request(self.record, reply=reply, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Linked to the source “{source.citation}”.")
        return redirect(request.path)
