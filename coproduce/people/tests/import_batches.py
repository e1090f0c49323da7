"""Spreadsheet rows, files and import batches for the people import tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

from coproduce.accounts.models import User
from coproduce.people.models import PeopleImport
from coproduce.people.services.import_check import guess_mapping

HEADERS = ["Full name", "Known as", "How involved", "Email address", "Phone", "Organisation", "Address"]


def row(
    name: str = "Ruth Evans",
    *,
    known_as: str = "",
    kind: str = "carer",
    email: str = "",
    phone: str = "",
    organisation: str = "",
    address: str = "",
) -> list[str]:
    return [name, known_as, kind, email, phone, organisation, address]


def make_batch(user: User, *rows: list[str], headers: list[str] = HEADERS) -> PeopleImport:
    return PeopleImport.objects.create(
        uploaded_by=user, filename="members.csv", headers=headers, rows=list(rows), mapping=guess_mapping(headers)
    )


def csv_file(text: str, name: str = "members.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")
