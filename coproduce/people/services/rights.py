"""Each person's data rights: getting a copy of their data, and having their account deleted."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import ForeignObjectRel
from django.utils import timezone

from coproduce.accounts.models import SignInLink, User
from coproduce.accounts.permissions import is_signed_in
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.people.models import CreditPreference, Person
from coproduce.people.permissions import can_act_for_person, is_self
from coproduce.people.queries import person_relations
from coproduce.refusals import Refused

ANONYMISED_NAME = "Former participant"

# Records that stay when a person is anonymised, linked to the nameless record, so that other
# people's records still add up (a project group had so many people in it, an activity so many
# attendees). Every other record that is the person's alone is erased; see erased_relations.
# What was said (contributions), how people took part in decisions (group seats, responses, agenda
# items), charter signatures (some were made for an organisation) and training records (coverage
# figures) stay for the same reason. A member's induction notes, their requests for other formats and
# the marks that they answered a survey are theirs alone and go.
KEPT_WHEN_ANONYMISED = frozenset(
    {
        "projects.membership",
        "involvement.registration",
        "involvement.attendance",
        "contributions.contribution",
        "decisions.groupmember",
        "decisions.response",
        "decisions.agendaitem",
        "learning.signature",
        "learning.trainingrecord",
    }
)

# A person acts on their own data; a coordinator acts for someone who asks by phone, letter or in person.
can_exercise_rights_for = (is_signed_in & is_self) | can_act_for_person


class DeletionReason(models.TextChoices):
    """How the person asked for their account to be deleted."""

    ONLINE = "online", "Online, by themselves"
    PHONE = "phone", "By phone"
    LETTER = "letter", "By letter"
    EMAIL = "email", "By email"
    IN_PERSON = "in_person", "In person"


class AnonymiseRefused(Refused):
    """A deletion that cannot go ahead. ``message`` is written for the person asking."""


ALREADY_ANONYMISED = "This record has already been deleted. There is nothing more to delete."


def erased_relations() -> list[ForeignObjectRel]:
    """Relations to Person whose records go when the person is anonymised.

    Every record that belongs to the person alone (its link to Person deletes it with the person),
    such as access needs, consents and equality monitoring answers, except those kept so that
    others' records still add up. New apps' records are erased unless listed in KEPT_WHEN_ANONYMISED.
    """
    erased = [
        relation
        for relation in person_relations()
        if not relation.many_to_many
        and relation.on_delete is models.CASCADE
        and relation.related_model._meta.label_lower not in KEPT_WHEN_ANONYMISED
    ]
    return _referrers_first(erased)


def _referrers_first(relations: list[ForeignObjectRel]) -> list[ForeignObjectRel]:
    """Order relations so that records pointing at another erased kind of record go first.

    Equality answers point at the consent they were given under, and that link forbids deleting
    the consent while the answers exist, so the answers must be deleted before the consents.
    """
    remaining = list(relations)
    ordered: list[ForeignObjectRel] = []
    while remaining:
        free = [
            relation
            for relation in remaining
            if not any(
                field.related_model is relation.related_model
                for other in remaining
                if other is not relation
                for field in other.related_model._meta.concrete_fields
                if field.is_relation
            )
        ]
        # A loop of links cannot be ordered; the database then decides.
        ordered += free or remaining
        remaining = [relation for relation in remaining if relation not in ordered]
    return ordered


@transaction.atomic
def record_data_download(person: Person, *, by: User, as_file: bool) -> None:
    """Note that ``by`` looked at or downloaded everything held about ``person``.

    Effects: records an audit event (no values from the data). Raises PermissionDenied unless ``by``
    is the person or may act for them.
    """
    require(can_exercise_rights_for.test(by, person))
    record_event(actor=by, action="people.data_downloaded", target=person, payload={"as_file": as_file})


def _delete_sessions(user: User) -> None:
    # Sessions are stored signed, not indexed by user, so each one has to be opened to find theirs.
    theirs = [
        session.session_key
        for session in Session.objects.iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(session_key__in=theirs).delete()


def _close_sign_in(user: User) -> None:
    old_email = user.email
    _delete_sessions(user)
    SignInLink.objects.filter(user=user).delete()
    # The lockout records keep the email address typed and the IP address it came from.
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=old_email).delete()
    # The user row stays (the audit trail points at it) but can never be used to sign in again.
    user.email = f"deleted-{user.pk}@coproduce.invalid"
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["email", "is_active", "password"])


@transaction.atomic
def anonymise_person(person: Person, *, by: User, reason: DeletionReason) -> Person:
    """Delete ``person``'s account at their request, keeping an anonymous record in its place.

    Effects: erases their name (now "Former participant"), preferred name, pronouns, contact
    details, supporter, organisation and payment preference, and asks not to name them; deletes their
    access needs, consents, equality monitoring answers and every other record that is theirs alone
    (see ``erased_relations``), keeping those in KEPT_WHEN_ANONYMISED such as project group
    memberships; sets ``anonymised_at``. If they can sign in: ends their sessions, deletes their
    sign-in links and lockout records, and makes the sign-in unusable (inactive, no password, a
    placeholder email). Records an audit event.

    Raises PermissionDenied unless ``by`` is the person or may act for them, and AnonymiseRefused if
    the record has already been anonymised.
    """
    require(can_exercise_rights_for.test(by, person))
    person = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
    if person.anonymised_at is not None:
        raise AnonymiseRefused(ALREADY_ANONYMISED)

    for relation in erased_relations():
        relation.related_model._default_manager.filter(**{relation.field.name: person}).delete()

    person.full_name = ANONYMISED_NAME
    person.preferred_name = ""
    person.pronouns = ""
    person.email = ""
    person.phone = ""
    person.postal_address = ""
    person.supporter_name = ""
    person.supporter_contact = ""
    person.organisation = None
    person.payment_preference = ""
    person.credit_preference = CreditPreference.ANONYMOUS
    person.anonymised_at = timezone.now()
    person.save()

    if person.user is not None:
        _close_sign_in(person.user)

    record_event(
        actor=by,
        action="people.person_anonymised",
        target=person,
        payload={
            "by_self": person.user_id is not None and person.user_id == by.pk,
            "reason": DeletionReason(reason).value,
        },
    )
    return person
