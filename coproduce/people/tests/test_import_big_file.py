"""Importing a whole file of 50,000 people through the import pages: every problem counted, all or nothing."""

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.asserts import assertContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import PeopleImport, Person
from coproduce.people.tests.import_batches import csv_file

ClientFor = Callable[[User], Client]

# --- A whole file of 50,000 people ---------------------------------------------------------

BIG = 50_000


def big_csv(bad_every: int | None = None) -> SimpleUploadedFile:
    lines = ["Full name,Email address,How involved,Phone"]
    for n in range(BIG):
        bad = bad_every is not None and n % bad_every == 0
        email = "not-an-email" if bad else f"person{n}@example.org"
        lines.append(f"Person {n},{email},member,01632 {n:06d}")
    return csv_file("\n".join(lines) + "\n", name="everyone.csv")


def upload_and_map(client: Client, upload: SimpleUploadedFile) -> PeopleImport:
    client.post("/people/import/", {"file": upload})
    batch = PeopleImport.objects.latest("pk")
    mapping = {
        "full_name": "0",
        "preferred_name": "",
        "kind": "2",
        "email": "1",
        "phone": "3",
        "organisation": "",
        "postal_address": "",
    }
    client.post(f"/people/import/{batch.pk}/columns/", mapping)
    return batch


def test_import_of_50000_rows_with_problems_counts_them_all_and_writes_nothing(
    amina: User, client_for: ClientFor
) -> None:
    client = client_for(amina)
    batch = upload_and_map(client, big_csv(bad_every=10))

    response = client.get(f"/people/import/{batch.pk}/check/")
    refused = client.post(f"/people/import/{batch.pk}/check/")

    assertContains(response, "The first 500 of 5,000 problems")
    assertContains(response, "and 4,500 more problems.")
    assertContains(response, '<dd class="govuk-summary-list__value">50,000</dd>')
    assert refused.status_code == 200
    assert Person.objects.count() == 1


def test_import_of_50000_clean_rows_adds_everyone_in_one_go(amina: User, client_for: ClientFor) -> None:
    client = client_for(amina)
    batch = upload_and_map(client, big_csv())

    page = client.get(f"/people/import/{batch.pk}/check/")
    response = client.post(f"/people/import/{batch.pk}/check/")

    assertContains(page, ">Import 50,000 people</button>")
    assertRedirects(response, "/people/", fetch_redirect_response=False)
    assert Person.objects.filter(recorded_by=amina).count() == BIG
    assert Person.objects.get(full_name="Person 49999").email == "person49999@example.org"
    assert AuditEvent.objects.get(action="people.imported").payload == {
        "count": BIG,
        "filename": "everyone.csv",
        "organisations_added": 0,
    }
