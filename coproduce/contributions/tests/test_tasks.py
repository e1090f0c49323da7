import pytest
from django.core import mail

from coproduce.contributions.models import Outcome
from coproduce.contributions.services import respond_to_contribution
from coproduce.involvement.tests.factories import give_needs
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_person_is_told_of_the_answer_by_email(graces_idea, amina):
    respond_to_contribution(
        graces_idea, outcome=Outcome.NOT_ADOPTED, explanation="The pavement is too narrow.", by=amina
    )

    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["grace@example.org"]
    assert message.subject == "What happened to your idea"
    assert "This is why: The pavement is too narrow." in message.body
    assert "/contributions/yours/" in message.body


def test_easy_read_member_is_told_in_easy_read(dev_attended, dev, amina):
    from coproduce.contributions.models import Contribution

    give_needs(dev.person, "easy_read")
    idea = Contribution.objects.create(
        person=dev.person, project=dev_attended.activity.project, kind="idea", summary="Lower kerbs", recorded_by=amina
    )
    respond_to_contribution(idea, outcome=Outcome.ADOPTED, explanation="We will lower 12 kerbs.", by=amina)

    run_worker()

    assert mail.outbox[0].subject == "Good news. We used your idea"
    assert "Good news. We are using your idea." in mail.outbox[0].body
    assert "/contributions/yours/changed-things/" in mail.outbox[0].body


def test_people_without_email_are_skipped_and_only_the_current_answer_is_sent(graces_idea, amina):
    respond_to_contribution(graces_idea, outcome=Outcome.UNDER_CONSIDERATION, explanation="", by=amina)
    respond_to_contribution(graces_idea, outcome=Outcome.ADOPTED, explanation="Done.", by=amina)
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Your idea was adopted"]

    graces_idea.person.email = ""
    graces_idea.person.save()
    respond_to_contribution(graces_idea, outcome=Outcome.PARTLY_ADOPTED, explanation="Some.", by=amina)
    run_worker()
    assert len(mail.outbox) == 1
