import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.contributions.models import Contribution, ContributionKind, ContributionResponse, Outcome, Thanks
from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.people.tests.factories import PersonFactory


def test_coordinator_records_a_contribution_from_notes(dev_attended, amina, client_for):
    url = reverse("contributions:activity", kwargs={"pk": dev_attended.activity_id})

    response = client_for(amina).post(
        url, {"person": dev_attended.person_id, "kind": "idea", "summary": "Lower the kerb", "credit": "full_name"}
    )

    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert (contribution.person, contribution.credit, contribution.activity) == (
        dev_attended.person,
        "full_name",
        dev_attended.activity,
    )
    page = client_for(amina).get(url).content.decode()
    assert "Lower the kerb" in page
    assert "Waiting for an answer" in page


def test_recording_for_someone_who_did_not_attend_is_refused(dev_attended, tom, amina, client_for):
    url = reverse("contributions:activity", kwargs={"pk": dev_attended.activity_id})

    response = client_for(amina).post(url, {"person": tom.person.pk, "kind": "idea", "summary": "x"})

    assert response.status_code == 200
    assert "Choose a person from the list" in response.content.decode()
    assert not Contribution.objects.exists()


def test_not_adopted_without_reason_shows_error_summary_and_writes_nothing(graces_idea, amina, client_for):
    url = reverse("contributions:respond", kwargs={"pk": graces_idea.pk})

    response = client_for(amina).post(url, {"outcome": "not_adopted", "explanation": " "})

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "<title>Error: " in page
    assert "Say why it was not adopted" in page
    assert not ContributionResponse.objects.exists()


def test_answer_is_saved_and_history_shown(graces_idea, amina, client_for):
    url = reverse("contributions:respond", kwargs={"pk": graces_idea.pk})
    client = client_for(amina)

    client.post(url, {"outcome": "under_consideration", "explanation": ""})
    response = client.post(url, {"outcome": "adopted", "explanation": "Benches ordered."})

    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "(the current answer)" in page
    assert page.index("Adopted") < page.index("Still under consideration")


def test_tampered_ids_are_not_found(amina, dev, client_for, db):
    assert client_for(amina).get(reverse("contributions:respond", kwargs={"pk": 999999})).status_code == 404
    assert client_for(amina).get(reverse("contributions:activity", kwargs={"pk": 999999})).status_code == 404
    assert client_for(amina).get(reverse("contributions:thanks", kwargs={"pk": 999999})).status_code == 404
    missing = reverse("contributions:document", kwargs={"pk": 999999, "kind": "letter"})
    assert client_for(dev).get(missing).status_code == 404


def test_someone_elses_letter_is_refused(dev_attended, grace_attended, dev, client_for):
    url = reverse("contributions:document", kwargs={"pk": grace_attended.pk, "kind": "certificate"})
    unknown_kind = reverse("contributions:document", kwargs={"pk": dev_attended.pk, "kind": "poster"})

    assert client_for(dev).get(url).status_code == 403
    assert client_for(dev).get(unknown_kind).status_code == 404


def test_thanks_for_an_attendance_of_another_activity_is_refused(dev_attended, amina, client_for):
    elsewhere = AttendanceFactory.create()
    url = reverse("contributions:thanks", kwargs={"pk": dev_attended.activity_id})

    response = client_for(amina).post(url, {"attendances": [elsewhere.pk], "method": "letter"})

    assert "Choose people from the list" in response.content.decode()
    assert not Thanks.objects.exists()


def test_thanks_page_records_and_shows_thanks(dev_attended, amina, client_for):
    url = reverse("contributions:thanks", kwargs={"pk": dev_attended.activity_id})

    client_for(amina).post(url, {"attendances": [dev_attended.pk], "method": "letter"})
    again = client_for(amina).post(url, {"attendances": [dev_attended.pk], "method": "letter"})

    assert Thanks.objects.get().method == "letter"
    assert "already been thanked this way" in again.content.decode()


def test_thanks_page_ticks_everyone_not_yet_thanked_and_thanks_them_together(dev_attended, amina, grace, client_for):
    grace_attended = AttendanceFactory.create(activity=dev_attended.activity, person=grace.person)
    url = reverse("contributions:thanks", kwargs={"pk": dev_attended.activity_id})

    form = client_for(amina).get(url).content.decode()
    response = client_for(amina).post(
        url, {"attendances": [dev_attended.pk, grace_attended.pk], "method": "email"}, follow=True
    )

    assert form.count('type="checkbox"') == 2
    assert form.count(" checked") == 2
    assert "Saved: Devendra Patel, Grace Okafor thanked by email." in response.content.decode()
    assert Thanks.objects.filter(method="email").count() == 2


