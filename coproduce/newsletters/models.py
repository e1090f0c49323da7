"""Newsletters and updates that a coordinator writes to an audience, and who each one went to."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from coproduce.decisions.models import ProjectGroup
from coproduce.newsletters.choices import Audience, Status
from coproduce.people.models import Person
from coproduce.projects.models import Project


class Newsletter(models.Model):
    """A newsletter or update. Written as a draft, previewed in each format, then sent once."""

    title = models.CharField(max_length=200)
    body = models.TextField()
    # Blank: people who use Easy Read get the standard text.
    easy_read_body = models.TextField(blank=True)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    group = models.ForeignKey(ProjectGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recipients_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="newsletter_title_not_empty"),
            models.CheckConstraint(condition=~models.Q(body=""), name="newsletter_body_not_empty"),
            models.CheckConstraint(condition=models.Q(audience__in=Audience.values), name="newsletter_audience_valid"),
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="newsletter_status_valid"),
            # A project group, or a project, exactly when the audience is one.
            models.CheckConstraint(
                condition=models.Q(audience=Audience.GROUP, group__isnull=False)
                | (~models.Q(audience=Audience.GROUP) & models.Q(group__isnull=True)),
                name="newsletter_group_only_for_group_audience",
            ),
            models.CheckConstraint(
                condition=models.Q(audience=Audience.PROJECT, project__isnull=False)
                | (~models.Q(audience=Audience.PROJECT) & models.Q(project__isnull=True)),
                name="newsletter_project_only_for_project_audience",
            ),
            # A sent newsletter says when and by whom; a draft has not been sent to anyone.
            models.CheckConstraint(
                condition=models.Q(status=Status.SENT, sent_at__isnull=False, sent_by__isnull=False)
                | models.Q(status=Status.DRAFT, sent_at__isnull=True, sent_by__isnull=True, recipients_count=0),
                name="newsletter_sent_fields_match_status",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_sent(self) -> bool:
        return self.status == Status.SENT

    @property
    def audience_label(self) -> str:
        if self.audience == Audience.GROUP and self.group is not None:
            return f"The people in {self.group.name} ({self.group.project.title})"
        if self.audience == Audience.PROJECT and self.project is not None:
            return f"The people in the project {self.project.title}"
        return self.get_audience_display()


class Recipient(models.Model):
    """One person a sent newsletter goes to, at most once each. Handed over: given to the messaging path."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="newsletters_received")
    handed_over_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["newsletter", "id"]
        constraints = [models.UniqueConstraint(fields=["newsletter", "person"], name="newsletter_recipient_once")]

    def __str__(self) -> str:
        return f"Person {self.person_id} for newsletter {self.newsletter_id}"
