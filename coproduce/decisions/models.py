"""Project groups, proposals and responses, the decision register, concerns and agenda items."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone

from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import (
    AgendaStatus,
    Channel,
    ConcernAbout,
    ConcernStatus,
    DecisionMethod,
    DecisionStatus,
    GroupKind,
    GroupRole,
    Method,
    Stance,
)
from coproduce.involvement.models import Activity
from coproduce.people.models import Person
from coproduce.projects.models import Lifecycle, Project


class ProjectGroup(models.Model):
    """A project's working or steering group: the people who decide together."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=GroupKind.choices, default=GroupKind.WORKING)
    # The least share of seats held by people with lived experience; 0 means no minimum.
    min_member_share = models.DecimalField(max_digits=3, decimal_places=2, default=Decimal("0"))
    members_can_propose = models.BooleanField(default=True)
    ground_rules = models.TextField(blank=True)
    ground_rules_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ground_rules_changed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["project", "name", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=GroupKind.values), name="group_kind_valid"),
            models.CheckConstraint(condition=~models.Q(name=""), name="group_name_not_empty"),
            models.CheckConstraint(
                condition=models.Q(min_member_share__gte=0, min_member_share__lte=1), name="group_share_0_to_1"
            ),
            models.UniqueConstraint(fields=["project", "name"], name="group_name_unique_in_project"),
        ]

    def __str__(self) -> str:
        return self.name


class GroupMember(models.Model):
    group = models.ForeignKey(ProjectGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="group_seats")
    role = models.CharField(max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER)
    joined_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["role", "person__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="group_member_once"),
            models.CheckConstraint(condition=models.Q(role__in=GroupRole.values), name="group_member_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"


class Proposal(models.Model):
    """A question put to a group, decided by one method by a closing time that a lead can extend."""

    group = models.ForeignKey(ProjectGroup, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(max_length=200)
    text = models.TextField()
    easy_read_text = models.TextField(blank=True)
    method = models.CharField(max_length=20, choices=Method.choices)
    closes_at = models.DateTimeField()
    # The least number of responses for the result to count; blank for no quorum.
    quorum = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(method__in=Method.values), name="proposal_method_valid"),
            models.CheckConstraint(condition=~models.Q(title=""), name="proposal_title_not_empty"),
            models.CheckConstraint(condition=~models.Q(text=""), name="proposal_text_not_empty"),
            models.CheckConstraint(
                condition=models.Q(quorum__isnull=True) | models.Q(quorum__gte=1), name="proposal_quorum_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return timezone.now() < self.closes_at


class ProposalOption(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "position"], name="option_position_unique"),
            models.CheckConstraint(condition=~models.Q(label=""), name="option_label_not_empty"),
        ]

    def __str__(self) -> str:
        return self.label


class Response(models.Model):
    """One person's response to a proposal: at most one each, edited while the proposal is open."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="proposal_responses")
    stance = models.CharField(max_length=20, choices=Stance.choices, blank=True)
    option = models.ForeignKey(ProposalOption, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(blank=True)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    responded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["responded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "person"], name="response_once_per_person"),
            models.CheckConstraint(
                condition=models.Q(stance="") | models.Q(stance__in=Stance.values), name="response_stance_valid"
            ),
            models.CheckConstraint(condition=models.Q(channel__in=Channel.values), name="response_channel_valid"),
            # A block stops a proposal, so the group must be told why (Loomio's rule too).
            models.CheckConstraint(
                condition=~models.Q(stance=Stance.BLOCK) | ~models.Q(reason=""), name="response_block_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"Response to {self.proposal_id} by person {self.person_id}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class ResponseChoice(models.Model):
    """A rank (ranked choice) or a score (score method) that a response gives one option."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(ProposalOption, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["rank", "option__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["response", "option"], name="choice_once_per_option"),
            models.UniqueConstraint(
                fields=["response", "rank"], condition=models.Q(rank__isnull=False), name="choice_rank_unique"
            ),
            models.CheckConstraint(
                condition=(models.Q(rank__isnull=True) & models.Q(score__isnull=False, score__lte=5))
                | (models.Q(score__isnull=True) & models.Q(rank__isnull=False, rank__gte=1)),
                name="choice_rank_or_score",
            ),
        ]

    def __str__(self) -> str:
        return f"Rank {self.rank}" if self.rank is not None else f"Score {self.score}"


class Decision(models.Model):
    """One entry in the decision register: what was decided, how, by whom, why and what could not change."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="decisions")
    stage = models.CharField(max_length=20, choices=Lifecycle.choices)
    question = models.CharField(max_length=300)
    options_considered = models.TextField(blank=True)
    method = models.CharField(max_length=20, choices=DecisionMethod.choices)
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions")
    meeting = models.ForeignKey(Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    lived_experience_count = models.PositiveIntegerField(null=True, blank=True)
    rationale = models.TextField(blank=True)
    cannot_change = models.TextField(blank=True)
    contributions = models.ManyToManyField(Contribution, blank=True, related_name="decisions")
    review_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-created_at", "-id"]
        indexes = [
            models.Index(fields=["project", "status", "published_at"], name="decision_project_idx"),
            models.Index(fields=["status", "review_on"], name="decision_review_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(stage__in=Lifecycle.values), name="decision_stage_valid"),
            models.CheckConstraint(condition=models.Q(method__in=DecisionMethod.values), name="decision_method_valid"),
            models.CheckConstraint(condition=models.Q(status__in=DecisionStatus.values), name="decision_status_valid"),
            models.CheckConstraint(condition=~models.Q(question=""), name="decision_question_not_empty"),
            # Openness (value 2): nothing is published without the options and the reasons.
            models.CheckConstraint(
                condition=~models.Q(status=DecisionStatus.PUBLISHED)
                | (~models.Q(options_considered="") & ~models.Q(rationale="") & models.Q(published_at__isnull=False)),
                name="decision_published_has_options_and_rationale",
            ),
        ]

    def __str__(self) -> str:
        return self.question

    @property
    def is_published(self) -> bool:
        return self.status == DecisionStatus.PUBLISHED


class DecisionRevision(models.Model):
    """A change to a published decision: who, when, and each changed field's old and new value."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="revisions")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)
    # {"rationale": {"old": "...", "new": "..."}, ...}: plain text values only.
    changes = models.JSONField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"Change to decision {self.decision_id}"


