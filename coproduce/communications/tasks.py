"""Background work for format requests, run by `manage.py db_worker`."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from coproduce.communications.messaging import retry_message
from coproduce.communications.models import FormatRequest
from coproduce.communications.queries import coordinator_emails

__all__ = ["retry_message", "tell_coordinators_about_format_request"]


@task()
def tell_coordinators_about_format_request(*, format_request_id: int) -> int:
    """Email every coordinator that a request for another format has arrived. Returns emails sent.

    The email says which page, which format and when it is due; never who asked or how to reach them
    (the coordinator signs in to see that).
    """
    request = FormatRequest.objects.filter(pk=format_request_id).first()
    recipients = coordinator_emails()
    if request is None or not recipients:
        return 0
    body = render_to_string(
        "communications/email/format_request_received.txt",
        {
            "format_request": request,
            "url": settings.SITE_URL + reverse("communications:format_request_update", kwargs={"pk": request.pk}),
            "list_url": settings.SITE_URL + reverse("communications:format_requests"),
        },
    )
    return send_mail(
        subject=f"New request: {request.format_label}, due {request.due_on:%-d %B %Y}",
        message=body,
        from_email=None,
        recipient_list=recipients,
    )
