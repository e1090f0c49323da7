"""Inductions of new members, to be revisited after a few months."""

from datetime import date

from django.db import transaction

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.dates import add_months
from coproduce.http import require
from coproduce.learning import conf
from coproduce.learning.models import Induction
from coproduce.learning.permissions import can_manage_learning
from coproduce.learning.refusals import LearningRefused
from coproduce.people.models import Person


@transaction.atomic
def record_induction(person: Person, *, inducted_on: date, notes: str, by: User) -> Induction:
    """Record a new member's induction, to be revisited after a few months.

    Effects: creates the Induction with its review date, records an audit event (without the notes).
    Raises LearningRefused if the person already has one.
    """
    require(can_manage_learning(by))
    if Induction.objects.filter(person=person).exists():
        raise LearningRefused(f"{person.name} already has an induction record.", field="person")
    induction = Induction.objects.create(
        person=person,
        inducted_on=inducted_on,
        conversation_notes=notes.strip(),
        review_due=add_months(inducted_on, conf.induction_review_months()),
        recorded_by=by,
    )
    record_event(actor=by, action="learning.induction_recorded", target=induction, payload={"person": person.pk})
    return induction
