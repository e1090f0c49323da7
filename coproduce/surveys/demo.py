"""The surveys part of the demo data (called by `seed_demo`; running it again changes nothing).

A survey round for last week's "Bus stop walkabout" (made by the contributions and payments demos),
with two answers from people who attended: one online, one given by phone to the coordinator. Grace
attended too and has not answered yet, so her home shows a survey waiting for her.
"""

from coproduce.accounts.models import User
from coproduce.contributions.demo import WALKABOUT_TITLE
from coproduce.involvement.models import Activity
from coproduce.people.models import Person
from coproduce.surveys.choices import Answer, Item
from coproduce.surveys.models import SurveyRound
from coproduce.surveys.queries import people_who_may_answer
from coproduce.surveys.services import SurveyRefused, answer_round, open_round_for_activity, record_phone_answer

ONLINE: dict[str, str] = {
    Item.LISTENED: Answer.STRONGLY_AGREE,
    Item.SAY: Answer.AGREE,
    Item.FORMAT: Answer.AGREE,
    Item.NEXT_STEPS: Answer.NEITHER,
    Item.SUPPORT: Answer.STRONGLY_AGREE,
}
BY_PHONE: dict[str, str] = {
    Item.LISTENED: Answer.AGREE,
    Item.SAY: Answer.AGREE,
    Item.FORMAT: Answer.DISAGREE,
    Item.NEXT_STEPS: Answer.DISAGREE,
    Item.SUPPORT: Answer.AGREE,
}


def seed(people: dict[str, Person], coordinator: User) -> None:
    """``people`` maps each persona's key (amina, dev, grace, tom, priya, sam, morgan) to their record."""
    walkabout = Activity.objects.filter(title=WALKABOUT_TITLE).order_by("id").first()
    if walkabout is None or SurveyRound.objects.filter(activity=walkabout).exists():
        return
    try:
        survey_round = open_round_for_activity(walkabout, by=coordinator)
    except SurveyRefused:
        return  # not ended yet, or nobody recorded as attending
    attendees = [person for person in people_who_may_answer(survey_round) if person != people["grace"]][:2]
    if attendees:
        answer_round(survey_round, person=attendees[0], answers=ONLINE, comment="The walk was well planned.")
    if len(attendees) > 1:
        record_phone_answer(survey_round, person=attendees[1], answers=BY_PHONE, by=coordinator)
