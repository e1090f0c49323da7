from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.analytics.services import ensure_reference_data
from coproduce.analytics.tests.factories import under_represented_world
from coproduce.model import LadderRung
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Membership, Project
from coproduce.reviews.choices import ReviewKind, ReviewStatus, Standard
from coproduce.reviews.models import Review, SelfAssessment, StandardRating
from coproduce.reviews.tests.factories import assess

ALL_ANSWERS = {"rung": "engagement", "voice": "4", "ways": "3", "concerns": "2", "change": "5"}


def url(name: str, review: Review) -> str:
    return reverse(f"reviews:{name}", kwargs={"pk": review.pk})


@pytest.mark.parametrize(
    ("persona", "status"),
    [("amina", 200), ("morgan", 200), ("sam", 200), ("dev", 200), ("grace", 403), ("tom", 403), ("priya", 403)],
)
def test_who_may_open_a_review(
    client_for, everyone: dict[str, User], review: Review, persona: str, status: int
) -> None:
    Membership.objects.get_or_create(project=review.project, person=everyone["dev"].person, role="co_lead")
    assert client_for(everyone[persona]).get(url("review", review)).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("amina", 200), ("dev", 200), ("grace", 200), ("morgan", 403), ("tom", 403), ("priya", 403), ("sam", 403)],
)
def test_who_may_take_part(client_for, everyone: dict[str, User], review: Review, persona: str, status: int) -> None:
    assert client_for(everyone[persona]).get(url("take_part", review)).status_code == status


def test_a_member_takes_part_once(client_for, grace: User, review: Review) -> None:
    client = client_for(grace)
    response = client.post(url("take_part", review), ALL_ANSWERS, follow=True)
    assert "You have taken part in this review. Thank you." in response.content.decode()
    assessment = SelfAssessment.objects.get(participant__person=grace.person)
    assert (assessment.rung, assessment.voice, assessment.change) == ("engagement", 4, 5)
    assert client.post(url("take_part", review), {**ALL_ANSWERS, "rung": "coercion"}).status_code == 200
    assert SelfAssessment.objects.get().rung == "engagement"


