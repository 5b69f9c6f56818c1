"""The progress board: every country of an edition with its researchers, its report's state
and its next deadline; filters by region and state; the same rows as CSV."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View

from landmine_monitor.network.permissions import has_full_access

from ..forms import BoardFilters
from ..selectors import ProgressRow, ReportState, progress_board
from .access import BOARD, RoleRequiredMixin, WorkroomTemplateMixin

CSV_HEADER = [
    "country",
    "iso3",
    "region",
    "researchers",
    "state",
    "waiting at",
    "goes public at",
    "next milestone",
    "due on",
    "days left",
    "overdue",
    "report",
]


def person(user) -> str:
    return user.get_full_name() or user.get_username()


def report_links(report) -> dict[str, str]:
    if report is None:
        return {}
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=[report.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[report.pk]),
        "workflow_history": reverse("wagtailadmin_pages:workflow_history", args=[report.pk]),
        "previous_edition": reverse("workroom:previous_edition", args=[report.pk]),
    }


def csv_cells(row: ProgressRow, base_url: str) -> list[str]:
    deadline = row.deadline
    go_live = row.progress.go_live_at
    return [
        row.country.name,
        row.country.iso3,
        row.country.get_region_display(),
        "; ".join(person(r) for r in row.researchers),
        row.state.label,
        row.progress.task,
        go_live.isoformat() if go_live else "",
        deadline.milestone.get_kind_display() if deadline else "",
        deadline.milestone.due_on.isoformat() if deadline else "",
        str(deadline.days_left) if deadline else "",
        ("yes" if deadline.overdue else "no") if deadline else "",
        f"{base_url}{reverse('wagtailadmin_pages:edit', args=[row.report.pk])}" if row.report else "",
    ]


class _Filtered:
    def filtered(self, request):
        form = BoardFilters(request.GET)
        if not form.is_valid():
            return form, None, []
        data = form.cleaned_data
        edition = data["edition"]
        rows = progress_board(edition, user=request.user, region=data["region"], state=data["state"])
        return form, edition, rows


class BoardView(RoleRequiredMixin, _Filtered, WorkroomTemplateMixin, TemplateView):
    roles = BOARD
    what = "The progress board"
    template_name = "workroom/board.html"
    page_title = "Progress board"
    header_icon = "tasks"

    def get(self, request, *args, **kwargs):
        form, edition, rows = self.filtered(request)
        counts = {state: 0 for state in ReportState}
        for row in rows:
            counts[row.state] += 1
        context = self.get_context_data(
            form=form,
            edition=edition,
            rows=[(row, report_links(row.report)) for row in rows],
            counts=[(state, counts[state]) for state in ReportState],
            overdue=sum(1 for row in rows if row.deadline and row.deadline.overdue),
            csv_url=f"{reverse('workroom:board_csv')}?{urlencode(request.GET)}",
            calendar_url=f"{reverse('workroom:calendar')}?edition={edition.year}" if edition else "",
            today=timezone.localdate(),
            whole_edition=has_full_access(request.user),
        )
        return self.render_to_response(context, status=200 if form.is_valid() else 400)


class _Echo:
    def write(self, value):
        return value


class BoardCsvView(RoleRequiredMixin, _Filtered, View):
    roles = BOARD
    what = "The progress board"

    def get(self, request, *args, **kwargs):
        form, edition, rows = self.filtered(request)
        if edition is None:
            errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in form.errors.items())
            return StreamingHttpResponse(
                [errors + "\n"], status=400, content_type="text/plain; charset=utf-8"
            )
        writer = csv.writer(_Echo())
        base_url = request.build_absolute_uri("/").rstrip("/")

        def lines():
            yield writer.writerow(CSV_HEADER)
            for row in rows:
                yield writer.writerow(csv_cells(row, base_url))

        parts = [f"progress-{edition.year}", form.cleaned_data["region"], form.cleaned_data["state"]]
        name = "-".join(p for p in parts if p)
        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
