"""Background work for projects, run by `manage.py db_worker`."""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.model import STAGES
from coproduce.people.models import Person
from coproduce.projects.models import Lifecycle, Project


@task()
def tell_members_about_stage(*, project_id: int, stage: str) -> int:
    """Tell every member of the project, once each, that it has reached ``stage``.

    Each message goes through the one messaging path, by the member's own route and in their format
    (Easy Read from ``stage_advanced_easy_read.txt``). Returns how many members it reached (sent, or
    waiting for a coordinator to post or phone it).
    """
    project = Project.objects.get(pk=project_id)
    url = settings.SITE_URL + reverse("projects:detail", kwargs={"pk": project.pk})
    members = Person.objects.filter(memberships__project=project).distinct().order_by("pk")
    reached_stage = Lifecycle(stage)
    if reached_stage == Lifecycle.CLOSED:
        subject = f"{project.title} has closed"
        easy_read_subject = f"{project.title} has finished"
    else:
        subject = f"{project.title} has moved to the {reached_stage.label.lower()} stage"
        easy_read_subject = f"{project.title} is at a new stage"
    plain = next((info.plain for info in STAGES if info.stage == reached_stage), "")
    sent = 0
    for person in members:
        content = content_from_templates(
            "projects/email/stage_advanced",
            {"person": person, "project": project, "stage": reached_stage, "plain": plain, "url": url},
            subject=subject,
            easy_read_subject=easy_read_subject,
        )
        sent += reached(send_message(person, content, topic="stage_changed"))
    return sent
