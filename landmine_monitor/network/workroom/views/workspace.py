"""The researcher's workspace: my countries in the edition, their state and deadlines, my draft
(edit it in the browser, or upload a Word or Markdown file in its place), my sources, my
interviews and my requests for information."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from landmine_monitor.network.models import Interview, RequestState, ResearcherAssignment
from landmine_monitor.network.permissions import roles_of
from landmine_monitor.network.roles import Role
from landmine_monitor.network.selectors import calendar_of, overdue_requests, requests_for
from landmine_monitor.reports.models import CountryReportPage, EditionPage

from ..forms import EditionForm, UploadForm
from ..selectors import (
    ReportProgress,
    ReportState,
    cited_sources,
    milestones_by_kind,
    next_deadline,
    progress_of_reports,
)
from ..services import UploadRefused, upload_draft
from .access import BOARD, NETWORK, RoleRequiredMixin, WorkroomTemplateMixin, has_role
from .board import report_links


def my_assignments(user, edition):
    if edition is None or Role.RESEARCHER not in roles_of(user):
        return ResearcherAssignment.objects.none()
    return (
        ResearcherAssignment.objects.filter(researcher=user, edition=edition)
        .select_related("country", "edition")
        .order_by("country__name")
    )


def workspace_rows(user, edition, today):
    """Per assigned country: the country, its report's progress, its next deadline, links."""
    assignments = list(my_assignments(user, edition))
    reports = list(
        CountryReportPage.objects.filter(
            edition=edition, country__in=[a.country for a in assignments]
        ).select_related("country", "edition")
    )
    progress = {p.report.country_id: p for p in progress_of_reports(reports).values()}
    milestones = milestones_by_kind(edition) if edition is not None else {}
    edition_page = EditionPage.objects.filter(edition=edition).first() if edition is not None else None
    rows = []
    for assignment in assignments:
        found = progress.get(assignment.country_id) or ReportProgress(None, ReportState.NOT_STARTED)
        links = report_links(found.report)
        if found.report is None and edition_page is not None:
            links["add"] = reverse(
                "wagtailadmin_pages:add", args=["reports", "countryreportpage", edition_page.pk]
            )
        rows.append(
            {
                "country": assignment.country,
                "progress": found,
                "deadline": next_deadline(found.state, found.ever_submitted, milestones, today),
                "links": links,
            }
        )
    return rows, reports


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _listing(url_name: str, **filters) -> str:
    return f"{reverse(url_name)}?{urlencode(filters)}"


class WorkspaceView(RoleRequiredMixin, WorkroomTemplateMixin, TemplateView):
    roles = NETWORK
    what = "The workspace"
    template_name = "workroom/workspace.html"
    page_title = "My work"
    header_icon = "user"

    def get(self, request, *args, **kwargs):
        form, edition = EditionForm.read(request.GET)
        upload = UploadForm(initial={"edition": edition.year}) if edition is not None else None
        return self.render_workspace(edition, upload, status=200 if form.is_valid() else 400)

    def render_workspace(self, edition, upload_form, *, status=200, result=None):
        user = self.request.user
        today = timezone.localdate()
        rows, reports = workspace_rows(user, edition, today)
        countries = [row["country"] for row in rows]
        requests = requests_for(user).filter(edition=edition, country__in=countries)
        per_country = []
        for country in countries:
            filters = {"edition": edition.pk, "country": country.pk}
            per_country.append(
                {
                    "country": country,
                    "interviews": Interview.objects.filter(edition=edition, country=country).count(),
                    "interviews_url": _listing("wagtailsnippets_network_interview:list", **filters),
                    "requests": requests.filter(country=country).count(),
                    "pending": requests.filter(country=country, state=RequestState.PENDING).count(),
                    "requests_url": _listing("wagtailsnippets_network_requestforinformation:list", **filters),
                }
            )
        context = self.get_context_data(
            edition=edition,
            rows=rows,
            upload_form=upload_form,
            result=result,
            today=today,
            upcoming=[m for m in calendar_of(edition) if m.due_on >= today][:4] if edition else [],
            calendar_url=f"{reverse('workroom:calendar')}?edition={edition.year}" if edition else "",
            board_url=reverse("workroom:board") if has_role(user, BOARD) else "",
            sources=cited_sources(reports),
            can_change_sources=user.has_perm("sources.change_source"),
            research_log=per_country,
            overdue_requests=list(overdue_requests(today, user=user).filter(edition=edition)),
            add_interview_url=reverse("wagtailsnippets_network_interview:add"),
            add_request_url=reverse("wagtailsnippets_network_requestforinformation:add"),
        )
        return self.render_to_response(context, status=status)


class UploadView(WorkspaceView):
    """POST only: the uploaded file replaces the draft; the workspace shows what came of it."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            edition = form.cleaned_data.get("edition")
            return self.render_workspace(edition, form, status=400)
        edition = form.cleaned_data["edition"]
        try:
            result = upload_draft(request.user, form.cleaned_data["file"], edition=edition)
        except UploadRefused as refusal:
            form.add_error("file", str(refusal))
            messages.error(request, str(refusal))
            return self.render_workspace(edition, form, status=400)
        what = "a new report" if result.created else "a new revision of the draft"
        messages.success(
            request,
            f"{result.file_name} is now {what} of {result.report.country.name} ({edition.year}), "
            "not published"
            + (f", with {_count(len(result.warnings), 'warning')} to check." if result.warnings else "."),
        )
        return self.render_workspace(edition, UploadForm(initial={"edition": edition.year}), result=result)
