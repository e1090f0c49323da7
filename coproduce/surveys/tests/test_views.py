import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.decisions.models import GroupMember, ProjectGroup
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.models import AccessNeed, AccessProfile
from coproduce.projects.models import Project
from coproduce.surveys.choices import Answer, Item
from coproduce.surveys.models import SurveyAnswer, SurveyCompletion, SurveyRound
from coproduce.surveys.tests.conftest import all_answers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_only_coordinators_open_rounds(
    persona: str, everyone: dict[str, User], client_for, past_workshop: Activity
) -> None:
    group = ProjectGroup.objects.create(project=past_workshop.project, name="Steering", created_by=everyone["amina"])
    GroupMember.objects.create(group=group, person=everyone["dev"].person)
    client: Client = client_for(everyone[persona])
    assert client.post(reverse("surveys:open_activity", kwargs={"pk": past_workshop.pk})).status_code == 403
    assert client.post(reverse("surveys:open_group", kwargs={"pk": group.pk})).status_code == 403
    assert not SurveyRound.objects.exists()


def test_signed_out_people_cannot_open_rounds(client: Client, past_workshop: Activity) -> None:
    response = client.post(reverse("surveys:open_activity", kwargs={"pk": past_workshop.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not SurveyRound.objects.exists()


def test_a_coordinator_opens_rounds_from_the_list(amina: User, client_for, past_workshop: Activity) -> None:
    group = ProjectGroup.objects.create(project=past_workshop.project, name="Steering", created_by=amina)
    GroupMember.objects.create(group=group, person=amina.person)
    client = client_for(amina)
    page = client.get(reverse("surveys:manage")).content.decode()
    assert "Bus stop walkabout" in page
    assert "Steering" in page
    response = client.post(reverse("surveys:open_activity", kwargs={"pk": past_workshop.pk}))
    survey_round = SurveyRound.objects.get(activity=past_workshop)
    assert response["Location"] == reverse("surveys:summary", kwargs={"pk": survey_round.pk})
    client.post(reverse("surveys:open_group", kwargs={"pk": group.pk}))
    assert SurveyRound.objects.filter(group=group).exists()
    # Opening again is refused with a message, and nothing changes.
    response = client.post(reverse("surveys:open_activity", kwargs={"pk": past_workshop.pk}), follow=True)
    assert "already has a survey" in response.content.decode()
    assert SurveyRound.objects.count() == 2
    assert client.get(reverse("surveys:open_activity", kwargs={"pk": past_workshop.pk})).status_code == 405


def test_dev_sees_easy_read_wording_and_answers(dev: User, client_for, survey_round: SurveyRound) -> None:
    profile, _ = AccessProfile.objects.get_or_create(person=dev.person)
    AccessNeed.objects.get_or_create(profile=profile, need="easy_read")
    client = client_for(dev)
    assert "Answer the survey about Bus stop walkabout" in client.get(reverse("surveys:yours")).content.decode()
    url = reverse("surveys:answer", kwargs={"pk": survey_round.pk})
    page = client.get(url).content.decode()
    assert "People listened to me." in page
    assert "Yes, a lot" in page
    assert "I felt listened to" not in page
    response = client.post(url, {**all_answers(Answer.AGREE), "comment": ""})
    assert response.status_code == 302
    assert SurveyAnswer.objects.get().listened == Answer.AGREE
    assert "There are no surveys for you" in client.get(reverse("surveys:yours")).content.decode()
    assert "You answered this survey" in client.get(url).content.decode()


def test_an_empty_answer_shows_errors_and_writes_nothing(grace: User, client_for, survey_round: SurveyRound) -> None:
    response = client_for(grace).post(reverse("surveys:answer", kwargs={"pk": survey_round.pk}), {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "There is a problem" in page
    assert "Choose an answer for “I felt listened to”" in page
    assert page.count("<fieldset") == len(Item.values)
    assert not SurveyAnswer.objects.exists()
    assert not SurveyCompletion.objects.exists()


def test_people_who_did_not_attend_cannot_answer(tom: User, client_for, survey_round: SurveyRound) -> None:
    assert client_for(tom).get(reverse("surveys:answer", kwargs={"pk": survey_round.pk})).status_code == 403


def test_a_coordinator_records_answers_by_phone(
    amina: User, tom: User, client_for, past_workshop: Activity, survey_round: SurveyRound
) -> None:
    Attendance.objects.create(activity=past_workshop, person=tom.person, minutes=60, recorded_by=amina)
    client = client_for(amina)
    url = reverse("surveys:record_by_phone", kwargs={"pk": survey_round.pk})
    assert "Tom" in client.get(url).content.decode()
    response = client.post(url, {"person": tom.person.pk, **all_answers(Answer.NEITHER)})
    assert response.status_code == 302
    answer = SurveyAnswer.objects.get()
    assert answer.by_phone
    assert answer.recorded_by == amina
    assert SurveyCompletion.objects.filter(person=tom.person).exists()


def test_results_are_for_coordinators_and_leads_with_hidden_small_counts(
    everyone: dict[str, User], client_for, survey_round: SurveyRound, bus_stops: Project
) -> None:
    SurveyAnswer.objects.create(
        round=survey_round, **all_answers(Answer.AGREE), answered_on=survey_round.opens_at.date()
    )
    url = reverse("surveys:summary", kwargs={"pk": survey_round.pk})
    for persona in ("grace", "tom", "priya", "sam"):
        assert client_for(everyone[persona]).get(url).status_code == 403
    page = client_for(everyone["dev"]).get(url).content.decode()
    assert "[c]" in page
    assert "[c] means a number is hidden" in page
    # Each [c] says what it means where it stands, for screen readers too.
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">[c]<span class="govuk-visually-hidden">' in page
    assert "*" not in page.split("<main")[1].split("</main>")[0]


def test_results_take_a_fixed_number_of_queries(
    amina: User, client_for, survey_round: SurveyRound, django_assert_max_num_queries
) -> None:
    client = client_for(amina)
    for _ in range(15):
        SurveyAnswer.objects.create(
            round=survey_round, **all_answers(Answer.AGREE), answered_on=survey_round.opens_at.date()
        )
    with django_assert_max_num_queries(12):
        client.get(reverse("surveys:summary", kwargs={"pk": survey_round.pk}))
    with django_assert_max_num_queries(12):
        client.get(reverse("surveys:manage"))
