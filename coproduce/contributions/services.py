"""Recording contributions, answering them ("You said, we did") and thanking the people who took part."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.contributions.models import (
    Contribution,
    ContributionKind,
    ContributionResponse,
    Outcome,
    Thanks,
    ThanksMethod,
)
from coproduce.contributions.permissions import can_record_for_others, can_record_own, can_respond, can_thank
from coproduce.contributions.queries import projects_for_own_contribution
from coproduce.contributions.tasks import tell_person_about_response
from coproduce.http import require
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.models import CreditPreference, Person
from coproduce.projects.models import Project
from coproduce.refusals import Refused


@transaction.atomic
def record_contribution(
    person: Person,
    *,
    project: Project,
    activity: Activity | None,
    kind: ContributionKind,
    summary: str,
    credit: str,
    by: User,
) -> Contribution:
    """Record what ``person`` contributed to ``project`` (at ``activity``, if given).

    ``credit`` is how to name them for this contribution: one of CreditPreference, or blank for
    their usual choice. A person records their own contribution to a project they belong to or an
    activity they took part in; a coordinator records anyone's, from an activity only for people who
    attended it. Effects: creates the Contribution, records an audit event (never the summary).
    Raises PermissionDenied if ``by`` may not record it, and Refused for a blank summary, an
    activity of another project, or someone who did not attend the activity.
    """
    is_self = person.user_id is not None and person.user_id == by.pk
    require(can_record_for_others(by) or (is_self and can_record_own(by)))
    errors: dict[str, str] = {}
    summary = summary.strip()
    if not summary:
        errors["summary"] = "Say what they contributed" if not is_self else "Say what you contributed"
    if credit and credit not in CreditPreference.values:
        errors["credit"] = "Choose how to name them from the list"
    if activity is not None and activity.project_id != project.pk:
        errors["activity"] = "The activity must belong to the project"
    if activity is not None and not Attendance.objects.filter(activity=activity, person=person).exists():
        errors["activity"] = (
            "You can only record contributions from activities you took part in"
            if is_self
            else f"{person.full_name} is not recorded as attending {activity.title}. Record their attendance first."
        )
    if (
        is_self
        and not can_record_for_others(by)
        and activity is None
        and not projects_for_own_contribution(person).filter(pk=project.pk).exists()
    ):
        errors["project"] = "Choose a project you belong to"
    if errors:
        raise Refused(errors)
    contribution = Contribution.objects.create(
        person=person,
        project=project,
        activity=activity,
        kind=ContributionKind(kind),
        summary=summary,
        credit=credit,
        recorded_by=by,
    )
    record_event(
        actor=by,
        action="contributions.recorded",
        target=contribution,
        payload={"project": project.pk, "activity": activity.pk if activity else None, "kind": str(kind)},
    )
    return contribution


@transaction.atomic
def respond_to_contribution(
    contribution: Contribution, *, outcome: Outcome, explanation: str, by: User
) -> ContributionResponse:
    """Answer a contribution: adopted, partly adopted, not adopted (with a reason) or still under
    consideration. Earlier answers are kept; this one becomes the current answer.

    Effects: creates the ContributionResponse, queues an email telling the person (in Easy Read if
    they need it; nobody is emailed without an address), records an audit event. Raises
    PermissionDenied unless ``by`` leads the project or is a coordinator (and is not the person),
    and Refused when "not adopted" has no reason.
    """
    require(can_respond(by, contribution))
    # Lock the contribution so that two answers given at the same moment are ordered.
    Contribution.objects.select_for_update(of=("self",)).get(pk=contribution.pk)
    explanation = explanation.strip()
    if outcome == Outcome.NOT_ADOPTED and not explanation:
        raise Refused("Say why it was not adopted. We will tell the person.", field="explanation")
    response = ContributionResponse.objects.create(
        contribution=contribution, outcome=Outcome(outcome), explanation=explanation, responded_by=by
    )
    record_event(
        actor=by,
        action="contributions.responded",
        target=contribution,
        payload={"outcome": str(outcome), "response": response.pk},
    )
    response_id = response.pk
    transaction.on_commit(lambda: tell_person_about_response.enqueue(response_id=response_id))
    return response


@transaction.atomic
@dataclass(frozen=True)
class ThanksGiven:
    """What thanking several people at once did: who was thanked now, and who had been thanked that way before."""

    thanked: list[Attendance]
    already: list[Attendance]


@transaction.atomic
def thank_participants(attendances: list[Attendance], *, method: ThanksMethod, by: User) -> ThanksGiven:
    """Record that everyone in ``attendances`` was thanked, the same way, in one step.

    Effects: creates a Thanks and records an audit event for each person not already thanked that
    way; those who were are left as they are and listed in the result. Raises PermissionDenied unless
    ``by`` is a coordinator, and Refused (on ``attendances``) if nobody is chosen or everyone chosen
    was already thanked that way, so nothing is written.
    """
    require(can_thank(by))
    method = ThanksMethod(method)
    if not attendances:
        raise Refused("Choose who you are thanking", field="attendances")
    before = set(
        Thanks.objects.filter(attendance__in=attendances, method=method).values_list("attendance_id", flat=True)
    )
    thanked = [attendance for attendance in attendances if attendance.pk not in before]
    already = [attendance for attendance in attendances if attendance.pk in before]
    if not thanked:
        raise Refused(
            "Everyone you chose has already been thanked this way. Choose another way, or other people.",
            field="attendances",
        )
    try:
        with transaction.atomic():
            Thanks.objects.bulk_create(
                Thanks(attendance=attendance, method=method, thanked_by=by) for attendance in thanked
            )
    except IntegrityError:
        # Someone else recorded the same thanks between the check above and now.
        raise Refused(
            "Someone else has just recorded thanks for some of these people. Check the list and try again.",
            field="attendances",
        ) from None
    for attendance in thanked:
        record_event(
            actor=by,
            action="contributions.thanked",
            target=attendance,
            payload={"activity": attendance.activity_id, "method": str(method)},
        )
    return ThanksGiven(thanked=thanked, already=already)
