"""Background work for projects, run by `manage.py db_worker`."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from coproduce.projects.models import Lifecycle, Project


@task()
def tell_members_about_stage(*, project_id: int, stage: str) -> int:
    """Email every member of the project who has an email address that it has reached ``stage``.

    Returns how many emails were sent.
    """
    project = Project.objects.get(pk=project_id)
    url = settings.SITE_URL + reverse("projects:detail", kwargs={"pk": project.pk})
    recipients = sorted({email for email in project.memberships.values_list("person__email", flat=True) if email})
    reached = Lifecycle(stage)
    body = render_to_string("projects/email/stage_advanced.txt", {"project": project, "stage": reached, "url": url})
    if reached == Lifecycle.CLOSED:
        subject = f"{project.title} has closed"
    else:
        subject = f"{project.title} has moved to the {reached.label.lower()} stage"
    return send_mass_mail([(subject, body, None, [email]) for email in recipients])
