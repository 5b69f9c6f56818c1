"""What the search page may be asked for (`/search/?q=&edition=&region=&status=&kind=&page=`, a
field per facet of `reports.search.facets.FACETS`); a value it cannot use gets a message naming
its field. The API checks the same parameters through its typed schema (`api/search_schemas.py`)."""

from __future__ import annotations

from django import forms

from landmine_monitor.reports.search.facets import FACETS
from landmine_monitor.reports.search.query import MAX_PAGE, MAX_QUERY_LENGTH
from landmine_monitor.reports.search.selectors import Filters


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the country reports", required=False, max_length=MAX_QUERY_LENGTH)
    # the facets' fields come here (see __init__)
    page = forms.IntegerField(
        label="Page",
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={"invalid": "The page is a whole number, from 1."},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        page = self.fields.pop("page")
        for facet in FACETS:
            self.fields[facet.name] = facet.form_field()
        self.fields["page"] = page

    def filters(self) -> Filters:
        return Filters(**{facet.name: self.cleaned_data.get(facet.name) for facet in FACETS})

    def problems(self) -> list[str]:
        """Each error as a sentence that names its field."""
        return [
            f"{self.fields[name].label}: {message}"
            for name, messages in self.errors.items()
            for message in messages
        ]
