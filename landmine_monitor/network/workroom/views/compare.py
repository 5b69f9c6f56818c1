"""A report against the same country's report in the previous edition (`diff.py`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from landmine_monitor.network.permissions import can_view_report
from landmine_monitor.reports.inline import plain_text
from landmine_monitor.reports.models import CountryReportPage

from ..diff import compare_with_previous_edition
from .access import WorkroomTemplateMixin


class PreviousEditionView(WorkroomTemplateMixin, TemplateView):
    template_name = "workroom/previous_edition.html"
    header_icon = "history"

    def dispatch(self, request, *args, page_id: int, **kwargs):
        report = CountryReportPage.objects.select_related("country", "edition").filter(pk=page_id).first()
        if report is None:
            raise Http404("No country report has that id.")
        if not can_view_report(request.user, report):
            raise PermissionDenied(
                f"The {report.edition.year} report on {report.country.name} is not among your assignments."
            )
        self.report = report
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.report.country.name} {self.report.edition.year}: changes since the previous edition"

    def get_context_data(self, **kwargs):
        comparison = compare_with_previous_edition(self.report, self.request.user)
        return super().get_context_data(
            report=self.report,
            title=plain_text(self.report.title),
            comparison=comparison,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.report.pk]),
            history_url=reverse("wagtailadmin_pages:history", args=[self.report.pk]),
            **kwargs,
        )
