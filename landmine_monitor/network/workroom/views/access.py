"""Who opens which workroom view."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from landmine_monitor.network.permissions import roles_of
from landmine_monitor.network.roles import Role

NETWORK = frozenset(Role)
BOARD = frozenset({Role.COORDINATOR, Role.EDITOR, Role.ADMINISTRATOR})


def has_role(user, roles: frozenset[Role]) -> bool:
    return bool(roles_of(user) & roles)


def require_role(user, roles: frozenset[Role], what: str) -> None:
    if not has_role(user, roles):
        names = ", ".join(sorted(role.value.lower() for role in roles))
        raise PermissionDenied(f"{what} is for {names}.")


class RoleRequiredMixin:
    """A view open to the users holding one of `roles` (403 for anyone else)."""

    roles: frozenset[Role] = NETWORK
    what = "This page"

    def dispatch(self, request, *args, **kwargs):
        require_role(request.user, self.roles, self.what)
        return super().dispatch(request, *args, **kwargs)


class WorkroomTemplateMixin(WagtailAdminTemplateMixin):
    """Wagtail's admin page furniture, with the page's title after "Home" in the breadcrumbs."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
