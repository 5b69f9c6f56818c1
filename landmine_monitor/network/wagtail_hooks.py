"""The reporting network in the Wagtail admin: the research log and assignments as snippets, the
page admin narrowed to the reports each researcher and coordinator covers (`page_access`), and
replies to requests for information served only to those covering them."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import page_access
from .models import RequestForInformation
from .permissions import covered, has_full_access
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


@hooks.register("before_serve_document")
def serve_replies_only_to_those_covering_them(document, request):
    """A government's reply attached to a request for information is served to those who cover
    the request's country (and editors, administrators), not to every member of the network.
    Anyone signed out is left to the collection's own restriction (the sign-in page)."""
    requests = RequestForInformation.objects.filter(response_document=document)
    user = request.user
    if not user.is_authenticated or has_full_access(user) or not requests.exists():
        return None
    if not covered(user, requests.select_related("country", "edition")).exists():
        raise PermissionDenied("This reply belongs to a request of a country you do not cover.")
    return None
