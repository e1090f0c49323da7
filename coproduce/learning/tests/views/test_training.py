"""The training pages: courses, sessions, completion, certificates, confidence."""

from datetime import date, timedelta

from django.utils import timezone
from pytest_django.asserts import assertContains

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import Course, TrainingRecord
from coproduce.learning.services.training import plan_session
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title
from coproduce.tests.world import started


def what_coproduction_is() -> Course:
    return Course.objects.get(title="What co-production is")


def attended_session(amina: User, *people: User):
    starts = timezone.now() + timedelta(days=1)
    session = plan_session(
        what_coproduction_is(),
        activity=Activity(starts_at=starts, ends_at=starts + timedelta(hours=2), format="online"),
        by=amina,
    )
    started(session.activity)  # the session has begun: attendance and completion can be recorded
    for user in people:
        Attendance.objects.create(activity=session.activity, person=user.person, minutes=120, recorded_by=amina)
    return session


def completed_on(day: date) -> dict[str, str]:
    return {"completed_on_day": str(day.day), "completed_on_month": str(day.month), "completed_on_year": str(day.year)}


def test_a_completion_dated_before_the_session_or_in_the_future_is_refused_beside_the_date(
    client_for, amina: User, tom: User
) -> None:
    session = attended_session(amina, tom)
    url = f"/learning/sessions/{session.pk}/completion/"
    # The session started an hour ago: just after midnight, that was yesterday.
    session_day = timezone.localdate(session.activity.starts_at)

    for day in (session_day - timedelta(days=1), timezone.localdate() + timedelta(days=1)):
        response = client_for(amina).post(url, {"people": [tom.person.pk], **completed_on(day)})
        assertContains(response, "The date must be between the session,")
        assertContains(response, 'class="govuk-error-message"')

    assert not TrainingRecord.objects.exists()


def test_completion_then_certificate_pdf(client_for, amina: User, tom: User) -> None:
    session = attended_session(amina, tom)

    empty = client_for(amina).post(f"/learning/sessions/{session.pk}/completion/", {})
    assertContains(empty, "Select who completed the course")
    response = client_for(amina).post(
        f"/learning/sessions/{session.pk}/completion/",
        {"people": [tom.person.pk], **completed_on(timezone.localdate())},
    )

    assert response.status_code == 302
    record = TrainingRecord.objects.get()
    assert record.completed_on == timezone.localdate()
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
        text.index(f"{timezone.localdate():%-d %B %Y}"),
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
