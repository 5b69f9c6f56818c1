"""The reporting network in the Wagtail admin: requests for information, interviews, assignments
and the research calendar.

A researcher or coordinator lists and opens only the records of the countries they cover
(`permissions.covered`); any view of another record (edit, delete, copy, history, usage) answers
403. Wagtail's snippet views write every creation, change and deletion to the audit log.
"""

from __future__ import annotations

from functools import wraps

import django_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.admin_url_finder import quote
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from .cite_view import CiteView
from .models import (
    CoordinatorAssignment,
    Interview,
    Milestone,
    RequestForInformation,
    ResearcherAssignment,
)
from .permissions import covered, has_full_access
from .selectors import overdue_condition


class ScopedViewSet(SnippetViewSet):
    """A snippet viewset whose records are limited to those the user covers.

    Its listing's search is the database's (`icontains` on `search_fields`), not the search
    index's: the index backends cannot search within a queryset filtered this way, nor on
    fields that are not autocomplete fields."""

    related = ("country", "edition")
    search_backend_name = None

    def scoped(self, user, queryset):
        return covered(user, queryset)

    def get_queryset(self, request):
        return self.scoped(request.user, self.model._default_manager.select_related(*self.related))

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)

        @wraps(view)
        def checked(request, *args, **view_kwargs):
            pk = view_kwargs.get("pk")
            if pk is not None:
                found = self.model._default_manager.filter(pk=unquote(str(pk)))
                if found.exists() and not self.scoped(request.user, found).exists():
                    name = self.model._meta.verbose_name
                    raise PermissionDenied(f"This {name} is not among your assignments.")
            return view(request, *args, **view_kwargs)

        return checked


class RequestFilters(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="Overdue", method="filter_overdue")

    class Meta:
        model = RequestForInformation
        fields = ["state", "channel", "edition", "country"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = overdue_condition(timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class CitableIndexView(IndexView):
    cite_url_name = ""

    def get_list_more_buttons(self, instance):
        cite = MenuItem(
            "Cite in a footnote",
            url=reverse(self.cite_url_name, args=[quote(instance.pk)]),
            icon_name="openquote",
            priority=15,
        )
        return [*super().get_list_more_buttons(instance), cite]


class CitableEditView(EditView):
    cite_url_name = ""

    @cached_property
    def header_more_buttons(self):
        cite = HeaderButton(
            "Cite in a footnote",
            url=reverse(self.cite_url_name, args=[quote(self.object.pk)]),
            icon_name="openquote",
            priority=15,
        )
        return [*super().header_more_buttons, cite]


class CitableViewSet(ScopedViewSet):
    """A research log record: it has a "Cite in a footnote" view (`cite_view.CiteView`), linked from
    its row in the listing and from the header of its edit view."""

    index_view_class = CitableIndexView
    edit_view_class = CitableEditView

    def _with_cite_url(self, view_kwargs):
        return {**view_kwargs, "cite_url_name": self.get_url_name("cite")}

    def get_index_view_kwargs(self, **kwargs):
        return self._with_cite_url(super().get_index_view_kwargs(**kwargs))

    def get_edit_view_kwargs(self, **kwargs):
        return self._with_cite_url(super().get_edit_view_kwargs(**kwargs))

    @property
    def cite_view(self):
        return self.construct_view(
            CiteView,
            model=self.model,
            list_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"cite/<{self.pk_path_converter}:pk>/", self.cite_view, name="cite"),
        ]


class RequestViewSet(CitableViewSet):
    model = RequestForInformation
    icon = "mail"
    menu_label = "Requests for information"
    list_display = ["country", "addressee", "channel", "sent_on_display", "response_due", "state", "overdue"]
    filterset_class = RequestFilters
    search_fields = ["addressee_person", "addressee_organisation", "intermediary", "subject"]
    inspect_view_enabled = True


class InterviewViewSet(CitableViewSet):
    model = Interview
    icon = "user"
    menu_label = "Interviews"
    list_display = ["country", "person", "organisation", "held_on", "mode", "researcher"]
    list_filter = ["mode", "edition", "country"]
    search_fields = ["person", "organisation", "notes"]
    inspect_view_enabled = True


class ResearcherAssignmentViewSet(ScopedViewSet):
    model = ResearcherAssignment
    icon = "group"
    menu_label = "Researchers"
    related = ("country", "edition", "researcher")
    list_display = ["researcher", "country", "edition", "assigned_on"]
    list_filter = ["edition"]
    search_fields = ["country__name", "researcher__username", "researcher__last_name"]


class CoordinatorAssignmentViewSet(ScopedViewSet):
    model = CoordinatorAssignment
    icon = "group"
    menu_label = "Coordinators"
    related = ("edition", "coordinator")
    list_display = ["coordinator", "area", "edition", "assigned_on"]
    list_filter = ["edition", "region", "theme"]

    def scoped(self, user, queryset):
        return queryset if has_full_access(user) else queryset.filter(coordinator=user)


class MilestoneViewSet(SnippetViewSet):
    model = Milestone
    icon = "date"
    menu_label = "Calendar"
    list_display = ["edition", "kind", "due_on", "notes"]
    list_filter = ["edition", "kind"]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = "Reporting network"
    menu_icon = "group"
    menu_order = 190
    items = (
        RequestViewSet,
        InterviewViewSet,
        ResearcherAssignmentViewSet,
        CoordinatorAssignmentViewSet,
        MilestoneViewSet,
    )
