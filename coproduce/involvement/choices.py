"""The fixed lists the involvement app uses: kinds and formats of activity, outreach channels, statuses."""

from collections.abc import Collection

from django.db import models

from coproduce.people.models import Need
from coproduce.projects.models import Lifecycle


class ActivityStage(models.TextChoices):
    """The project stage an activity belongs to: the lifecycle without "closed"."""

    IDEA = Lifecycle.IDEA.value, Lifecycle.IDEA.label
    DESIGN = Lifecycle.DESIGN.value, Lifecycle.DESIGN.label
    DEVELOPMENT = Lifecycle.DEVELOPMENT.value, Lifecycle.DEVELOPMENT.label
    IMPLEMENTATION = Lifecycle.IMPLEMENTATION.value, Lifecycle.IMPLEMENTATION.label
    EVALUATION = Lifecycle.EVALUATION.value, Lifecycle.EVALUATION.label


class ActivityKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    WORKSHOP = "workshop", "Workshop"
    FOCUS_GROUP = "focus_group", "Focus group"
    INTERVIEW = "interview", "Interview"
    PANEL = "panel", "Panel"
    SURVEY = "survey", "Survey"
    DOCUMENT_REVIEW = "document_review", "Document review"
    STEERING_GROUP = "steering_group", "Steering group meeting"
    TRAINING = "training", "Training session"


class ActivityFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    PHONE = "phone", "By phone"
    HYBRID = "hybrid", "In person and online (hybrid)"
    WRITTEN = "written", "In writing"


# Formats where people come to a place, so the venue and its access matter.
FORMATS_WITH_VENUE = frozenset({ActivityFormat.IN_PERSON, ActivityFormat.HYBRID})


class OutreachChannel(models.TextChoices):
    EMAIL_LIST = "email_list", "Our email list"
    WEBSITE = "website", "Our website"
    SOCIAL_MEDIA = "social_media", "Social media"
    PARTNER_ORGANISATIONS = "partner_organisations", "Partner organisations"
    COMMUNITY_VENUES = "community_venues", "Community venues and groups"
    PHONE_CALLS = "phone_calls", "Phone calls"
    LETTERS = "letters", "Letters in the post"
    POSTERS = "posters", "Posters and leaflets"
    WORD_OF_MOUTH = "word_of_mouth", "Word of mouth"


# Channels that reach people who are not online, or that partners lead: step 2 of the model asks
# for positive steps to reach people the usual channels miss.
OFFLINE_OR_PARTNER_CHANNELS = frozenset(
    {
        OutreachChannel.PARTNER_ORGANISATIONS,
        OutreachChannel.COMMUNITY_VENUES,
        OutreachChannel.PHONE_CALLS,
        OutreachChannel.LETTERS,
        OutreachChannel.POSTERS,
        OutreachChannel.WORD_OF_MOUTH,
    }
)


def outreach_warning(channels: Collection[str], *, minimum: int) -> str | None:
    """A warning (not a refusal) when the outreach for an activity is narrow, or None when it is not."""
    if len(set(channels)) < minimum:
        return (
            f"You chose {len(set(channels))} way{'s' if len(set(channels)) != 1 else ''} to tell people. "
            f"Try to use at least {minimum}, so that more kinds of people hear about it."
        )
    if not OFFLINE_OR_PARTNER_CHANNELS.intersection(channels):
        return (
            "All the ways you chose to tell people are online. Add at least one that reaches people "
            "who are not online, or one that a partner organisation leads."
        )
    return None


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", "Registered"
    WAITING = "waiting", "On the waiting list"
    WITHDRAWN = "withdrawn", "Withdrawn"
    # Someone without an account said they are interested; a coordinator confirms them first.
    INTERESTED = "interested", "Interested, not confirmed yet"


class ArrangementStatus(models.TextChoices):
    MET = "met", "Met"
    BEING_ARRANGED = "being_arranged", "Being arranged"
    CANNOT_BE_MET = "cannot_be_met", "Cannot be met"


# Statuses that count as acknowledged for the "ready" gate; "being arranged" or no status do not.
ACKNOWLEDGED_STATUSES = frozenset({ArrangementStatus.MET, ArrangementStatus.CANNOT_BE_MET})

# What an arrangement is for: one of the person's access needs, or what they wrote under "other needs".
OTHER_NEEDS = "other"
ARRANGED_NEED_CHOICES: list[tuple[str, str]] = [*Need.choices, (OTHER_NEEDS, "Other needs they told us about")]
ARRANGED_NEED_LABELS: dict[str, str] = dict(ARRANGED_NEED_CHOICES)

# Formats that take time to produce, so papers must go out early for people who need them.
ALTERNATIVE_FORMATS = frozenset(
    {
        Need.EASY_READ,
        Need.LARGE_PRINT,
        Need.AUDIO,
        Need.BRAILLE,
        Need.BSL_VIDEO,
        Need.OTHER_LANGUAGE,
        Need.SCREEN_READER,
    }
)


class AttendanceRole(models.TextChoices):
    PARTICIPANT = "participant", "Taking part"
    CO_FACILITATOR = "co_facilitator", "Co-facilitator"
    OBSERVER = "observer", "Observer"
    SUPPORTER = "supporter", "Supporter (came to support someone)"
