"""Editors see a report's import warnings in the page editor."""

import pytest
from django.urls import reverse

from landmine_monitor.reports.models import CountryReportPage

pytestmark = pytest.mark.django_db


def test_the_editor_shows_import_warnings_read_only(admin_client):
    page = CountryReportPage.objects.get(edition__year=1999, country__iso3="PRK")
    page.import_warnings = [{"message": "footnote 9 is never cited", "where": "line 40"}]
    page.save()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert b"footnote 9 is never cited" in response.content
