"""Telling the leads that a review is due, run through the real background worker and the messaging path.

These tests commit their transactions, so that the sweep's on-commit hook queues the task in the
database and `manage.py db_worker` picks it up, exactly as in production.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import Role, User
from coproduce.communications.choices import MessageFormat
from coproduce.communications.models import Message
from coproduce.involvement.tests.factories import give_needs
from coproduce.people.models import Need
from coproduce.projects.models import Project
from coproduce.reviews.choices import ReviewKind, ReviewStatus
from coproduce.reviews.models import Review
from coproduce.reviews.services import schedule_reviews
from coproduce.reviews.tasks import sweep_reviews, tell_leads_review_due
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_the_sweep_tells_the_project_leads_and_the_coordinators_once(
    amina: User, dev: User, grace: User, morgan: User, bus_stops: Project
) -> None:
    give_needs(dev.person, Need.EASY_READ)

    sweep_reviews.enqueue()
    run_worker()

    quarter = Review.objects.get(kind=ReviewKind.QUARTERLY)
    annual = Review.objects.get(kind=ReviewKind.ANNUAL)
    assert DBTaskResult.objects.filter(task_path__endswith=".tell_leads_review_due").count() == 2
    # The quarterly review goes to the co-lead (Dev) and the staff lead (Amina), not to Grace, a member.
    assert to("grace@example.org") == []
    [dev_email] = to("dev@example.org")
    assert dev_email.subject == "It is time for a review of Step-free bus stops"
    assert "Hello Dev.\n\nIt is time for a review of Step-free bus stops." in dev_email.body
    assert f"Please hold the review by {quarter.due_on:%-d %B %Y}." in dev_email.body
    assert f"http://testserver/reviews/{quarter.pk}/" in dev_email.body
    # The annual review goes to the coordinators and admins: Amina gets both, Morgan the annual one.
    assert sorted(message.subject for message in to("amina@example.org")) == sorted(
        [
            f"Review due by {quarter.due_on:%-d %B %Y}: Quarterly review: Step-free bus stops",
            f"Review due by {annual.due_on:%-d %B %Y}: {annual.title}",
        ]
    )
    [morgan_email] = to("morgan@example.org")
    assert morgan_email.subject == f"Review due by {annual.due_on:%-d %B %Y}: {annual.title}"
    assert "The annual organisation review is due." in morgan_email.body
    assert f"http://testserver/reviews/{annual.pk}/" in morgan_email.body
    assert len(mail.outbox) == 4
    assert Message.objects.filter(topic="review_due").count() == 4
    assert Message.objects.get(topic="review_due", person=dev.person).format == MessageFormat.EASY_READ
    assert Review.objects.filter(leads_told_at__isnull=True).count() == 0

    # Another sweep creates nothing, and the leads are not told again even if the task runs again.
    mail.outbox.clear()
    schedule_reviews()
    tell_leads_review_due.enqueue(review_id=quarter.pk)
    run_worker()

    assert mail.outbox == []
    assert Message.objects.filter(topic="review_due").count() == 4


def test_a_coordinator_sign_in_without_a_person_record_gets_a_plain_email(db) -> None:
    # seed_bench and createsuperuser make sign-ins with no Person record; there is no project here.
    User.objects.create_user("bench@example.org", role=Role.COORDINATOR)

    sweep_reviews.enqueue()
    run_worker()

    annual = Review.objects.get(kind=ReviewKind.ANNUAL)
    [email] = mail.outbox
    assert email.to == ["bench@example.org"]
    assert email.subject == f"Review due by {annual.due_on:%-d %B %Y}: {annual.title}"
    assert email.body.startswith("Hello,\n\nThe annual organisation review is due.")
    assert not Message.objects.exists()


def test_a_closed_or_missing_review_tells_nobody(amina: User, bus_stops: Project) -> None:
    today = timezone.localdate()
    closed = Review.objects.create(
        project=bus_stops,
        kind=ReviewKind.QUARTERLY,
        period_start=today - timedelta(days=90),
        period_end=today - timedelta(days=1),
        due_on=today,
        status=ReviewStatus.CLOSED,
        closed_at=timezone.now(),
        closed_by=amina,
    )
    tell_leads_review_due.enqueue(review_id=closed.pk)
    tell_leads_review_due.enqueue(review_id=999_999)
    run_worker()

    assert mail.outbox == []
    assert list(DBTaskResult.objects.values_list("return_value", flat=True)) == [0, 0]