def test_bad_answers_show_the_error_summary_and_save_nothing(client_for, grace: User, review: Review) -> None:
    response = client_for(grace).post(url("take_part", review), {"rung": "not_a_rung", "voice": "9"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "<title>Error: " in page
    assert "Choose a step on the ladder" in page
    assert "Choose a number from 1 to 5" in page
    assert "Choose an answer for “How many ways are there for people to get involved?”" in page
    assert not SelfAssessment.objects.exists()


def test_a_coordinator_records_answers_given_by_phone(client_for, amina: User, dev: User, review: Review) -> None:
    client = client_for(amina)
    response = client.post(url("record", review), {"person": dev.person.pk, **ALL_ANSWERS})
    assert response.status_code == 302
    assessment = SelfAssessment.objects.get(participant__person=dev.person)
    assert assessment.by_phone
    assert assessment.recorded_by == amina
    # Someone outside the project group cannot be chosen.
    outsider = Person.objects.create(full_name="Not In The Group", kind=PersonKind.MEMBER)
    response = client.post(url("record", review), {"person": outsider.pk, **ALL_ANSWERS})
    assert "Choose who gave these answers" in response.content.decode()


def test_the_review_page_flags_the_gap_in_words_with_both_figures(
    client_for, amina: User, dev: User, review: Review
) -> None:
    assess(review, dev.person, dev, LadderRung.CONSULTATION)
    assess(review, amina.person, amina, LadderRung.CO_DESIGN)
    page = client_for(amina).get(url("review", review)).content.decode()
    assert "The two sides see this differently." in page
    assert "The member side’s middle answer is Consultation." in page
    assert "The staff side’s middle answer is Co-design." in page
    assert "a gap of 2 steps" in page
    assert "[c]" in page  # one person on each side: the counts are hidden
    assert "[c] means a number is hidden" in page
    # Each [c] says what it means where it stands, for screen readers too.
    assert page.count('[c]<span class="govuk-visually-hidden"> (hidden to protect privacy)</span>') >= 2
    assert "*" not in page.split("<main", 1)[1].split("</main>")[0]


def test_closing_without_a_member_shows_why_and_writes_nothing(client_for, amina: User, review: Review) -> None:
    response = client_for(amina).post(url("close", review), {"learned": "We learned.", "actions_agreed": "Do more."})
    page = response.content.decode()
    assert "There is a problem" in page
    assert "At least one member, carer or ally must take part first." in page
    review.refresh_from_db()
    assert review.status == ReviewStatus.OPEN
    assert review.learned == ""


def test_the_close_form_needs_both_texts(client_for, amina: User, review: Review) -> None:
    page = client_for(amina).post(url("close", review), {}).content.decode()
    assert "Write what we learned" in page
    assert "Write the actions agreed" in page


def test_a_lead_closes_the_review(client_for, dev: User, review: Review) -> None:
    assess(review, dev.person, dev, LadderRung.CONSULTATION)
    response = client_for(dev).post(
        url("close", review), {"learned": "We learned a lot.", "actions_agreed": "Meet again."}, follow=True
    )
    assert "The review is closed." in response.content.decode()
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.CLOSED


def test_checking_readability_does_not_close(client_for, dev: User, review: Review) -> None:
    assess(review, dev.person, dev, LadderRung.CONSULTATION)
    client_for(dev).post(
        url("close", review), {"learned": "We learned.", "actions_agreed": "Meet again.", "check_readability": "1"}
    )
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.OPEN


def test_gaps_are_named_only_for_the_data_lead(
    client_for, amina: User, sam: User, bus_stops: Project, review: Review
) -> None:
    ensure_reference_data()
    under_represented_world(bus_stops, amina)
    for_amina = client_for(amina).get(url("review", review)).content.decode()
    for_sam = client_for(sam).get(url("review", review)).content.decode()
    message = "1 missing or under-represented group needs an outreach action before this review can close."
    assert message in for_amina
    assert message in for_sam
    assert "Sex: Female" not in for_amina
    assert "Female (fewer than expected)" in for_sam


def test_the_annual_standards_are_rated_by_coordinators(client_for, amina: User, dev: User, annual: Review) -> None:
    assert client_for(dev).get(url("standards", annual)).status_code == 403
    data = {}
    for standard in Standard.values:
        data[f"rating_{standard}"] = "developing"
        data[f"evidence_{standard}"] = f"What shows {standard}."
    assert client_for(amina).post(url("standards", annual), data).status_code == 302
    assert StandardRating.objects.filter(review=annual).count() == 6
    page = client_for(amina).get(url("review", annual)).content.decode()
    assert "What shows governance." in page


def test_the_standards_form_needs_every_rating_and_its_evidence(client_for, amina: User, annual: Review) -> None:
    page = client_for(amina).post(url("standards", annual), {}).content.decode()
    assert "Choose a rating for Inclusive opportunities" in page
    assert "Write the evidence for Impact" in page
    assert not StandardRating.objects.exists()


def test_a_project_review_has_no_standards_page(client_for, amina: User, review: Review) -> None:
    assert client_for(amina).get(url("standards", review)).status_code == 404


def test_the_list_shows_open_reviews_first_and_what_each_person_can_do(
    client_for, amina: User, grace: User, tom: User, review: Review, bus_stops: Project
) -> None:
    today = timezone.localdate()
    Review.objects.create(
        project=bus_stops,
        kind=ReviewKind.QUARTERLY,
        period_start=today - timedelta(days=200),
        period_end=today - timedelta(days=100),
        due_on=today - timedelta(days=100),
        status=ReviewStatus.CLOSED,
        closed_at=timezone.now(),
        closed_by=amina,
    )
    page = client_for(amina).get(reverse("reviews:list")).content.decode()
    assert page.index("Open reviews") < page.index("Closed reviews")
    for_grace = client_for(grace).get(reverse("reviews:list")).content.decode()
    assert url("take_part", review) in for_grace
    assert f'href="{url("review", review)}"' not in for_grace
    for_tom = client_for(tom).get(reverse("reviews:list")).content.decode()
    assert "There are no open reviews for you at the moment." in for_tom


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_list_and_the_review_page_take_a_fixed_number_of_queries(
    client_for, amina: User, bus_stops: Project, review: Review
) -> None:
    client = client_for(amina)
    assess(review, amina.person, amina, LadderRung.CO_DESIGN)
    list_before, page_before = _queries(client, reverse("reviews:list")), _queries(client, url("review", review))
    today = timezone.localdate()
    for number in range(12):
        person = Person.objects.create(full_name=f"Member {number}", kind=PersonKind.MEMBER)
        Membership.objects.create(project=bus_stops, person=person)
        assess(review, person, amina, LadderRung.CONSULTATION)
        Review.objects.create(
            project=bus_stops,
            kind=ReviewKind.QUARTERLY,
            period_start=today + timedelta(days=100 + number),
            period_end=today + timedelta(days=200 + number),
            due_on=today + timedelta(days=200 + number),
        )
    assert _queries(client, reverse("reviews:list")) == list_before
    assert _queries(client, url("review", review)) == page_before
