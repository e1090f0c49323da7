"""Reads across models about people: everything held about one person, and who is due a retention review."""

from datetime import datetime
from typing import TYPE_CHECKING, Any, TypedDict

from django.conf import settings
from django.db.models import Exists, F, Field, ForeignObjectRel, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.dates import months_before
from coproduce.people.models import AccessProfile, Consent, Person
from coproduce.projects.models import Membership

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# Apps whose records about a person are special category data (ADR 0003), besides access needs.
SPECIAL_CATEGORY_APPS = frozenset({"equality"})


def person_relations() -> list[ForeignObjectRel]:
    """Every relation from another model to Person, so that each new app's records about people are found.

    Includes relations hidden with ``related_name="+"``. Leaves out the link tables Django makes for
    many-to-many fields (the many-to-many relation itself stands for them) and links from Person to
    Person (those rows are other people).
    """
    relations = []
    for field in Person._meta.get_fields(include_hidden=True):
        if not isinstance(field, ForeignObjectRel):
            continue
        model = field.related_model
        if model is Person or model._meta.auto_created:
            continue
        relations.append(field)
    return relations


def relation_key(relation: ForeignObjectRel) -> str:
    """The name a relation's records go under in a person's data: its accessor, such as ``consents``."""
    accessor = relation.get_accessor_name()
    if relation.hidden or not accessor:
        return f"{relation.related_model._meta.app_label}_{relation.related_model._meta.model_name}"
    return accessor


def _rows_for(relation: ForeignObjectRel, person: Person) -> Any:
    """The related model's rows that point at ``person`` through ``relation``."""
    return relation.related_model._default_manager.filter(**{relation.field.name: person})


def _user_name(user: User | None) -> str | None:
    if user is None:
        return None
    person = getattr(user, "person", None)
    return person.name if person is not None else user.email


def _field_value(record: Model, field: Field[Any, Any]) -> Any:
    if field.is_relation:
        related = getattr(record, field.name)
        return None if related is None else str(related)
    value = field.value_from_object(record)
    if field.choices and value not in (None, ""):
        return dict(field.flatchoices).get(value, value)
    return value


def related_records(relation: ForeignObjectRel, person: Person) -> list[dict[str, Any]]:
    """Each record that points at ``person`` through ``relation``, as its concrete fields by name.

    Used for records that apps add without this module knowing them. Leaves out the record's own id
    and the link back to the person. Links to other records show as their text, choices as their labels.
    """
    model = relation.related_model
    fields = [field for field in model._meta.concrete_fields if not field.primary_key and field is not relation.field]
    links = [field.name for field in fields if field.is_relation]
    return [
        {field.name: _field_value(record, field) for field in fields}
        for record in _rows_for(relation, person).select_related(*links)
    ]


def _person_details(person: Person) -> dict[str, Any]:
    organisation = person.organisation
    return {
        "full_name": person.full_name,
        "preferred_name": person.preferred_name,
        "pronouns": person.pronouns,
        "kind": person.get_kind_display(),
        "organisation": (
            {"name": organisation.name, "kind": organisation.get_kind_display()} if organisation is not None else None
        ),
        "email": person.email,
        "phone": person.phone,
        "postal_address": person.postal_address,
        "contact_route": person.get_contact_route_display(),
        "supporter_name": person.supporter_name,
        "supporter_contact": person.supporter_contact,
        "credit_preference": person.get_credit_preference_display(),
        "payment_preference": person.get_payment_preference_display(),
        "recorded_by": _user_name(person.recorded_by),
        "created_at": person.created_at,
        "anonymised_at": person.anonymised_at,
    }


