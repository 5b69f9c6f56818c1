"""The research calendar of an edition: its milestones in order, with the days left or overdue.
Editors change them in the admin (Reporting network › Calendar)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from landmine_monitor.network.selectors import calendar_of

from ..forms import EditionForm
from ..selectors import Deadline
from .access import NETWORK, RoleRequiredMixin, WorkroomTemplateMixin


class CalendarView(RoleRequiredMixin, WorkroomTemplateMixin, TemplateView):
    roles = NETWORK
    what = "The research calendar"
    template_name = "workroom/calendar.html"
    page_title = "Research calendar"
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        form, edition = EditionForm.read(request.GET)
        today = timezone.localdate()
        can_change = request.user.has_perm("network.change_milestone")
        milestones = []
        if edition is not None:
            for milestone in calendar_of(edition):
                edit = (
                    reverse("wagtailsnippets_network_milestone:edit", args=[milestone.pk])
                    if can_change
                    else ""
                )
                milestones.append((Deadline(milestone, today), edit))
        context = self.get_context_data(
            form=form,
            edition=edition,
            milestones=milestones,
            today=today,
            add_url=reverse("wagtailsnippets_network_milestone:add")
            if request.user.has_perm("network.add_milestone")
            else "",
            edition_url=reverse("wagtailsnippets_editions_edition:edit", args=[edition.pk])
            if edition is not None and request.user.has_perm("editions.change_edition")
            else "",
        )
        return self.render_to_response(context, status=200 if form.is_valid() else 400)
