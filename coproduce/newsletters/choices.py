"""The fixed choices of newsletters: who a newsletter goes to, and whether it has gone."""

from django.db import models


class Audience(models.TextChoices):
    MEMBERS = "members", "All members and carers"
    PARTNERS = "partners", "All partner organisation representatives"
    GROUP = "group", "The people in one project group"
    PROJECT = "project", "The people in one project"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"
