"""The report editor's form: a footnote written or changed in the browser cites its sources."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class CountryReportForm(WagtailAdminPageForm):
    def save(self, commit=True):
        """Read every footnote's sources from its text again, as an import does, so that a new
        note or a changed one is linked to the Sources it cites (and an "Ibid." to those of the
        note it repeats) in the revision saved, before anyone publishes it."""
        from .services import cite_footnotes

        page = super().save(commit=False)
        cite_footnotes(list(page.footnotes.all()))
        if commit:
            page.save()
        return page
