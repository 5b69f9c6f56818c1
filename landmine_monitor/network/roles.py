"""The network's roles as Wagtail groups, with the admin permissions each needs.

Group permissions say what a role may do at all; `permissions.py` narrows them to the reports a
user covers through assignments. Researchers and coordinators edit reports but never publish
them; editors publish; administrators may do everything, users and groups included.
`ensure_roles()` runs from `setup` and can run again: it adds what is missing and removes nothing.
"""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)


class Role(StrEnum):
    """A role is the group of that name."""

    RESEARCHER = "Researchers"
    COORDINATOR = "Research coordinators"
    EDITOR = "Editors"
    ADMINISTRATOR = "Administrators"


NETWORK_COLLECTION = "Reporting network"

_RECORDS = [
    f"network.{action}_{model}"
    for model in ("requestforinformation", "interview")
    for action in ("add", "change", "delete", "view")
]
_RESEARCHER = [
    "wagtailadmin.access_admin",
    *_RECORDS,
    "network.view_researcherassignment",
    "network.view_milestone",
    "sources.view_source",
]
_COORDINATOR = [
    *_RESEARCHER,
    "network.view_coordinatorassignment",
    "sources.add_source",
    "sources.change_source",
]
_EDITOR = [
    *_COORDINATOR,
    *(
        f"network.{action}_{model}"
        for model in ("researcherassignment", "coordinatorassignment", "milestone")
        for action in ("add", "change", "delete")
    ),
    "sources.delete_source",
    "facts.add_fact",
    "facts.change_fact",
    "facts.view_fact",
    "facts.view_indicator",
    "editions.view_edition",
    "editions.change_edition",
]
# Django model permissions; administrators get every permission there is.
MODEL_PERMISSIONS: dict[Role, list[str]] = {
    Role.RESEARCHER: _RESEARCHER,
    Role.COORDINATOR: _COORDINATOR,
    Role.EDITOR: _EDITOR,
}
# Page permissions: on the Country Reports tree, and for administrators on the whole site.
PAGE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.RESEARCHER: ("add", "change"),
    Role.COORDINATOR: ("add", "change"),
    Role.EDITOR: ("add", "change", "publish", "lock", "unlock"),
    Role.ADMINISTRATOR: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
}
# Documents (replies to requests for information) in the network's own collection, which only
# the network's groups may open.
DOCUMENT_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.RESEARCHER: ("add", "change", "choose"),
    Role.COORDINATOR: ("add", "change", "choose"),
    Role.EDITOR: ("add", "change", "delete", "choose"),
    Role.ADMINISTRATOR: ("add", "change", "delete", "choose"),
}


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in dict.fromkeys(names):
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def ensure_network_collection() -> Collection:
    """The documents collection of the network, visible only to its groups."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=NETWORK_COLLECTION).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=NETWORK_COLLECTION))
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    restriction.groups.add(*Group.objects.filter(name__in=[r.value for r in Role]))
    return collection


@transaction.atomic
def ensure_roles() -> int:
    """Create the four groups with their permissions; returns how many groups were created."""
    from landmine_monitor.reports.services import ensure_reports_index

    reports_index = ensure_reports_index()
    site_root = Page.get_first_root_node()
    created = 0
    groups = {}
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__endswith="_page"
    )
    page_permission = {p.codename: p for p in page_permissions}
    for role in Role:
        group, made = Group.objects.get_or_create(name=role.value)
        groups[role] = group
        created += made
        if role is Role.ADMINISTRATOR:
            group.permissions.add(*Permission.objects.all())
        else:
            group.permissions.add(*_permissions(MODEL_PERMISSIONS[role]))
        page = site_root if role is Role.ADMINISTRATOR else reports_index
        for action in PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=page_permission[f"{action}_page"],
            )
    collection = ensure_network_collection()
    for role, actions in DOCUMENT_PERMISSIONS.items():
        target = Collection.get_first_root_node() if role is Role.ADMINISTRATOR else collection
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[role],
                collection=target,
                permission=Permission.objects.get(
                    content_type__app_label="wagtaildocs", codename=f"{action}_document"
                ),
            )
    return created
