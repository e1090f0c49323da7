"""Amina's journey, part 2: after the activities, by keyboard alone, with axe-core on every page (issue 17).

It starts where part 1 (``test_persona_amina_journey``) ends: the town centre project at the evaluation
stage. From the project page Amina answers Dev's idea from the design workshop, thanks everyone who took
part in one step and offers them payment in one step; from her home page she takes part in and closes
the quarterly review, publishes the project's "We asked, you said, we did" page, which a visitor then
reads, and sends a newsletter, which Dev receives.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from coproduce.contributions.models import Contribution, Outcome, Thanks
from coproduce.model import LadderRung
from coproduce.newsletters.choices import Status
from coproduce.newsletters.models import Newsletter
from coproduce.payments.models import PaymentOffer
from coproduce.reports.models import YouSaidWeDidPage
from coproduce.reviews.choices import CUBE, ReviewKind, ReviewStatus
from coproduce.reviews.models import Review
from coproduce.reviews.services import Answers, record_self_assessment
from coproduce.tests.browser.amina import BENCHES, NEW_PROJECT, WORKSHOP, at_evaluation, check, go
from coproduce.tests.browser.keyboard import choose, navigation_link, press, type_into
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

BENCHES_ANSWER = "Six benches are ordered for the new crossings."
SOME_SAY = Answers(rung=LadderRung.CONSULTATION.value, voice=3, ways=3, concerns=3, change=3)
LEARNED = "People came to the workshop but not to the walkabout."


def test_amina_answers_thanks_pays_reviews_reports_and_writes_news(page: Page, sign_in_as, context):
    world, project = at_evaluation()
    amina = world.users["amina"]
    sign_in_as(amina)
    # The first page loads every app's code into the test server, which is slow on a busy machine.
    page.goto("/", timeout=60_000)
    check(page, "Hello, Amina")

    # From the project to the design workshop, and Dev's idea from it answered.
    press(page, navigation_link(page, "Projects"))
    check(page, "Projects")
    press(page, page.get_by_role("link", name=NEW_PROJECT))
    check(page, NEW_PROJECT)
    press(page, page.get_by_role("link", name=WORKSHOP))
    check(page, WORKSHOP)
    press(page, page.get_by_role("link", name="Record contributions"))
    check(page, f"Contributions at {WORKSHOP}")
    expect(page.get_by_role("main")).to_contain_text(BENCHES)
    press(page, page.get_by_role("link", name="Answer Devendra Patel's idea"))
    check(page, "Answer Devendra Patel's contribution")
    choose(page, page.get_by_label("Adopted", exact=True))
    type_into(page, page.get_by_label("What did you do, or why not?"), BENCHES_ANSWER)
    press(page, page.get_by_role("button", name="Save answer"))
    expect(page.get_by_text("Your answer to Devendra Patel is saved.")).to_be_visible()
    check(page, f"Contributions at {WORKSHOP}")

    # Everyone who took part thanked in one step: all are ticked already.
    press(page, page.get_by_role("link", name="Thank the people who took part"))
    check(page, f"Thank the people who took part in {WORKSHOP}")
    for name in ("Devendra Patel", "Grace Okafor"):
        expect(page.get_by_role("checkbox", name=name)).to_be_checked()
    choose(page, page.get_by_label("Email", exact=True))
    press(page, page.get_by_role("button", name="Save thank-yous"))
    expect(page.get_by_text("Saved: Devendra Patel, Grace Okafor thanked by email.")).to_be_visible()
    check(page, f"Thank the people who took part in {WORKSHOP}")

    # ...and offered payment in one step.
    go(page, page.get_by_role("link", name=f"Back to {WORKSHOP}"), WORKSHOP)
    go(page, page.get_by_role("link", name="Payments for this activity"), "Payments for this activity")
    press(page, page.get_by_role("button", name="Offer payment to 2 people who attended"))
    expect(page.get_by_text("2 payment offers are made.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("£50.00")
    check(page, "Payments for this activity")

    # The quarterly review, from her home page: Dev has given his answers; she gives hers and closes it.
    review = Review.objects.get(project=project, kind=ReviewKind.QUARTERLY)
    record_self_assessment(review, person=world.users["dev"].person, answers=SOME_SAY, by=world.users["dev"])
    press(page, navigation_link(page, "Home"))
    check(page, "Hello, Amina")
    press(page, page.get_by_role("link", name="Reviews"))
    check(page, "Reviews")
    press(page, page.get_by_role("link", name=f"Open {review.title}"))
    check(page, review.title)
    press(page, page.get_by_role("link", name="Give your self-assessment"))
    check(page, f"Take part: {review.title}")
    choose(page, page.get_by_role("radio", name=re.compile("^Co-design:")))
    for question in CUBE:
        choose(page, page.get_by_role("group", name=question.question).get_by_role("radio", name="3: In between"))
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_text("You have taken part in this review. Thank you.")).to_be_visible()
    check(page, f"Take part: {review.title}")
    press(page, page.get_by_role("link", name="Back to the review"))
    check(page, review.title)
    press(page, page.get_by_role("link", name="Close the review"))
    check(page, "Close the review")
    type_into(page, page.get_by_label("What we learned"), LEARNED)
    type_into(page, page.get_by_label("Actions agreed"), "Amina and Dev plan the next walkabout together.")
    press(page, page.get_by_role("button", name="Close the review"))
    expect(page.get_by_text("The review is closed.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(LEARNED)
    check(page, review.title)

    # A newsletter, from her home page, sent to everyone who said we may keep in touch; Dev gets it.
    press(page, navigation_link(page, "Home"))
    check(page, "Hello, Amina")
    press(page, page.get_by_role("link", name="Newsletters and updates"))
    check(page, "Newsletters")
    press(page, page.get_by_role("link", name="Write a newsletter"))
    check(page, "Write a newsletter")
    type_into(page, page.get_by_label("Title"), "Town centre news")
    type_into(page, page.get_by_label("What do you want to say?"), f"Hello {{first_name}}, {BENCHES_ANSWER}")
    choose(page, page.get_by_role("radio", name="All members and carers"))
    press(page, page.get_by_role("button", name="Save draft"))
    check(page, "Town centre news")
    press(page, page.get_by_role("link", name="Send this newsletter"))
    check(page, "Send this newsletter?")
    press(page, page.get_by_role("button", name="Send newsletter"))
    expect(page.get_by_text("“Town centre news” is on its way to 2 people.")).to_be_visible()
    check(page, "Town centre news")
    run_worker()
    to_dev = [str(email.body) for email in mail.outbox if email.to == ["dev@example.org"]]
    assert any(body.startswith(f"Hello Dev, {BENCHES_ANSWER}") for body in to_dev), to_dev

    # The project's "We asked, you said, we did" page, published from the project page.
    press(page, navigation_link(page, "Projects"))
    check(page, "Projects")
    press(page, page.get_by_role("link", name=NEW_PROJECT))
    check(page, NEW_PROJECT)
    press(page, page.get_by_role("link", name="“We asked, you said, we did” page"))
    check(page, '"You said, we did" page')
    type_into(page, page.get_by_label("Introduction"), "We asked what would make the town centre easier to use.")
    press(page, page.get_by_role("button", name="Publish page"))
    expect(page.get_by_text("The page is published.")).to_be_visible()
    check(page, '"You said, we did" page')

    # What a visitor who is not signed in reads there.
    press(page, page.get_by_role("link", name='the "We asked, you said, we did" page'))
    check(page, "We asked, you said, we did")
    context.clear_cookies()
    page.reload()
    check(page, "We asked, you said, we did")
    expect(page.get_by_role("main")).to_contain_text(BENCHES)
    expect(page.get_by_role("main")).to_contain_text(BENCHES_ANSWER)

    idea = Contribution.objects.get(summary=BENCHES)
    assert idea.responses.get().outcome == Outcome.ADOPTED
    thanked = Thanks.objects.filter(attendance__activity__title=WORKSHOP).values_list("attendance__person__full_name")
    assert sorted(name for (name,) in thanked) == ["Devendra Patel", "Grace Okafor"]
    assert PaymentOffer.objects.filter(attendance__activity__title=WORKSHOP).count() == 2
    review.refresh_from_db()
    assert (review.status, review.closed_by, review.learned) == (ReviewStatus.CLOSED, amina, LEARNED)
    assert Newsletter.objects.get(title="Town centre news").status == Status.SENT
    assert YouSaidWeDidPage.objects.get(project=project).is_published
