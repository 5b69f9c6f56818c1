"""The reporting network in the Wagtail admin: the research log and assignments as snippets, the
page admin narrowed to the reports each researcher and coordinator covers (`page_access`), and
replies to requests for information served only to those covering them."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import page_access
from .selectors import replies_hidden_from
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
    user = request.user
    if not user.is_authenticated:
        return None
    hidden = replies_hidden_from(user)
    if hidden is not None and hidden.filter(response_document=document.pk).exists():
        raise PermissionDenied("This reply belongs to a request of a country you do not cover.")
    return None


class NetworkDocumentPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document permissions, less the replies to requests for information of countries
    the user does not cover: the Documents listing, the admin search and the choosers do not
    show them, and their edit and usage views refuse."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        hidden = replies_hidden_from(user)
        if hidden is not None and hidden.filter(response_document=instance.pk).exists():
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        found = super().instances_user_has_any_permission_for(user, actions)
        hidden = replies_hidden_from(user)
        return found if hidden is None else found.exclude(pk__in=hidden)


# For the exact document class, which takes precedence over the policy wagtail.documents registers
# for the class and its subclasses, whichever of the two registrations runs first.
register_permission_policy(
    get_document_model(),
    NetworkDocumentPolicy(
        get_document_model_string(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
    ),
    exact_class=True,
)
