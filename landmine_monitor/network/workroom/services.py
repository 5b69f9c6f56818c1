"""Writing the year's work: a researcher's draft replaced by an uploaded file.

The upload goes through the project's importers (`reports.importers`: Word `.docx` or the
Markdown authoring format, picked by the file's type) and `reports.services.save_report`, as
one transaction: a new revision of the report, never published, written to Wagtail's audit log
with the file's name and the importer's warnings (`workroom.upload`).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.log_actions import log

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.countries.selectors import AmbiguousCountry, UnknownCountry, resolve_country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.network.permissions import coverage
from landmine_monitor.reports.document import ReportDocument, Warning
from landmine_monitor.reports.importers import ImportFailed, importer_for
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import save_report

UPLOAD_ACTION = "workroom.upload"
# The file types a draft may be uploaded as, and the importer that reads each.
UPLOAD_TYPES = {".docx": "word", ".md": "markdown", ".markdown": "markdown"}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class UploadRefused(ValueError):
    """An upload that changes nothing; the message says why, naming the file."""


@dataclass
class UploadResult:
    report: CountryReportPage
    created: bool
    file_name: str
    warnings: list[Warning] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


def _safe_name(name: str) -> str:
    """The uploaded file's own name, without folders, as shown back to the user."""
    return Path(name.replace("\\", "/")).name.strip() or "upload"


def read_upload(uploaded) -> ReportDocument:
    """The one report in an uploaded file, or UploadRefused naming the file (and the line)."""
    name = _safe_name(uploaded.name)
    suffix = Path(name).suffix.casefold()
    if suffix not in UPLOAD_TYPES:
        raise UploadRefused(f"{name}: upload a Word document (.docx) or a Markdown file (.md).")
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise UploadRefused(f"{name}: the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    with tempfile.TemporaryDirectory(prefix="lm-upload-") as folder:
        path = Path(folder) / re.sub(r"[^\w.-]+", "-", name)
        with path.open("wb") as handle:
            for chunk in uploaded.chunks():
                handle.write(chunk)
        try:
            importer = importer_for(path)
            if importer.name != UPLOAD_TYPES[suffix]:
                raise ImportFailed(f"{path}: not a {UPLOAD_TYPES[suffix]} file")
            documents = importer.read(path)
        except ImportFailed as error:
            raise UploadRefused(str(error).replace(str(path), name)) from None
    if len(documents) != 1:
        titles = ", ".join(doc.title or doc.country_name for doc in documents)
        raise UploadRefused(
            f"{name}: the file holds {len(documents)} reports ({titles}); "
            "upload one country's report at a time."
        )
    [document] = documents
    document.source_file = name
    return document


def _country_of(document: ReportDocument, name: str) -> Country:
    if not document.country_name:
        raise UploadRefused(f"{name}: the file does not say which country it is about (see the title line).")
    try:
        return resolve_country(document.country_name)
    except UnknownCountry:
        raise UploadRefused(f"{name}: no country or area is called {document.country_name!r}.") from None
    except AmbiguousCountry as error:
        raise UploadRefused(f"{name}: {error}") from None


def upload_draft(user, uploaded, *, edition: Edition) -> UploadResult:
    """Replace the user's draft of the country the file is about, in `edition`, by the file."""
    document = read_upload(uploaded)
    name = document.source_file
    country = _country_of(document, name)
    if coverage(user, edition.pk, country) is None:
        raise UploadRefused(
            f"{name} is the report on {country.name}, which is not among your assignments in the "
            f"{edition.year} edition. Nothing was saved."
        )
    existing = CountryReportPage.objects.filter(country=country, edition=edition).first()
    if existing is not None:
        lock = existing.get_lock()
        if lock is not None and lock.for_user(user):
            task = existing.current_workflow_task
            where = f'in review at "{task.name}"' if task is not None else "locked"
            raise UploadRefused(
                f"The {edition.year} report on {country.name} is {where}: it cannot be replaced until "
                f"{'the reviewers request changes' if task is not None else 'it is unlocked'}. "
                "Nothing was saved."
            )
    with transaction.atomic():
        saved = save_report(document, country=country, edition=edition, user=user)
        log(
            instance=saved.page,
            action=UPLOAD_ACTION,
            user=user,
            data={
                "file": name,
                "warnings": [str(w) for w in document.warnings],
                "changes": saved.changes,
            },
            revision=saved.page.latest_revision,
        )
    return UploadResult(saved.page, saved.created, name, list(document.warnings), saved.changes)
