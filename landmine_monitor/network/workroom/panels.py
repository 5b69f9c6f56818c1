"""The dashboard panel: what a researcher sees first after signing in (their countries, states
and deadlines), and for coordinators and editors the progress of the edition at a glance."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from landmine_monitor.network.permissions import roles_of

from .selectors import ReportState, current_edition, progress_board
from .views.access import BOARD, has_role
from .views.workspace import workspace_rows


class WorkPanel(Component):
    name = "workroom"
    order = 50  # before Wagtail's own panels
    template_name = "workroom/panel.html"

    def __init__(self, user):
        self.user = user

    @property
    def shown(self) -> bool:
        return bool(roles_of(self.user))

    def get_context_data(self, parent_context=None):
        edition = current_edition()
        today = timezone.localdate()
        rows, _ = workspace_rows(self.user, edition, today) if edition else ([], [])
        counts = []
        if edition is not None and has_role(self.user, BOARD):
            board = progress_board(edition, user=self.user, on=today)
            counts = [(state, sum(1 for row in board if row.state == state)) for state in ReportState]
            overdue = sum(1 for row in board if row.deadline and row.deadline.overdue)
        else:
            overdue = 0
        return {
            "edition": edition,
            "rows": rows,
            "counts": [(state, count) for state, count in counts if count],
            "overdue": overdue,
            "workspace_url": reverse("workroom:workspace"),
            "board_url": reverse("workroom:board") if has_role(self.user, BOARD) else "",
            "calendar_url": reverse("workroom:calendar"),
        }
