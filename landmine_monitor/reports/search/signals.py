"""The search follows Wagtail's publishing: a report enters it when published, is replaced when a
new revision is published, and leaves it when unpublished. Deleting a page takes its passages
with it (their foreign key cascades, and their index entries with them)."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from wagtail.signals import page_published, page_unpublished

from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.selectors import public_reports

from .models import Passage
from .services import index_report, reindex, remove_report


def report_published(sender, instance, **kwargs) -> None:
    index_report(instance)


def report_unpublished(sender, instance, **kwargs) -> None:
    remove_report(instance.pk)


def fill_empty_index(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """After `migrate` (so after `setup`): an installation whose reports were published before
    the search existed gets them searchable. Does nothing once the index holds any passage."""
    if sender.label != "site_search" or using != DEFAULT_DB_ALIAS:
        return
    if not Passage.objects.exists() and public_reports().exists():
        reindex()


def connect() -> None:
    page_published.connect(report_published, sender=CountryReportPage, dispatch_uid="site-search-published")
    page_unpublished.connect(
        report_unpublished, sender=CountryReportPage, dispatch_uid="site-search-unpublished"
    )
    post_migrate.connect(fill_empty_index, dispatch_uid="site-search-fill-empty-index")
