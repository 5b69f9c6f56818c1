"""The workroom in the Wagtail admin: its views and menu, the dashboard panel, the audit log's
wording of its actions, the button to compare a report with the previous edition, and the
workflow's guards on the edit form."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from landmine_monitor.network.roles import Role

from . import guards, urls
from .notifications import NOTIFY_ACTION
from .panels import WorkPanel
from .services import UPLOAD_ACTION
from .views.access import BOARD, NETWORK, has_role


@hooks.register("register_admin_urls")
def workroom_urls():
    return [path("workroom/", include(urls, namespace="workroom"))]


class RoleMenuItem(MenuItem):
    def __init__(self, label, url_name, roles: frozenset[Role], **kwargs):
        super().__init__(label, reverse(url_name), **kwargs)
        self.roles = roles

    def is_shown(self, request):
        return has_role(request.user, self.roles)


@hooks.register("register_admin_menu_item")
def workroom_menu():
    items = [
        RoleMenuItem("My work", "workroom:workspace", NETWORK, icon_name="user", order=100),
        RoleMenuItem("Progress board", "workroom:board", BOARD, icon_name="tasks", order=200),
        RoleMenuItem("Research calendar", "workroom:calendar", NETWORK, icon_name="date", order=300),
    ]
    return SubmenuMenuItem("The year's work", Menu(items=items), icon_name="tasks", order=150)


@hooks.register("construct_homepage_panels")
def work_panel(request, panels):
    panel = WorkPanel(request.user)
    if panel.shown:
        panels.append(panel)


@hooks.register("register_log_actions")
def workroom_log_actions(actions):
    @actions.register_action(NOTIFY_ACTION)
    class Notified(LogFormatter):
        label = "Notified by e-mail"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return f"E-mailed {', '.join(data.get('to', []))}: {data.get('subject', '')}"

    @actions.register_action(UPLOAD_ACTION)
    class Uploaded(LogFormatter):
        label = "Draft uploaded"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            warnings = len(data.get("warnings", []))
            plural = "" if warnings == 1 else "s"
            return f"Draft replaced by {data.get('file', 'a file')} ({warnings} import warning{plural})"


@hooks.register("register_page_header_buttons")
def previous_edition_button(page, user, next_url=None, view_name=None):
    from landmine_monitor.reports.models import CountryReportPage

    if page.specific_class is not None and issubclass(page.specific_class, CountryReportPage):
        yield Button(
            "Against the previous edition",
            reverse("workroom:previous_edition", args=[page.pk]),
            icon_name="history",
            priority=60,
        )


@hooks.register("before_edit_page")
def review_rules(request, page):
    guards.refuse_submission(request, page)
    breach = guards.embargo_breach(request, page)
    if breach:
        messages.error(request, breach)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def bulk_publication_keeps_embargoes(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    breach = guards.embargoed_in_bulk(objects)
    if breach:
        messages.error(request, breach)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root"))
    return None


@hooks.register("construct_page_action_menu")
def approval_names_the_release(menu_items, request, context):
    guards.name_the_release(menu_items, request, context)
