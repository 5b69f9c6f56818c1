"""Forms of the workroom: the progress board's filters and the draft upload."""

from __future__ import annotations

from django import forms

from landmine_monitor.database.countries.models import Region
from landmine_monitor.database.editions.models import Edition

from .selectors import ReportState, current_edition
from .services import MAX_UPLOAD_BYTES


def edition_choices() -> list[tuple[int, str]]:
    return [(e.year, e.title) for e in Edition.objects.order_by("-year")]


class EditionField(forms.TypedChoiceField):
    """An edition, by year; the current edition when left empty."""

    def __init__(self, **kwargs):
        super().__init__(choices=edition_choices, coerce=int, required=False, empty_value=None, **kwargs)


class EditionForm(forms.Form):
    edition = EditionField(label="Edition")

    @classmethod
    def read(cls, data):
        """The form bound to `data`, and the edition it names (None when it is not valid)."""
        form = cls(data)
        return form, form.cleaned_data["edition"] if form.is_valid() else None

    def clean_edition(self):
        year = self.cleaned_data["edition"]
        edition = Edition.objects.filter(year=year).first() if year is not None else current_edition()
        if edition is None:
            raise forms.ValidationError("There is no edition yet: an editor creates one first.")
        return edition


class BoardFilters(EditionForm):
    region = forms.ChoiceField(label="Region", choices=[("", "All regions"), *Region.choices], required=False)
    state = forms.ChoiceField(
        label="State", choices=[("", "All states"), *ReportState.choices], required=False
    )


class UploadForm(EditionForm):
    file = forms.FileField(
        label="Word (.docx) or Markdown (.md) file",
        help_text=f"It replaces your draft of the country it is about, as a new revision (at most "
        f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB); nothing is published.",
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.md,.markdown"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].widget = forms.HiddenInput()
