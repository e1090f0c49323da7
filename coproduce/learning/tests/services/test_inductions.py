"""Inductions: the review date."""

from datetime import date

import pytest

from coproduce.accounts.models import User
from coproduce.learning.models import Induction
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.inductions import record_induction


def test_record_induction_sets_the_review_date(settings, amina: User, dev: User) -> None:
    settings.COPRODUCE_INDUCTION_REVIEW_MONTHS = 3

    induction = record_induction(dev.person, inducted_on=date(2026, 11, 30), notes="Likes pictures.", by=amina)

    assert induction.review_due == date(2027, 2, 28)
    with pytest.raises(LearningRefused):
        record_induction(dev.person, inducted_on=date(2026, 12, 1), notes="", by=amina)
    assert Induction.objects.count() == 1
