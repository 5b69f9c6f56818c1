"""The reporting network's rules (`permissions.py`) applied to Wagtail's page admin.

Group page permissions let researchers and coordinators add and change pages in the Country
Reports tree; three pieces narrow that to the reports each of them covers:

- `NetworkPagePermissionPolicy`, Wagtail's page permission policy less the reports a user does not
  cover: the explorer, the page search, choosers, the admin API and the dashboard list only those;
- `CountryReportPageViewSet`, the admin views of a report (edit, preview, draft, revisions,
  history, usage, workflow, lock, delete, move, copy): each answers 403 first when the user does
  not cover the report;
- `refuse_create` and `refuse_change`, run by the `before_*_page` hooks: a researcher or
  coordinator creates only a report of a country they cover, in its edition, and changes no
  other page (editions, the reports index); copying and moving pages is left to editors.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from landmine_monitor.database.countries.models import Country
from landmine_monitor.reports.models import CountryReportPage, EditionPage

from .permissions import (
    can_edit,
    covers,
    editable_reports,
    has_full_access,
    is_network_only,
    users_covering,
    works_on,
)

# The URL arguments that name the page an admin view acts on.
PAGE_ID_ARGUMENTS = ("page_id", "pk", "page_to_move_id")


def as_report(page: Page) -> CountryReportPage | None:
    """The page as a country report, or None when it is another kind of page."""
    if isinstance(page, CountryReportPage):
        return page
    specific_class = page.specific_class
    if specific_class is None or not issubclass(specific_class, CountryReportPage):
        return None
    return CountryReportPage.objects.select_related("country").filter(pk=page.pk).first()


def without_hidden_reports(user, pages):
    """`pages` less the country reports the user does not cover."""
    if user.is_superuser or has_full_access(user):
        return pages
    hidden = CountryReportPage.objects.exclude(pk__in=editable_reports(user).values("pk"))
    return pages.exclude(pk__in=hidden.values("pk"))


class NetworkPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, less the country reports a user does not cover."""

    def explorable_instances(self, user):
        return without_hidden_reports(user, super().explorable_instances(user))

    def instances_user_has_any_permission_for(self, user, actions):
        return without_hidden_reports(user, super().instances_user_has_any_permission_for(user, actions))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        report = as_report(instance)
        if report is not None and not can_edit(user, report):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        users = super().users_with_any_permission_for_instance(actions, instance, include_superusers)
        report = as_report(instance)
        if report is None:
            return users
        return users.filter(users_covering(report.edition_id, report.country))


def register_page_policy() -> None:
    register_permission_policy(Page, NetworkPagePermissionPolicy())


def _refuse_report(user, report: CountryReportPage) -> None:
    if not can_edit(user, report):
        raise PermissionDenied(
            f"The {report.edition.year} report on {report.country.name} is not among your assignments."
        )


def _checked(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        page_id = next((kwargs[name] for name in PAGE_ID_ARGUMENTS if name in kwargs), None)
        if page_id is not None:
            report = CountryReportPage.objects.select_related("country", "edition").filter(pk=page_id).first()
            if report is not None:
                _refuse_report(request.user, report)
        return view(request, *args, **kwargs)

    return checked


class CountryReportPageViewSet(PageViewSet):
    """The admin views of country reports, each refusing a report the user does not cover."""

    model = CountryReportPage
    name = "country_reports"

    def construct_view(self, view_class, **kwargs):
        return _checked(super().construct_view(view_class, **kwargs))


def refuse_change(request, page: Page) -> None:
    """Raise PermissionDenied when the user may not change `page` (edit, delete)."""
    report = as_report(page)
    if report is not None:
        _refuse_report(request.user, report)
    elif is_network_only(request.user):
        raise PermissionDenied("Researchers and coordinators change only the reports assigned to them.")


def refuse_copy_or_move(request, page: Page) -> None:
    refuse_change(request, page)
    if is_network_only(request.user):
        raise PermissionDenied("Copying and moving pages is left to editors.")


def refuse_create(request, parent_page: Page, page_class: type[Page]) -> None:
    """Raise PermissionDenied unless the user may create such a page there: a researcher or
    coordinator creates only a report, in an edition they work on, of a country they cover."""
    user = request.user
    if not is_network_only(user):
        return
    parent = parent_page.specific
    if not issubclass(page_class, CountryReportPage) or not isinstance(parent, EditionPage):
        raise PermissionDenied("Researchers and coordinators create only country reports.")
    edition_id = parent.edition_id
    if not works_on(user, edition_id):
        raise PermissionDenied(f"You have no assignment in the {parent.edition.year} edition.")
    if request.method == "POST":
        given = request.POST.get("country", "")
        country = Country.objects.filter(pk=int(given)).first() if given.isdigit() else None
        if country is not None and not covers(user, edition_id, country):
            raise PermissionDenied(
                f"{country.name} in the {parent.edition.year} edition is not among your assignments."
            )
        if request.POST.get("edition") not in (None, "", str(edition_id)):
            raise PermissionDenied("A report belongs to the edition it is created in.")
