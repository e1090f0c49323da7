"""Self-assessment answers for review tests."""

from coproduce.accounts.models import User
from coproduce.model import LadderRung
from coproduce.people.models import Person
from coproduce.reviews.models import Review, SelfAssessment
from coproduce.reviews.services import Answers, record_self_assessment


def answers(rung: LadderRung = LadderRung.CONSULTATION, score: int = 3) -> Answers:
    return Answers(rung=rung.value, voice=score, ways=score, concerns=score, change=score)


def assess(review: Review, person: Person, by: User, rung: LadderRung, score: int = 3) -> SelfAssessment:
    return record_self_assessment(review, person=person, answers=answers(rung, score), by=by)
