"""Who may see and do what with a country report: the one set of rules the Wagtail admin, the
API and the research log all use.

A user's roles are their groups (`roles.Role`; a superuser counts as an administrator). A role
is narrowed by assignments in the edition the report belongs to:

| role | sees and edits | submits | approves | publishes |
|---|---|---|---|---|
| researcher | reports of the countries assigned to them in that edition | those | no | no |
| coordinator of a region | reports of the region's countries in that edition | those | those | no |
| coordinator of a theme | every report of that edition | no | no | no |
| editor, administrator | every report | all | all | all |
| anyone else, anonymous | published reports only | no | no | no |

An assignment counts only while its holder is in the role's group, so taking someone out of a
group ends their access at once. "Approve" is both the coordinator's review and the editors'
approval; the review workflow decides which step a user acts on.

Who covers a report is decided here and nowhere else, in three forms that say the same: for one
report or (edition, country) (`coverage`, `covers`, `works_on`), for a queryset of rows with an
edition and a country (`covered`, `editable_reports`, `approvable_reports`, `visible_reports`),
and for the people to tell about a report (`users_covering`, `people_covering`). Each can be
narrowed to some ways of covering (ALL, REGION, RESEARCH, THEME).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from landmine_monitor.database.countries.models import Country
from landmine_monitor.reports.models import CountryReportPage

from .models import CoordinatorAssignment, ResearcherAssignment
from .roles import Role

FULL_ACCESS = frozenset({Role.EDITOR, Role.ADMINISTRATOR})
NETWORK_ROLES = frozenset({Role.RESEARCHER, Role.COORDINATOR})

_ROLES_CACHE = "_network_roles"
_SCOPE_CACHE = "_network_scope"


def roles_of(user) -> frozenset[Role]:
    """The user's roles, from their groups; kept on the user object for the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        roles = {role for role in Role if role.value in names}
        if user.is_superuser:
            roles.add(Role.ADMINISTRATOR)
        cached = frozenset(roles)
        setattr(user, _ROLES_CACHE, cached)
    return cached


def has_full_access(user) -> bool:
    """Editors and administrators: every report, every record."""
    return bool(roles_of(user) & FULL_ACCESS)


def is_network_only(user) -> bool:
    """A researcher or coordinator who is not also an editor or administrator."""
    roles = roles_of(user)
    return bool(roles & NETWORK_ROLES) and not roles & FULL_ACCESS


def forget(user) -> None:
    """Drop what was worked out for the user (after their groups or assignments changed)."""
    for name in (_ROLES_CACHE, _SCOPE_CACHE):
        if hasattr(user, name):
            delattr(user, name)


@dataclass(frozen=True)
class Scope:
    """What a user's assignments cover, for the roles they hold."""

    countries: frozenset[tuple[int, int]]  # (edition id, country id) researched
    regions: frozenset[tuple[int, str]]  # (edition id, region) coordinated
    theme_editions: frozenset[int]  # editions in which a theme is coordinated


def scope_of(user) -> Scope:
    cached = getattr(user, _SCOPE_CACHE, None)
    if cached is not None:
        return cached
    roles = roles_of(user)
    countries: set[tuple[int, int]] = set()
    regions: set[tuple[int, str]] = set()
    themes: set[int] = set()
    if Role.RESEARCHER in roles:
        assigned = ResearcherAssignment.objects.filter(researcher=user)
        countries = set(assigned.values_list("edition_id", "country_id"))
    if Role.COORDINATOR in roles:
        for edition_id, region in CoordinatorAssignment.objects.filter(coordinator=user).values_list(
            "edition_id", "region"
        ):
            if region:
                regions.add((edition_id, region))
            else:
                themes.add(edition_id)
    scope = Scope(frozenset(countries), frozenset(regions), frozenset(themes))
    if user is not None and user.is_authenticated:
        setattr(user, _SCOPE_CACHE, scope)
    return scope


# How a user comes to cover a report, from the widest.
ALL, REGION, RESEARCH, THEME = "all", "region", "research", "theme"
ANY_WAY = (ALL, REGION, RESEARCH, THEME)


def coverage(user, edition_id: int, country: Country) -> str | None:
    """How the user covers (edition, country): ALL, REGION, RESEARCH, THEME, or None."""
    if has_full_access(user):
        return ALL
    if not roles_of(user) & NETWORK_ROLES:
        return None
    scope = scope_of(user)
    if (edition_id, country.region) in scope.regions:
        return REGION
    if (edition_id, country.pk) in scope.countries:
        return RESEARCH
    if edition_id in scope.theme_editions:
        return THEME
    return None


def covers(user, edition_id: int, country: Country) -> bool:
    """Whether the user works on that country in that edition (and so sees its drafts and its
    research log)."""
    return coverage(user, edition_id, country) is not None


def works_on(user, edition_id: int) -> bool:
    """Whether the user covers anything in the edition: an assignment of any kind in it (editors
    and administrators work on every edition)."""
    if has_full_access(user):
        return True
    if not roles_of(user) & NETWORK_ROLES:
        return False
    scope = scope_of(user)
    return edition_id in scope.theme_editions or any(
        edition == edition_id for edition, _ in scope.countries | scope.regions
    )


def countries_covered(user) -> QuerySet[Country] | None:
    """The countries the user covers in some edition; None when that is every country (editors,
    administrators, theme coordinators)."""
    if has_full_access(user):
        return None
    scope = scope_of(user)
    if scope.theme_editions:
        return None
    return Country.objects.filter(
        Q(pk__in=[country for _, country in scope.countries])
        | Q(region__in=[region for _, region in scope.regions])
    )


