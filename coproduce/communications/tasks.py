"""Background work for format requests, run by `manage.py db_worker`."""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from coproduce.communications.messaging import content_from_templates, retry_message
from coproduce.communications.models import FormatRequest
from coproduce.communications.queries import coordinators
from coproduce.communications.staff import recipients_for, send_to, unique_recipients

__all__ = ["retry_message", "tell_coordinators_about_format_request"]


@task()
def tell_coordinators_about_format_request(*, format_request_id: int) -> int:
    """Tell every coordinator that a request for another format has arrived. Returns how many it reached.

    Each coordinator's message goes to their Person record through the one messaging path (a sign-in
    with no Person record gets a plain email, see ``communications.staff``). The message says which
    page, which format and when it is due; never who asked or how to reach them (the coordinator signs
    in to see that).
    """
    request = FormatRequest.objects.filter(pk=format_request_id).first()
    if request is None:
        return 0
    content = content_from_templates(
        "communications/email/format_request_received",
        {
            "format_request": request,
            "url": settings.SITE_URL + reverse("communications:format_request_update", kwargs={"pk": request.pk}),
            "list_url": settings.SITE_URL + reverse("communications:format_requests"),
        },
        subject=f"New request: {request.format_label}, due {request.due_on:%-d %B %Y}",
    )
    recipients = unique_recipients(recipients_for(coordinators()))
    return sum(send_to(recipient, content, topic="format_request") for recipient in recipients)
