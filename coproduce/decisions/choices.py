"""The fixed vocabularies of groups, proposals, decisions, concerns and agenda items."""

from django.db import models

from coproduce.people.models import PersonKind


class GroupKind(models.TextChoices):
    WORKING = "working", "Working group"
    STEERING = "steering", "Steering group"


class GroupRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    LEAD = "lead", "Lead"
    MEMBER = "member", "Member"
    STAFF_ADVISER = "staff_adviser", "Staff adviser"


# People with lived experience hold "member seats" (value 3: power is shared with them).
LIVED_EXPERIENCE_KINDS = (PersonKind.MEMBER, PersonKind.CARER)


class Method(models.TextChoices):
    """How a proposal is decided."""

    CONSENT = "consent", "Consent: go ahead unless someone blocks"
    CONSENSUS = "consensus", "Sense check: how much do we agree?"
    VOTE = "vote", "Vote: choose one option"
    RANKED = "ranked", "Ranked choice: put the options in order"
    SCORE = "score", "Score: give each option 0 to 5"


METHODS_WITH_OPTIONS = (Method.VOTE, Method.RANKED, Method.SCORE)


class Stance(models.TextChoices):
    AGREE = "agree", "Agree"
    ABSTAIN = "abstain", "Abstain"
    CONCERNS = "concerns", "Agree, with concerns"
    BLOCK = "block", "Block"
    UNSURE = "unsure", "Unsure"
    DISAGREE = "disagree", "Disagree"


STANCES_FOR = {
    Method.CONSENT: (Stance.AGREE, Stance.ABSTAIN, Stance.CONCERNS, Stance.BLOCK),
    Method.CONSENSUS: (Stance.AGREE, Stance.UNSURE, Stance.DISAGREE),
}


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    PHONE = "phone", "By phone"
    PAPER = "paper", "On paper"
    MEETING = "meeting", "In a meeting"


class DecisionMethod(models.TextChoices):
    CONSENSUS = "consensus", "Consensus"
    CONSENT = "consent", "Consent"
    VOTE = "vote", "Vote"
    DELEGATED = "delegated", "Delegated to members"
    STAFF_ONLY = "staff_only", "Staff only"


JOINT_METHODS = (DecisionMethod.CONSENSUS, DecisionMethod.CONSENT, DecisionMethod.VOTE, DecisionMethod.DELEGATED)

# The register's method for a decision that came from a proposal.
DECISION_METHOD_FOR = {
    Method.CONSENT: DecisionMethod.CONSENT,
    Method.CONSENSUS: DecisionMethod.CONSENSUS,
    Method.VOTE: DecisionMethod.VOTE,
    Method.RANKED: DecisionMethod.VOTE,
    Method.SCORE: DecisionMethod.VOTE,
}


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ConcernAbout(models.TextChoices):
    """What a concern is about. Concerns about a person or the organisation are seen only by those who
    handle concerns (coordinators and admins), like every concern."""

    PROJECT = "project", "A project or one of its groups"
    PERSON = "person", "A person, for example a member of staff"
    ORGANISATION = "organisation", "The organisation as a whole"


class ConcernStatus(models.TextChoices):
    OPEN = "open", "Waiting for a response"
    ANSWERED = "answered", "Answered"


class AgendaStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted for a meeting"
    DISCUSSED = "discussed", "Discussed"
    NOT_TAKEN = "not_taken", "Not taken"
