"""Helpers shared by the decisions tests: a page's text, closing a proposal, a decision in the register."""

from datetime import timedelta

from django.utils import timezone

from coproduce.decisions.choices import DecisionMethod
from coproduce.decisions.models import Decision


def page(response) -> str:
    return response.content.decode()


def close(proposal) -> None:
    type(proposal).objects.filter(pk=proposal.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    proposal.refresh_from_db()


def make_decision(project, user, **fields) -> Decision:
    values = {
        "stage": "design",
        "question": "Hospital stops first",
        "options_considered": "Hospital\nMarket",
        "method": DecisionMethod.CONSENT,
        "rationale": "Most people use them.",
        "created_by": user,
    }
    values.update(fields)
    return Decision.objects.create(project=project, **values)
