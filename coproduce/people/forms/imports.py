"""Forms for bringing people in from a spreadsheet, and for downloading the people list."""

from typing import Any

from django import forms

from coproduce.accounts.models import User
from coproduce.people.filters import find_people
from coproduce.people.models import PeopleImport, PersonQuerySet
from coproduce.people.services.import_check import FULL_NAME, IMPORT_FIELDS, KIND, KIND_LIST, guess_mapping, heading_of
from coproduce.people.spreadsheets import MAX_UPLOAD_BYTES, TOO_BIG, SpreadsheetError, Table, read_table

DO_NOT_IMPORT = ""


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV or Excel (.xlsx) file, smaller than 10 MB. The first row must have the column headings.",
        error_messages={
            "required": "Select a CSV or Excel (.xlsx) file",
            "invalid": "Select a CSV or Excel (.xlsx) file",
            "missing": "Select a CSV or Excel (.xlsx) file",
            "empty": "The selected file is empty",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.table: Table | None = None

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(TOO_BIG)
        try:
            self.table = read_table(upload.name, upload.read())
        except SpreadsheetError as error:
            raise forms.ValidationError(error.message) from None
        return upload

    def save(self, *, by: User) -> PeopleImport:
        """Keep the file's headings and rows for the next steps."""
        assert self.table is not None  # noqa: S101 - only called on a valid form
        return PeopleImport.objects.create(
            uploaded_by=by, filename=self.cleaned_data["file"].name, headers=self.table.headers, rows=self.table.rows
        )


# The messages when a field that every person needs has no column.
REQUIRED_COLUMNS = {
    FULL_NAME: "Select the column with each person's full name",
    KIND: "Select the column that says how each person is involved",
}
COLUMN_LABELS = {
    FULL_NAME: "Full name",
    "preferred_name": "Preferred name (optional)",
    KIND: "How they are involved",
    "email": "Email address (optional)",
    "phone": "Phone number (optional)",
    "organisation": "Organisation name (optional)",
    "postal_address": "Postal address (optional)",
}
COLUMN_HINTS = {
    KIND: f"Each row must say one of: {KIND_LIST}",
    "organisation": "Organisations not recorded yet are added when you import",
}


class ColumnsForm(forms.Form):
    """Which column of the file holds each of the things Coproduce records about a person."""

    def __init__(self, *args: Any, batch: PeopleImport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.batch = batch
        choices = [(DO_NOT_IMPORT, "Do not import")] + [
            (str(index), heading_of(batch, index)) for index in range(len(batch.headers))
        ]
        chosen = batch.mapping or guess_mapping(batch.headers)
        for import_field in IMPORT_FIELDS:
            key = import_field.key
            index = chosen.get(key)
            self.fields[key] = forms.ChoiceField(
                label=COLUMN_LABELS[key],
                help_text=COLUMN_HINTS.get(key, ""),
                choices=choices,
                required=False,
                initial=DO_NOT_IMPORT if index is None else str(index),
                error_messages={"invalid_choice": "Select a column from the list"},
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen_by: dict[str, str] = {}
        for import_field in IMPORT_FIELDS:
            key = import_field.key
            if self.has_error(key):
                continue
            column = data.get(key, DO_NOT_IMPORT)
            if column == DO_NOT_IMPORT:
                if key in REQUIRED_COLUMNS:
                    self.add_error(key, REQUIRED_COLUMNS[key])
            elif column in chosen_by:
                self.add_error(key, f"You have chosen this column for {chosen_by[column]} already")
            else:
                chosen_by[column] = COLUMN_LABELS[key].removesuffix(" (optional)").lower()
        return data

    def save(self) -> PeopleImport:
        self.batch.mapping = {
            import_field.key: (
                None
                if self.cleaned_data[import_field.key] == DO_NOT_IMPORT
                else int(self.cleaned_data[import_field.key])
            )
            for import_field in IMPORT_FIELDS
        }
        self.batch.save(update_fields=["mapping"])
        return self.batch


class ConfirmImportForm(forms.Form):
    """The "Import N people" button: no fields, only the decision."""


class ExportForm(forms.Form):
    """The file format, and the same filters as the people list (carried over as hidden fields)."""

    FORMATS = ("csv", "xlsx")

    format = forms.CharField(required=False)
    q = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    kind = forms.CharField(required=False, widget=forms.HiddenInput)
    organisation = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("format") and data["format"] not in self.FORMATS:
            self.add_error(None, "Choose CSV or Excel (.xlsx)")
        return data

    @property
    def wants_file(self) -> bool:
        """True when a format was chosen (and the form is valid)."""
        return self.is_valid() and bool(self.cleaned_data["format"])

    def people(self, user: User) -> PersonQuerySet:
        """The people ``user`` may see, filtered as asked (filters that make no sense are ignored)."""
        # The list's own filters, less the one by access need: a file of the people with a given
        # need would itself be special category data.
        _, people = find_people(user, self.data, by_access_need=False)
        return people