def _condition(user, ways) -> Q | None:
    """A condition on rows with `edition` and `country` fields (reports, requests, interviews)
    for those a researcher or coordinator covers in one of `ways`; None when they cover none."""
    roles = roles_of(user)
    conditions = []
    if RESEARCH in ways and Role.RESEARCHER in roles:
        conditions.append(
            Exists(
                ResearcherAssignment.objects.filter(
                    researcher=user, edition=OuterRef("edition"), country=OuterRef("country")
                )
            )
        )
    if Role.COORDINATOR in roles:
        mine = CoordinatorAssignment.objects.filter(coordinator=user, edition=OuterRef("edition"))
        if REGION in ways:
            conditions.append(Exists(mine.filter(region=OuterRef("country__region"))))
        if THEME in ways:
            conditions.append(Exists(mine.filter(region="")))
    if not conditions:
        return None
    condition = Q(conditions[0])
    for other in conditions[1:]:
        condition |= Q(other)
    return condition


def covered(user, queryset: QuerySet, ways=ANY_WAY) -> QuerySet:
    """The rows of `queryset` (with `edition` and `country`) that the user covers in one of
    `ways` (any way by default)."""
    if has_full_access(user):
        return queryset.all() if ALL in ways else queryset.none()
    condition = _condition(user, ways)
    return queryset.none() if condition is None else queryset.filter(condition)


def users_covering(edition_id: int, country: Country, ways=ANY_WAY) -> Q:
    """A condition on users for those who cover (edition, country) in one of `ways`."""
    users = get_user_model().objects

    def in_groups(*roles: Role) -> Q:
        return Q(pk__in=users.filter(groups__name__in=[r.value for r in roles]).values("pk"))

    coordinators = CoordinatorAssignment.objects.filter(edition_id=edition_id)
    condition = Q(pk__in=[])
    if ALL in ways:
        condition |= Q(is_superuser=True) | in_groups(Role.EDITOR, Role.ADMINISTRATOR)
    if RESEARCH in ways:
        researchers = ResearcherAssignment.objects.filter(edition_id=edition_id, country=country)
        condition |= in_groups(Role.RESEARCHER) & Q(pk__in=researchers.values("researcher"))
    if REGION in ways:
        regional = coordinators.filter(region=country.region)
        condition |= in_groups(Role.COORDINATOR) & Q(pk__in=regional.values("coordinator"))
    if THEME in ways:
        thematic = coordinators.filter(region="")
        condition |= in_groups(Role.COORDINATOR) & Q(pk__in=thematic.values("coordinator"))
    return condition


def people_covering(report: CountryReportPage, *ways: str) -> QuerySet:
    """The active users who cover the report in one of `ways` (any way when none is given): the
    people to tell about it."""
    condition = users_covering(report.edition_id, report.country, ways or ANY_WAY)
    return get_user_model().objects.filter(condition, is_active=True).order_by("pk")


def _coverage_of(user, report: CountryReportPage) -> str | None:
    return coverage(user, report.edition_id, report.country)


def is_public(report: CountryReportPage) -> bool:
    """Published, and not behind a view restriction."""
    return bool(report.live) and not report.get_view_restrictions().exists()


def can_view_report(user, report: CountryReportPage) -> bool:
    """The published report for everyone; drafts for those who cover it."""
    return is_public(report) or _coverage_of(user, report) is not None


def can_view_draft(user, report: CountryReportPage) -> bool:
    """Whether the user sees the report's latest revision rather than only what is published."""
    return _coverage_of(user, report) is not None


def can_edit(user, report: CountryReportPage) -> bool:
    return _coverage_of(user, report) is not None


def can_submit(user, report: CountryReportPage) -> bool:
    return _coverage_of(user, report) in (ALL, REGION, RESEARCH)


def can_approve(user, report: CountryReportPage) -> bool:
    return _coverage_of(user, report) in (ALL, REGION)


def can_publish(user, report: CountryReportPage) -> bool:
    return _coverage_of(user, report) == ALL


def editable_reports(user) -> QuerySet[CountryReportPage]:
    """The reports the user may edit, drafts included."""
    return covered(user, CountryReportPage.objects.select_related("country", "edition"))


def approvable_reports(user) -> QuerySet[CountryReportPage]:
    """The reports whose review the user may approve or send back (`can_approve`)."""
    return covered(user, CountryReportPage.objects.all(), ways=(ALL, REGION))


def visible_reports(user) -> QuerySet[CountryReportPage]:
    """The reports the user may see: every published one, and the drafts of those they cover."""
    reports = CountryReportPage.objects.select_related("country", "edition")
    if has_full_access(user):
        return reports.all()
    public = CountryReportPage.objects.live().public().values("pk")
    condition = _condition(user, ANY_WAY)
    if condition is None:
        return reports.filter(pk__in=public)
    return reports.filter(Q(pk__in=public) | condition)


def readable_version(user, report: CountryReportPage) -> tuple[CountryReportPage, bool]:
    """The version of a report the user reads, and whether it is a draft: the latest revision
    for those who cover the report when it was never published or has changes not yet
    published; the published page otherwise."""
    if (not report.live or report.has_unpublished_changes) and can_view_draft(user, report):
        latest = report.get_latest_revision_as_object() if report.latest_revision_id else report
        return latest, True
    return report, False
