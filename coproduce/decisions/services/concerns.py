"""Writes for concerns: raised named or anonymously, answered by a coordinator, read back by reference.

Every function checks permission again (views check first), runs in one transaction and records
an audit event. Refusals a person can fix raise ``Refused`` with a message for each field.
"""

import hashlib
from datetime import timedelta
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions import conf, permissions
from coproduce.decisions.choices import ConcernAbout, ConcernStatus
from coproduce.decisions.models import Concern, ProjectGroup, ReferenceMiss
from coproduce.decisions.references import hash_reference, new_reference, normalised
from coproduce.decisions.tasks import tell_person_concern_answered
from coproduce.http import require
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.refusals import Refused

MISS_WINDOW = timedelta(hours=1)
ALREADY_SENT = "This concern was sent already, so we did not send it again."


class RaisedConcern(NamedTuple):
    concern: Concern
    # The anonymous sender's reference, to show them once; kept nowhere (None for a named concern).
    reference: str | None


class AlreadySent(Refused):
    """The form was sent before (the page after it reloaded, or the button pressed twice): nothing is sent
    again. The reference of an anonymous concern was shown when it was first sent, and is kept nowhere."""


class TooManyReferences(Refused):
    """Too many references that match no concern came from one address in the last hour."""


@transaction.atomic
def raise_concern(
    project: Project | None,
    *,
    text: str,
    anonymous: bool,
    by: User,
    about: ConcernAbout = ConcernAbout.PROJECT,
    about_person: str = "",
    group: ProjectGroup | None = None,
    form_token: str = "",
) -> RaisedConcern:
    """Raise a concern about a project (or one of its groups), a person, or the organisation.

    Named: linked to the person, who is told the outcome, and recorded in the audit trail. Anonymous:
    nothing links it to anyone: no person and a date, not a time. Nor is there an audit event: even
    one without an actor carries the exact time, which could be matched with that person's sign-in
    or other events. The concern itself (kept for good) is the record that it was raised. The
    sender gets a new reference to read the answer with; only its hash is stored.
    ``form_token`` is the random token of the form it came from: a form sent again raises AlreadySent
    and sends nothing twice. Raises Refused if the project (about a project) or who it is about (about a
    person) is missing.
    """
    require(permissions.can_raise_concern(by))
    about_person = about_person.strip() if about == ConcernAbout.PERSON else ""
    if about == ConcernAbout.PROJECT and project is None:
        raise Refused("Choose the project", field="project")
    if about == ConcernAbout.PERSON and not about_person:
        raise Refused("Say who your concern is about", field="about_person")
    if about != ConcernAbout.PROJECT:
        project = group = None
    sent_from_form = hashlib.sha256(form_token.encode()).hexdigest() if form_token else None
    if sent_from_form is not None and Concern.objects.filter(sent_from_form=sent_from_form).exists():
        raise AlreadySent(ALREADY_SENT)
    reference = new_reference() if anonymous else None
    person = Person.objects.get(user=by)
    try:
        # A savepoint: the same form sent twice at the same moment is refused, not a database error.
        with transaction.atomic():
            concern = Concern.objects.create(
                about=about,
                project=project,
                group=group if group is not None and project is not None and group.project_id == project.pk else None,
                about_person=about_person,
                text=text.strip(),
                is_anonymous=anonymous,
                raised_by=None if anonymous else person,
                raised_on=timezone.localdate(),
                reference_hash=hash_reference(reference) if reference is not None else None,
                sent_from_form=sent_from_form,
            )
    except IntegrityError:
        if sent_from_form is not None and Concern.objects.filter(sent_from_form=sent_from_form).exists():
            raise AlreadySent(ALREADY_SENT) from None
        raise
    if not anonymous:
        record_event(
            actor=by,
            action="decisions.concern_raised",
            target=concern,
            payload={"about": about, "project": project.pk if project is not None else None},
        )
    return RaisedConcern(concern, reference)


@transaction.atomic
def answer_concern(concern: Concern, *, response: str, by: User) -> Concern:
    """A coordinator answers a concern. Effects: audit event; the named person is emailed (worker)."""
    require(permissions.can_handle_concerns(by))
    concern.response = response.strip()
    concern.status = ConcernStatus.ANSWERED
    concern.responded_by = by
    concern.responded_at = timezone.now()
    concern.save(update_fields=["response", "status", "responded_by", "responded_at"])
    record_event(actor=by, action="decisions.concern_answered", target=concern)
    if not concern.is_anonymous:
        transaction.on_commit(lambda: tell_person_concern_answered.enqueue(concern_id=concern.pk))
    return concern


@transaction.atomic
def read_concern_by_reference(reference: str, *, ip_address: str | None) -> Concern | None:
    """The anonymous concern whose reference this is, for anyone holding it, signed in or not.

    However it is typed (lower case, spaces, without dashes), a reference finds its concern; anything
    else finds nothing, malformed or unknown alike. Effects: a reference that finds nothing is
    recorded with the address (kept an hour, for the limit), one that finds a concern is audited
    with no actor and no address, so the trail never joins a person or an address to an anonymous
    concern, and the reference itself is stored nowhere. Raises TooManyReferences once an address
    has tried too many references that found nothing in the last hour.
    """
    since = timezone.now() - MISS_WINDOW
    if (
        ip_address is not None
        and ReferenceMiss.objects.filter(ip_address=ip_address, tried_at__gte=since).count()
        >= conf.reference_misses_per_ip_per_hour()
    ):
        raise TooManyReferences(
            "You have tried a lot of references in the last hour. Wait an hour, then try again, "
            "or ask a coordinator for help.",
            field="reference",
        )
    characters = normalised(reference)
    concern = (
        Concern.objects.select_related("project", "group").filter(reference_hash=hash_reference(characters)).first()
        if characters is not None
        else None
    )
    if concern is None:
        ReferenceMiss.objects.create(ip_address=ip_address)
        # Older misses count for nothing, and IP addresses are personal data, so they go.
        ReferenceMiss.objects.filter(tried_at__lt=since).delete()
        return None
    record_event(actor=None, action="decisions.concern_read_by_reference", target=concern)
    return concern
