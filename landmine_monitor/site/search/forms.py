"""What the search page may be asked for (`/search/?q=&edition=&region=&status=&kind=&page=`); a
value it cannot use gets a message naming its field. The API checks the same parameters through
its typed schema (`api.py`)."""

from __future__ import annotations

from django import forms

from landmine_monitor.database.countries.models import Region
from landmine_monitor.reports.search.query import MAX_PAGE, MAX_QUERY_LENGTH
from landmine_monitor.reports.search.selectors import KIND_LABELS, STATUS_LABELS, Filters


def _choices(labels: dict[str, str]) -> list[tuple[str, str]]:
    return [("", "Any"), *labels.items()]


def _invalid(field: str, labels: dict[str, str]) -> str:
    return f"There is no {field} “%(value)s”. Choose one of: {', '.join(labels)}."


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the country reports", required=False, max_length=MAX_QUERY_LENGTH)
    edition = forms.IntegerField(
        label="Edition",
        required=False,
        min_value=1999,
        max_value=2999,
        error_messages={"invalid": "The edition is a year, such as 1999."},
    )
    region = forms.ChoiceField(
        label="Region",
        required=False,
        choices=_choices(dict(Region.choices)),
        error_messages={"invalid_choice": _invalid("region", dict(Region.choices))},
    )
    status = forms.ChoiceField(
        label="Treaty status",
        required=False,
        choices=_choices(STATUS_LABELS),
        error_messages={"invalid_choice": _invalid("treaty status", STATUS_LABELS)},
    )
    kind = forms.ChoiceField(
        label="Section",
        required=False,
        choices=_choices(KIND_LABELS),
        error_messages={"invalid_choice": _invalid("section kind", KIND_LABELS)},
    )
    page = forms.IntegerField(
        label="Page",
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={"invalid": "The page is a whole number, from 1."},
    )

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            edition=data.get("edition"),
            region=data.get("region") or None,
            status=data.get("status") or None,
            kind=data.get("kind") or None,
        )

    def problems(self) -> list[str]:
        """Each error as a sentence that names its field."""
        return [
            f"{self.fields[name].label}: {message}"
            for name, messages in self.errors.items()
            for message in messages
        ]
