"""Reads for the newsletter pages: the list, the audience of a newsletter and how it will reach them."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from coproduce.communications.choices import MessageFormat, MessageRoute
from coproduce.communications.messaging import route_for
from coproduce.communications.models import ContactPreferences
from coproduce.newsletters.choices import Audience
from coproduce.newsletters.models import Newsletter
from coproduce.people.models import AccessNeed, Consent, Need, Person, PersonKind, Purpose


def newsletters() -> QuerySet[Newsletter]:
    return Newsletter.objects.select_related("group__project", "project", "written_by__person", "sent_by__person")


def keeps_in_touch() -> QuerySet[Person]:
    """People we may contact: current records, confirmed, with a current "Keeping in touch" consent."""
    consent = Consent.objects.filter(person=OuterRef("pk")).active().for_purpose(Purpose.CONTACT)
    return Person.objects.current().filter(Exists(consent), awaiting_confirmation=False)


def audience(newsletter: Newsletter) -> QuerySet[Person]:
    """Everyone ``newsletter`` goes to (or would go to, if sent now)."""
    people = keeps_in_touch()
    if newsletter.audience == Audience.MEMBERS:
        people = people.filter(kind__in=[PersonKind.MEMBER, PersonKind.CARER])
    elif newsletter.audience == Audience.PARTNERS:
        people = people.filter(kind=PersonKind.PARTNER_REPRESENTATIVE)
    elif newsletter.audience == Audience.GROUP:
        people = people.filter(group_seats__group=newsletter.group)
    elif newsletter.audience == Audience.PROJECT:
        people = people.filter(memberships__project=newsletter.project)
    else:  # pragma: no cover - the database allows no other audience
        return people.none()
    return people.distinct().order_by("full_name", "id")


@dataclass(frozen=True)
class Plan:
    """How a newsletter will reach its audience: counts of people by route and by format."""

    people: int
    by_route: list[tuple[str, int]]
    by_format: list[tuple[str, int]]
    unreachable: int


def _format_for(preferences: ContactPreferences | None, needs: set[str], route: str) -> str:
    """As ``messaging.format_for``, from rows already read."""
    chosen = preferences.message_format if preferences is not None else ""
    if not chosen:
        chosen = (
            MessageFormat.EASY_READ
            if Need.EASY_READ in needs
            else MessageFormat.LARGE_PRINT
            if Need.LARGE_PRINT in needs
            else MessageFormat.STANDARD
        )
    if chosen == MessageFormat.PLAIN_TEXT and route in (MessageRoute.POST, MessageRoute.PHONE):
        return MessageFormat.STANDARD
    return chosen


def delivery_plan(newsletter: Newsletter) -> Plan:
    """Who the newsletter would reach now, by route and format, in three queries whatever the audience."""
    people = list(audience(newsletter))
    ids = [person.pk for person in people]
    preferences = {found.person_id: found for found in ContactPreferences.objects.filter(person_id__in=ids)}
    needs: dict[int, set[str]] = {}
    for person_id, need in AccessNeed.objects.filter(
        profile__person_id__in=ids, need__in=[Need.EASY_READ, Need.LARGE_PRINT]
    ).values_list("profile__person_id", "need"):
        needs.setdefault(person_id, set()).add(need)
    routes: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    for person in people:
        found = preferences.get(person.pk)
        route, _ = route_for(person, found if found is not None else ContactPreferences(person=person))
        routes[route] += 1
        if route != MessageRoute.NONE:
            formats[_format_for(found, needs.get(person.pk, set()), route)] += 1
    route_labels = dict(MessageRoute.choices) | {MessageRoute.NONE: "No way to reach them (not sent)"}
    format_labels = dict(MessageFormat.choices)
    return Plan(
        people=len(people),
        by_route=[(route_labels[route], count) for route, count in routes.most_common()],
        by_format=[(format_labels[name], count) for name, count in formats.most_common()],
        unreachable=routes[MessageRoute.NONE],
    )
