from datetime import date, timedelta

from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import (
    CharterVersion,
    Course,
    Induction,
    OrganisationCommitment,
    Recommendation,
    Signature,
    TrainingRecord,
)
from coproduce.learning.services import plan_session, sign_charter, sign_for_organisation
from coproduce.people.models import CreditPreference, Organisation
from coproduce.projects.models import Project
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title


def what_coproduction_is() -> Course:
    return Course.objects.get(title="What co-production is")


def attended_session(amina: User, *people: User):
    starts = timezone.now() + timedelta(days=1)
    session = plan_session(
        what_coproduction_is(),
        activity=Activity(starts_at=starts, ends_at=starts + timedelta(hours=2), format="online"),
        by=amina,
    )
    for user in people:
        Attendance.objects.create(activity=session.activity, person=user.person, minutes=120, recorded_by=amina)
    return session


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


def test_signing_for_another_organisation_is_refused_with_a_clear_message(client_for, priya: User) -> None:
    other = Organisation.objects.create(name="Riverside NHS Trust")

    response = client_for(priya).post(
        "/learning/charter/organisation/", {"organisation": other.pk, "agree": "on", "commitment": "We will."}
    )

    assertContains(response, "Only an authorised representative of Riverside NHS Trust can sign for it.")
    assert not Signature.objects.exists()
    assert not OrganisationCommitment.objects.exists()


def test_only_partner_representatives_sign_for_organisations(client_for, tom: User, amina: User) -> None:
    assert client_for(tom).get("/learning/charter/organisation/").status_code == 403
    assert client_for(amina).get("/learning/charter/organisation/").status_code == 403


def test_champions_page_is_public_and_honours_credit_choices(client, tom: User, dev: User, grace: User) -> None:
    tom.person.credit_preference = CreditPreference.FULL_NAME
    tom.person.save()
    grace.person.credit_preference = CreditPreference.INITIALS
    grace.person.save()
    for user in (tom, dev, grace):
        sign_charter(by=user)

    response = client.get("/learning/champions/")

    assertContains(response, "<li>Tom Hughes</li>", html=True)
    assertContains(response, "<li>G. O.</li>", html=True)
    assertNotContains(response, "Devendra")
    assertContains(response, "And 1 person who chose not to be named.")


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


def test_coverage_page_shows_counts_by_group_without_names(
    client_for, everyone: dict[str, User], django_assert_max_num_queries
) -> None:
    sign_charter(by=everyone["tom"])
    client = client_for(everyone["amina"])
    client.get("/learning/coverage/")

    with django_assert_max_num_queries(10):
        response = client.get("/learning/coverage/")

    assertContains(
        response, '<caption class="govuk-table__caption govuk-table__caption--m">Coverage by group</caption>', html=True
    )
    assertContains(response, '<th scope="row" class="govuk-table__header">Allies</th>', html=True)
    assertNotContains(response, "Tom Hughes")
    assert client_for(everyone["tom"]).get("/learning/coverage/").status_code == 403


