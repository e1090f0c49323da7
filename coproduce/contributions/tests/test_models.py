import pytest
from django.db import IntegrityError, transaction

from coproduce.contributions.models import ContributionResponse, Outcome, Thanks, ThanksMethod


def test_not_adopted_without_a_reason_is_refused_by_the_database(graces_idea, amina):
    with pytest.raises(IntegrityError), transaction.atomic():
        ContributionResponse.objects.create(
            contribution=graces_idea, outcome=Outcome.NOT_ADOPTED, explanation="", responded_by=amina
        )

    assert not ContributionResponse.objects.exists()


@pytest.mark.parametrize("outcome", [Outcome.ADOPTED, Outcome.PARTLY_ADOPTED, Outcome.UNDER_CONSIDERATION])
def test_other_outcomes_may_have_no_explanation(outcome, graces_idea, amina):
    ContributionResponse.objects.create(contribution=graces_idea, outcome=outcome, responded_by=amina)

    assert graces_idea.responses.get().outcome == outcome


def test_unknown_outcome_is_refused_by_the_database(graces_idea, amina):
    with pytest.raises(IntegrityError), transaction.atomic():
        ContributionResponse.objects.create(contribution=graces_idea, outcome="maybe", responded_by=amina)


def test_thanks_once_per_method_and_valid_methods_only(dev_attended, amina):
    Thanks.objects.create(attendance=dev_attended, method=ThanksMethod.LETTER, thanked_by=amina)

    with pytest.raises(IntegrityError), transaction.atomic():
        Thanks.objects.create(attendance=dev_attended, method=ThanksMethod.LETTER, thanked_by=amina)
    with pytest.raises(IntegrityError), transaction.atomic():
        Thanks.objects.create(attendance=dev_attended, method="carrier_pigeon", thanked_by=amina)
    Thanks.objects.create(attendance=dev_attended, method=ThanksMethod.CERTIFICATE, thanked_by=amina)

    assert dev_attended.thanks.count() == 2