class Concern(models.Model):
    """A concern about a project or one of its groups, a person (such as a member of staff) or the
    organisation, answered by a coordinator.

    An anonymous concern keeps no link to the person at all: no person, no user, no timestamp finer
    than the day (so it cannot be matched against sign-in records), and its audit event has no actor.
    Its sender is given a reference code, once, to read the answer with; only the code's hash is kept.
    """

    about = models.CharField(max_length=20, choices=ConcernAbout.choices, default=ConcernAbout.PROJECT)
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.CASCADE, related_name="concerns")
    group = models.ForeignKey(ProjectGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Who a concern about a person is about, in the sender's words: a name or a role, never a record,
    # so that raising a concern never shows anyone a list of staff.
    about_person = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    is_anonymous = models.BooleanField(default=False)
    raised_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="concerns")
    raised_on = models.DateField()
    reference_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    # The hash of the random token on the form it was sent from, so sending the same form again (a
    # reload of the page after it, or a second press) sends nothing twice. Random: it links to nobody.
    sent_from_form = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    status = models.CharField(max_length=20, choices=ConcernStatus.choices, default=ConcernStatus.OPEN)
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "-raised_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="concern_text_not_empty"),
            models.CheckConstraint(condition=models.Q(status__in=ConcernStatus.values), name="concern_status_valid"),
            models.CheckConstraint(condition=models.Q(about__in=ConcernAbout.values), name="concern_about_valid"),
            models.CheckConstraint(
                condition=models.Q(about=ConcernAbout.PROJECT, project__isnull=False)
                | (~models.Q(about=ConcernAbout.PROJECT) & models.Q(project__isnull=True, group__isnull=True)),
                name="concern_project_only_when_about_a_project",
            ),
            models.CheckConstraint(
                condition=(models.Q(about=ConcernAbout.PERSON) & ~models.Q(about_person=""))
                | (~models.Q(about=ConcernAbout.PERSON) & models.Q(about_person="")),
                name="concern_person_named_only_when_about_a_person",
            ),
            models.CheckConstraint(
                condition=~models.Q(is_anonymous=True) | models.Q(raised_by__isnull=True),
                name="concern_anonymous_has_no_person",
            ),
            models.CheckConstraint(
                condition=models.Q(is_anonymous=True) | models.Q(reference_hash__isnull=True),
                name="concern_reference_only_when_anonymous",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ConcernStatus.ANSWERED) | ~models.Q(response=""),
                name="concern_answered_has_response",
            ),
        ]

    def __str__(self) -> str:
        return f"Concern {self.pk} about {self.about_in_words()}"

    def about_in_words(self) -> str:
        """What the concern is about, as it follows "about": a project's title, a person, the organisation."""
        if self.about == ConcernAbout.PERSON:
            return f"a person ({self.about_person})"
        if self.about == ConcernAbout.ORGANISATION:
            return "the organisation"
        return self.project.title if self.project is not None else "a project"


class ReferenceMiss(models.Model):
    """One reference typed on the public page that matched no concern, kept for an hour to limit how
    many guesses come from one address. A reference that matches leaves no row: nothing here joins an
    address to a concern."""

    ip_address = models.GenericIPAddressField(null=True, blank=True)
    tried_at = models.DateTimeField(db_default=Now())

    class Meta:
        indexes = [models.Index(fields=["ip_address", "tried_at"], name="reference_miss_ip_idx")]

    def __str__(self) -> str:
        return f"Unknown concern reference tried at {self.tried_at}"


class AgendaItem(models.Model):
    """Something a group member wants the group to talk about at a meeting."""

    group = models.ForeignKey(ProjectGroup, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(max_length=200)
    details = models.TextField(blank=True)
    proposed_by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="agenda_items")
    proposed_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=AgendaStatus.choices, default=AgendaStatus.PROPOSED)
    meeting = models.ForeignKey(Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["proposed_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="agenda_title_not_empty"),
            models.CheckConstraint(condition=models.Q(status__in=AgendaStatus.values), name="agenda_status_valid"),
            models.CheckConstraint(
                condition=~models.Q(status=AgendaStatus.NOT_TAKEN) | ~models.Q(reason=""),
                name="agenda_not_taken_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=AgendaStatus.ACCEPTED) | models.Q(meeting__isnull=False),
                name="agenda_accepted_has_meeting",
            ),
        ]

    def __str__(self) -> str:
        return self.title