def test_completion_then_certificate_pdf(client_for, amina: User, tom: User) -> None:
    session = attended_session(amina, tom)

    empty = client_for(amina).post(f"/learning/sessions/{session.pk}/completion/", {})
    assertContains(empty, "Select who completed the course")
    response = client_for(amina).post(
        f"/learning/sessions/{session.pk}/completion/",
        {"people": [tom.person.pk], "completed_on_day": "1", "completed_on_month": "12", "completed_on_year": "2026"},
    )

    assert response.status_code == 302
    record = TrainingRecord.objects.get()
    assert record.completed_on == date(2026, 12, 1)
    pdf = client_for(tom).get(f"/learning/records/{record.pk}/certificate.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    content = pdf.content
    assert pdf_is_tagged(content)
    assert pdf_title(content) == "Certificate of completion: What co-production is"
    assert pdf_language(content) == "en-GB"
    text = pdf_text(content)
    order = [
        text.index("Certificate of completion"),
        text.index("Tom Hughes"),
        text.index("What co-production is"),
        text.index("1 December 2026"),
    ]
    assert order == sorted(order)
    assert client_for(amina).get(f"/learning/records/{record.pk}/certificate.pdf").status_code == 200


def test_someone_else_cannot_see_a_certificate_or_answer_confidence(
    client_for, amina: User, tom: User, dev: User
) -> None:
    record = TrainingRecord.objects.create(
        person=tom.person, course=what_coproduction_is(), completed_on=date(2026, 12, 1), recorded_by=amina
    )

    assert client_for(dev).get(f"/learning/records/{record.pk}/certificate.pdf").status_code == 403
    assert client_for(dev).get(f"/learning/records/{record.pk}/confidence/").status_code == 403
    assert client_for(amina).get(f"/learning/records/{record.pk}/confidence/").status_code == 403


def test_person_answers_the_confidence_question(client_for, amina: User, tom: User) -> None:
    record = TrainingRecord.objects.create(
        person=tom.person, course=what_coproduction_is(), completed_on=date(2026, 12, 1), recorded_by=amina
    )
    client = client_for(tom)

    assertContains(
        client.post(f"/learning/records/{record.pk}/confidence/", {}), "Select how confident you were before"
    )
    response = client.post(f"/learning/records/{record.pk}/confidence/", {"before": "2", "after": "4"})

    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.confidence_before, record.confidence_after) == (2, 4)
    assertContains(client.get("/learning/records/"), "Before: A little confident. Now: Confident.")


def test_inductions_page_lists_members_without_one_and_records_one(
    client_for, amina: User, dev: User, grace: User
) -> None:
    client = client_for(amina)
    page = client.get("/learning/inductions/")
    assertContains(page, "Devendra Patel")

    response = client.post(
        "/learning/inductions/",
        {
            "person": dev.person.pk,
            "inducted_on_day": "2",
            "inducted_on_month": "11",
            "inducted_on_year": "2026",
            "notes": "Likes pictures.",
        },
    )

    assert response.status_code == 302
    assert Induction.objects.get().person == dev.person
    assertContains(client.post("/learning/inductions/", {}), "Choose the member")


def test_recommendations_page_records_and_lists_overdue(
    client_for, amina: User, priya: User, bus_stops: Project
) -> None:
    sign_for_organisation(Organisation.objects.get(name="Riverside Council"), commitments=[], by=priya)
    client = client_for(amina)

    assertContains(client.post("/learning/recommendations/", {}), "Say what was recommended")
    response = client.post(
        "/learning/recommendations/",
        {
            "project": bus_stops.pk,
            "organisation": priya.person.organisation_id,
            "text": "Lower the kerbs at every stop.",
            "sent_on_day": "1",
            "sent_on_month": "1",
            "sent_on_year": "2025",
        },
    )

    assert response.status_code == 302
    recommendation = Recommendation.objects.get()
    page = client.get("/learning/recommendations/")
    assertContains(page, "Answers overdue")
    assertContains(page, "Lower the kerbs at every stop.")
    answer = client.post(
        f"/learning/recommendations/{recommendation.pk}/answer/",
        {"responded_on_day": "1", "responded_on_month": "2", "responded_on_year": "2025", "response": "We agree."},
    )
    assert answer.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.response == "We agree."


def test_course_catalogue_and_session_planning(client_for, amina: User, tom: User) -> None:
    course = what_coproduction_is()
    assertContains(client_for(tom).get("/learning/courses/"), "Checking Easy Read")
    assert client_for(tom).get(f"/learning/courses/{course.pk}/sessions/new/").status_code == 403
    starts = timezone.localdate() + timedelta(days=20)

    assertContains(
        client_for(amina).post(f"/learning/courses/{course.pk}/sessions/new/", {}), "Enter the date and time it starts"
    )
    response = client_for(amina).post(
        f"/learning/courses/{course.pk}/sessions/new/",
        {
            "starts_at_day": starts.day,
            "starts_at_month": starts.month,
            "starts_at_year": starts.year,
            "starts_at_time": "10am",
            "ends_at_day": starts.day,
            "ends_at_month": starts.month,
            "ends_at_year": starts.year,
            "ends_at_time": "12pm",
            "format": "online",
        },
    )

    assert response.status_code == 302
    assertContains(client_for(tom).get(f"/learning/courses/{course.pk}/"), "Sessions coming up")
    assert Activity.objects.get(kind="training").title == "What co-production is"
