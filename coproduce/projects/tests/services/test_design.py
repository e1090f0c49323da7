"""Approving the design."""

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.models import User
from coproduce.projects.models import Lifecycle, Project
from coproduce.projects.services import EARLY_INVOLVEMENT_NEEDED, DesignApprovalRefused, approve_design
from coproduce.projects.tests.services.helpers import LONG_AGO, NOT_COORDINATORS, at_stage, counts

# --- approve_design ------------------------------------------------------------------------


def test_approve_design_without_early_involvement_is_refused_and_writes_nothing(
    amina: User, bus_stops: Project
) -> None:
    counts_before = counts()

    with pytest.raises(DesignApprovalRefused) as refusal:
        approve_design(bus_stops, by=amina)

    assert refusal.value.message == EARLY_INVOLVEMENT_NEEDED
    assert refusal.value.message == (
        "Record at least one activity where people took part at the idea or design stage before you approve the design."
    )
    bus_stops.refresh_from_db()
    assert (bus_stops.design_approved_at, bus_stops.design_approved_by) == (None, None)
    assert counts() == counts_before


@pytest.mark.parametrize("stage", [Lifecycle.IDEA, Lifecycle.DEVELOPMENT, Lifecycle.CLOSED])
def test_approve_design_away_from_the_design_stage_is_refused(
    amina: User, bus_stops: Project, stage: Lifecycle
) -> None:
    at_stage(bus_stops, stage)

    with pytest.raises(DesignApprovalRefused) as refusal:
        approve_design(bus_stops, by=amina)

    assert refusal.value.message == "A design can only be approved while the project is at the design stage."
    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at is None


def test_approve_design_twice_is_refused(amina: User, bus_stops: Project) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(design_approved_at=LONG_AGO, design_approved_by=amina)

    with pytest.raises(DesignApprovalRefused) as refusal:
        approve_design(bus_stops, by=amina)

    assert refusal.value.message == "The design of this project is already approved."
    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at == LONG_AGO


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_approve_design_is_refused_to_anyone_but_coordinators(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        approve_design(bus_stops, by=by)

    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at is None
