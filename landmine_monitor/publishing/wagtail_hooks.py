"""Publications and orders in the Wagtail admin.

Orders are listed for staff with their status; they are created only by the public form and are
never deleted (a cancelled order keeps its record), so the admin offers neither "add" nor
"delete" for them, even to administrators. Customer data is shown read-only.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from .models import Publication, PublicationOrder
from .notifications import NOTIFY_ACTION, order_status_changed

FORBIDDEN_ORDER_ACTIONS = frozenset({"add", "delete"})


class OrderPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds or deletes an order in the admin."""

    def user_has_permission(self, user, action):
        if action in FORBIDDEN_ORDER_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [a for a in actions if a not in FORBIDDEN_ORDER_ACTIONS]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


register_permission_policy(PublicationOrder, OrderPermissionPolicy(PublicationOrder), exact_class=True)


class OrderEditView(EditView):
    """Saving an order whose status became "sent" or "cancelled" tells the customer."""

    def save_instance(self):
        previous = PublicationOrder.objects.values_list("status", flat=True).get(pk=self.object.pk)
        order = super().save_instance()
        transaction.on_commit(lambda: order_status_changed(order, previous, by=self.request.user))
        return order


class PublicationOrderViewSet(SnippetViewSet):
    model = PublicationOrder
    edit_view_class = OrderEditView
    icon = "mail"
    menu_label = "Orders"
    list_display = ["reference", "name", "organisation", "country", "items", "created_at", "status"]
    list_filter = ["status"]
    search_fields = ["reference", "name", "organisation", "email", "country__name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return PublicationOrder.objects.select_related("country").prefetch_related("lines")


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "doc-full"
    menu_label = "Catalogue"
    list_display = ["title", "year", "format", "pages", "price", "available"]
    list_filter = ["format", "available"]
    search_fields = ["title", "isbn", "description"]


class PublishingGroup(SnippetViewSetGroup):
    menu_label = "Publications"
    menu_icon = "doc-full-inverse"
    menu_order = 220
    items = (PublicationOrderViewSet, PublicationViewSet)


register_snippet(PublishingGroup)


@hooks.register("register_log_actions")
def publishing_log_actions(actions):
    @actions.register_action(NOTIFY_ACTION)
    class Notified(LogFormatter):
        label = "Notified by e-mail"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return f"E-mailed {', '.join(data.get('to', []))} ({data.get('notification', '')})"