def _sign_in(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    # Never the password hash: only whether there is a password at all.
    return {
        "email": user.email,
        "role": user.get_role_display(),
        "joined_at": user.joined_at,
        "last_login": user.last_login,
        "has_password": user.has_usable_password(),
        "can_sign_in": user.is_active,
    }


def _access_profile(person: Person) -> dict[str, Any] | None:
    profile = (
        AccessProfile.objects.filter(person=person)
        .select_related("recorded_by__person")
        .prefetch_related("needs")
        .first()
    )
    if profile is None:
        return None
    return {
        "needs": [need.get_need_display() for need in profile.needs.all()],
        "large_print_size": profile.large_print_size,
        "language": profile.language,
        "dietary_details": profile.dietary_details,
        "papers_days_before": profile.papers_days_before,
        "time_of_day": profile.time_of_day,
        "other_needs": profile.other_needs,
        "recorded_by": _user_name(profile.recorded_by),
        "person_agreed": profile.person_agreed,
        "updated_at": profile.updated_at,
    }


def _consents(person: Person) -> list[dict[str, Any]]:
    consents = Consent.objects.filter(person=person).select_related("notice", "recorded_by__person")
    return [
        {
            "purpose": consent.notice.get_purpose_display(),
            "notice_title": consent.notice.title,
            "notice_version": consent.notice.version,
            "given_at": consent.given_at,
            "method": consent.get_method_display(),
            "recorded_by": _user_name(consent.recorded_by),
            "withdrawn_at": consent.withdrawn_at,
            "withdrawn_method": consent.get_withdrawn_method_display(),
        }
        for consent in consents
    ]


def _memberships(person: Person) -> list[dict[str, Any]]:
    memberships = Membership.objects.filter(person=person).select_related("project").order_by("joined_at", "id")
    return [
        {"project": membership.project.title, "role": membership.get_role_display(), "since": membership.joined_at}
        for membership in memberships
    ]


def _audit_events(person: Person) -> list[dict[str, Any]]:
    about_them = Q(target_type=Person._meta.label_lower, target_id=str(person.pk))
    if person.user_id is not None:
        about_them |= Q(actor_id=person.user_id) | Q(target_type=User._meta.label_lower, target_id=str(person.user_id))
    # The action and the date only: payloads can describe other people's records.
    return [
        {"action": action, "occurred_at": occurred_at}
        for action, occurred_at in AuditEvent.objects.filter(about_them).values_list("action", "occurred_at")
    ]


# Records shaped by hand for people to read; every other relation to Person is shown field by field.
_SHAPED = {AccessProfile: _access_profile, Consent: _consents, Membership: _memberships}


def person_data(person: Person, *, with_equality_answers: bool = True) -> dict[str, Any]:
    """Everything Coproduce holds about ``person``, for them to read or download.

    Keys: ``person`` (their record), ``sign_in`` (or None), one key per relation to Person (see
    ``person_relations``: ``access_profile``, ``consents``, ``memberships`` and any that other apps
    add, such as equality monitoring answers), and ``audit_events`` (action and date only). Values are
    plain: text, numbers, true/false, None, lists, dicts, and datetimes.

    Equality monitoring answers are only ever shown to the person themselves: when a coordinator
    carries out a request for someone, ``with_equality_answers=False`` leaves them out.
    """
    person = Person.objects.select_related("organisation", "user", "recorded_by__person").get(pk=person.pk)
    data: dict[str, Any] = {
        "exported_at": timezone.now(),
        "person": _person_details(person),
        "sign_in": _sign_in(person.user),
    }
    for relation in person_relations():
        if not with_equality_answers and relation.related_model._meta.app_label in SPECIAL_CATEGORY_APPS:
            continue
        shaper = _SHAPED.get(relation.related_model)
        data[relation_key(relation)] = shaper(person) if shaper is not None else related_records(relation, person)
    data["audit_events"] = _audit_events(person)
    return data


def other_record_titles() -> dict[str, str]:
    """The heading for each relation ``person_data`` shows field by field, by its key."""
    return {
        relation_key(relation): _title(relation)
        for relation in person_relations()
        if relation.related_model not in _SHAPED
    }


def _title(relation: ForeignObjectRel) -> str:
    title = str(relation.related_model._meta.verbose_name_plural).capitalize()
    # A link named other than "person" says how the person is involved, such as "proposed by".
    if relation.field.name != "person":
        title += f" ({relation.field.verbose_name})"
    return title


def special_category_relations() -> list[ForeignObjectRel]:
    """Relations to Person whose records are special category data: access needs and equality answers."""
    return [
        relation
        for relation in person_relations()
        if not relation.many_to_many
        and (relation.related_model is AccessProfile or relation.related_model._meta.app_label in SPECIAL_CATEGORY_APPS)
    ]


def retention_months() -> int:
    return int(settings.COPRODUCE_RETENTION_MONTHS)


class LastInvolvement(TypedDict):
    last_involvement_at: datetime


def people_due_for_retention_review(
    now: datetime | None = None,
) -> "QuerySet[WithAnnotations[Person, LastInvolvement]]":
    """People whose special category data we still hold but who have not been involved for a while.

    That is: not anonymised; with an access profile or any equality monitoring answer; and whose
    latest sign of involvement (newest project group membership, last sign-in, or when their record
    was made) is older than ``COPRODUCE_RETENTION_MONTHS`` (24 unless set). Each person is annotated
    with ``last_involvement_at``; the longest gone come first. One query, however many people.
    """
    cutoff = months_before(now or timezone.now(), retention_months())
    newest_membership = Membership.objects.filter(person=OuterRef("pk")).order_by("-joined_at").values("joined_at")[:1]
    holds_special_category_data = Q()
    for relation in special_category_relations():
        holds_special_category_data |= Q(
            Exists(relation.related_model._default_manager.filter(**{relation.field.name: OuterRef("pk")}))
        )
    # SQLite's GREATEST gives nothing if any part is missing, so each part falls back to created_at.
    last_involvement = Greatest(
        Coalesce(Subquery(newest_membership), F("created_at")),
        Coalesce(F("user__last_login"), F("created_at")),
        F("created_at"),
    )
    return (
        Person.objects.current()
        .filter(holds_special_category_data)
        .annotate(last_involvement_at=last_involvement)
        .filter(last_involvement_at__lt=cutoff)
        .order_by("last_involvement_at", "id")
    )