def test_person_records_own_contribution(dev_attended, dev, client_for):
    response = client_for(dev).post(
        reverse("contributions:add_own"),
        {
            "project": dev_attended.activity.project_id,
            "activity": dev_attended.activity_id,
            "kind": "feedback",
            "summary": "Good day",
        },
    )

    assert response.status_code == 302
    assert Contribution.objects.get().recorded_by == dev


def test_own_contribution_to_a_project_not_theirs_is_refused(dev_attended, tom, client_for):
    response = client_for(tom).post(
        reverse("contributions:add_own"), {"project": dev_attended.activity.project_id, "kind": "idea", "summary": "x"}
    )

    assert "Choose a project from the list" in response.content.decode()
    assert not Contribution.objects.exists()


def make_contributions(count, attendance, by):
    for number in range(count):
        contribution = Contribution.objects.create(
            person=attendance.person,
            project=attendance.activity.project,
            activity=attendance.activity,
            kind="idea",
            summary=f"Idea {number}",
            recorded_by=by,
        )
        ContributionResponse.objects.create(contribution=contribution, outcome=Outcome.ADOPTED, responded_by=by)


@pytest.mark.parametrize("name", ["contributions:yours", "contributions:changed_things"])
def test_own_lists_have_bounded_queries(name, grace_attended, grace, amina, client_for, django_assert_max_num_queries):
    client = client_for(grace)
    make_contributions(2, grace_attended, amina)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse(name))
    make_contributions(20, grace_attended, amina)
    for _ in range(5):
        AttendanceFactory.create(person=grace.person)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(name))

    assert "Idea 19" in response.content.decode()


@pytest.mark.parametrize("name", ["contributions:activity", "contributions:thanks"])
def test_coordinator_lists_have_bounded_queries(name, grace_attended, amina, client_for, django_assert_max_num_queries):
    client = client_for(amina)
    url = reverse(name, kwargs={"pk": grace_attended.activity_id})
    make_contributions(2, grace_attended, amina)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    make_contributions(20, grace_attended, amina)
    for _ in range(10):
        AttendanceFactory.create(activity=grace_attended.activity, person=PersonFactory.create())

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_overdue_has_bounded_queries(graces_idea, amina, client_for, django_assert_max_num_queries, settings):
    settings.COPRODUCE_CONTRIBUTION_RESPONSE_DAYS = 0
    client = client_for(amina)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("contributions:overdue"))
    for number in range(20):
        Contribution.objects.create(
            person=graces_idea.person,
            project=graces_idea.project,
            kind="idea",
            summary=f"Old {number}",
            recorded_by=amina,
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("contributions:overdue"))

    assert "Old 19" in response.content.decode()


def test_manage_activity_prompts_after_the_activity(dev_attended, amina, client_for):
    page = client_for(amina).get(reverse("involvement:manage_activity", kwargs={"pk": dev_attended.activity_id}))

    assert "After the activity" in page.content.decode()
    assert reverse("contributions:thanks", kwargs={"pk": dev_attended.activity_id}) in page.content.decode()


@pytest.mark.parametrize("kind", ContributionKind.values)
def test_answer_links_name_the_kind_without_an_article(kind, grace_attended, amina, client_for):
    """Once "Answer Grace Okafor's an idea": each kind now reads as a noun after the name."""
    Contribution.objects.create(
        person=grace_attended.person,
        project=grace_attended.activity.project,
        activity=grace_attended.activity,
        kind=kind,
        summary="Put a bench at every stop.",
        recorded_by=amina,
        recorded_at=timezone.now() - timedelta(days=60),
    )
    name = grace_attended.person.full_name
    expected = {
        "idea": "idea",
        "feedback": "feedback",
        "concern": "concern",
        "insight": "lived-experience insight",
        "document_review": "review of a document",
        "design": "design",
    }[kind]

    for url in (
        reverse("contributions:activity", kwargs={"pk": grace_attended.activity_id}),
        reverse("contributions:overdue"),
    ):
        page = html.unescape(client_for(amina).get(url).content.decode())
        assert f'Answer<span class="govuk-visually-hidden"> {name}\'s {expected}</span>' in page, url
        assert f"{name}'s a" not in page, url


def test_recording_for_someone_else_asks_how_to_name_them_not_me(dev_attended, dev, amina, client_for):
    """Once "My full name / My initials" when Amina recorded what Dev said: the choices are his, in her words."""
    staff_page = client_for(amina).get(reverse("contributions:activity", kwargs={"pk": dev_attended.activity_id}))
    own_page = client_for(dev).get(reverse("contributions:add_own"))

    staff, own = staff_page.content.decode(), own_page.content.decode()
    for label in ("Their full name", "Their initials", "Do not name them", "As they usually choose"):
        assert label in staff
    assert "My full name" not in staff
    assert "My initials" not in staff
    for label in ("My full name", "My initials", "Do not name me", "As I usually choose"):
        assert label in own
    assert "Their full name" not in own
