"""The charter pages: signing, signing for an organisation, withdrawing, publishing a new version."""

from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.communications.choices import MessageFormat
from coproduce.communications.models import ContactPreferences
from coproduce.learning.models import CharterVersion, OrganisationCommitment, Signature
from coproduce.learning.services.charter import sign_charter
from coproduce.people.models import CreditPreference, Organisation


def test_charter_page_shows_the_charter_and_signs_it(client_for, tom: User) -> None:
    client = client_for(tom)
    page = client.get("/learning/charter/")
    assertContains(page, '<h1 class="govuk-heading-l">The co-production charter</h1>', html=True)
    assertContains(page, "Read the Easy Read charter")

    response = client.post("/learning/charter/", {"agree": "on"})

    assert response.status_code == 302
    assert Signature.objects.get().person == tom.person
    assertContains(client.get("/learning/charter/"), "You signed this version on")


def test_charter_page_without_agreeing_shows_an_error_and_signs_nothing(client_for, tom: User) -> None:
    response = client_for(tom).post("/learning/charter/", {})

    assertContains(response, "<title>Error: ", status_code=200)
    assertContains(response, "Tick the box to say you agree to the charter")
    assert not Signature.objects.exists()


def test_signed_person_is_not_offered_to_sign_the_same_version_again(client_for, tom: User) -> None:
    sign_charter(by=tom)

    response = client_for(tom).post("/learning/charter/", {"agree": "on"})

    assertNotContains(response, "Sign the charter</button>")
    assert Signature.objects.count() == 1


def test_priya_signs_for_riverside_with_a_commitment(client_for, priya: User) -> None:
    response = client_for(priya).post(
        "/learning/charter/organisation/",
        {
            "organisation": priya.person.organisation_id,
            "agree": "on",
            "commitment": "We will respond to co-produced recommendations within 8 weeks",
            "response_days": "56",
        },
    )

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.on_behalf_of == Organisation.objects.get(name="Riverside Council")
    assert OrganisationCommitment.objects.get().response_days == 56


def test_signing_for_an_organisation_lists_only_those_she_represents(client_for, priya: User) -> None:
    """The form once listed every organisation and refused the wrong one only after it was sent."""
    other = Organisation.objects.create(name="Riverside NHS Trust")
    client = client_for(priya)

    page = client.get("/learning/charter/organisation/")
    response = client.post(
        "/learning/charter/organisation/", {"organisation": other.pk, "agree": "on", "commitment": "We will."}
    )

    assertContains(
        page, f'<option value="{priya.person.organisation_id}" selected>Riverside Council</option>', html=True
    )
    assertNotContains(page, "Riverside NHS Trust")
    assertContains(response, "Choose an organisation from the list")
    assert not Signature.objects.exists()
    assert not OrganisationCommitment.objects.exists()


def test_only_partner_representatives_sign_for_organisations(client_for, tom: User, amina: User) -> None:
    assert client_for(tom).get("/learning/charter/organisation/").status_code == 403
    assert client_for(amina).get("/learning/charter/organisation/").status_code == 403


def test_withdraw_removes_the_champion_at_once(client_for, client, tom: User) -> None:
    tom.person.credit_preference = CreditPreference.FULL_NAME
    tom.person.save()
    signature = sign_charter(by=tom)

    response = client_for(tom).post(f"/learning/charter/signatures/{signature.pk}/withdraw/")

    assert response.status_code == 302
    assertNotContains(client.get("/learning/champions/"), "Tom Hughes")


def test_withdraw_someone_elses_signature_is_forbidden(client_for, tom: User, dev: User) -> None:
    signature = sign_charter(by=tom)

    assert client_for(dev).post(f"/learning/charter/signatures/{signature.pk}/withdraw/").status_code == 403
    assert client_for(tom).get(f"/learning/charter/signatures/{signature.pk}/withdraw/").status_code == 405
    signature.refresh_from_db()
    assert signature.withdrawn_at is None


def test_admin_publishes_a_new_version(client_for, morgan: User, amina: User) -> None:
    assert client_for(amina).get("/learning/charter/new-version/").status_code == 403

    response = client_for(morgan).post(
        "/learning/charter/new-version/", {"text": "Version two.", "easy_read_text": "Easy two."}
    )

    assert response.status_code == 302
    assert CharterVersion.objects.order_by("-number").values_list("number", flat=True)[0] == 2


def test_someone_who_reads_easy_read_gets_the_charter_in_easy_read_first_not_folded(client_for, dev: User) -> None:
    """Dev reads Easy Read, and the charter's Easy Read version was folded away under the standard text."""
    ContactPreferences.objects.create(person=dev.person, message_format=MessageFormat.EASY_READ)
    version = CharterVersion.objects.get()

    html = client_for(dev).get("/learning/charter/").content.decode()

    assert '<h2 class="govuk-heading-m">The charter in Easy Read</h2>' in html
    easy_read = html.split("The charter in Easy Read", 1)[1].split("</div>", 1)[0]
    assert version.easy_read_text.splitlines()[0] in easy_read
    assert "Read the standard charter" in html
    assert "Read the Easy Read charter" not in html
    # Asking for the standard version of the page gives it first, as on every page with an Easy Read version.
    assert "Read the Easy Read charter" in client_for(dev).get("/learning/charter/?version=standard").content.decode()
