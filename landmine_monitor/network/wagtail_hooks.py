"""The reporting network in the Wagtail admin: the research log and assignments as snippets, and
the page admin narrowed to the reports each researcher and coordinator covers (`page_access`)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import page_access
from .viewsets import NetworkGroup

register_snippet(NetworkGroup)


@hooks.register("register_admin_viewset")
def report_page_views():
    return page_access.CountryReportPageViewSet()


@hooks.register("before_create_page")
def create_only_covered_reports(request, parent_page, page_class):
    page_access.refuse_create(request, parent_page, page_class)


@hooks.register("before_edit_page")
def edit_only_covered_reports(request, page):
    page_access.refuse_change(request, page)


@hooks.register("before_delete_page")
def delete_only_covered_reports(request, page):
    page_access.refuse_change(request, page)


@hooks.register("before_copy_page")
def copy_for_editors(request, page):
    page_access.refuse_copy_or_move(request, page)


@hooks.register("before_move_page")
def move_for_editors(request, page, destination):
    page_access.refuse_copy_or_move(request, page)


@hooks.register("construct_explorer_page_queryset")
def explore_covered_reports(parent_page, pages, request):
    return page_access.without_hidden_reports(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def choose_covered_reports(pages, request):
    return page_access.without_hidden_reports(request.user, pages)
