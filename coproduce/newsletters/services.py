"""Writing and sending newsletters. Sending records who it goes to (once each) and queues the work."""

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.decisions.models import ProjectGroup
from coproduce.http import require
from coproduce.newsletters import permissions, placeholders, queries
from coproduce.newsletters.choices import Audience, Status
from coproduce.newsletters.models import Newsletter, Recipient
from coproduce.projects.models import Project
from coproduce.refusals import Refused

ALREADY_SENT = "This newsletter has been sent. It cannot be changed or sent again"
EMPTY_AUDIENCE = (
    "Nobody in this audience can be sent this newsletter. People need to have agreed to keeping in touch. "
    "Choose another audience, or ask people to agree first"
)


def _placeholder_errors(body: str, easy_read_body: str) -> dict[str, str]:
    errors = {}
    for field, text in (("body", body), ("easy_read_body", easy_read_body)):
        found = placeholders.problems(text)
        if found:
            errors[field] = ". ".join(found)
    return errors


@transaction.atomic
def save_draft(
    newsletter: Newsletter | None,
    *,
    title: str,
    body: str,
    easy_read_body: str,
    audience: str,
    group: ProjectGroup | None,
    project: Project | None,
    by: User,
) -> Newsletter:
    """Write a new draft (``newsletter`` None) or change one. Refused once sent, or with a broken placeholder."""
    if newsletter is None:
        require(permissions.can_manage_newsletters(by))
        newsletter = Newsletter(written_by=by)
    else:
        require(permissions.can_manage_newsletters(by))
        newsletter = Newsletter.objects.select_for_update(of=("self",)).get(pk=newsletter.pk)
        if newsletter.is_sent:
            raise Refused(ALREADY_SENT)
    errors = _placeholder_errors(body, easy_read_body)
    if audience == Audience.GROUP and group is None:
        errors["group"] = "Choose the project group"
    if audience == Audience.PROJECT and project is None:
        errors["project"] = "Choose the project"
    if errors:
        raise Refused(errors)
    newsletter.title = title
    newsletter.body = body
    newsletter.easy_read_body = easy_read_body
    newsletter.audience = audience
    newsletter.group = group if audience == Audience.GROUP else None
    newsletter.project = project if audience == Audience.PROJECT else None
    newsletter.save()
    return newsletter


@transaction.atomic
def send_newsletter(newsletter: Newsletter, *, by: User) -> Newsletter:
    """Send a draft to its audience: each person once, through each person's own route and format.

    Refused if already sent or if nobody in the audience may be contacted. Effects: a recipient
    record for each person, the newsletter marked sent, an audit event, and (after commit) the
    background task that hands each person's copy to the messaging path.
    """
    from coproduce.newsletters.tasks import send_newsletter_copies

    require(permissions.can_manage_newsletters(by))
    locked = Newsletter.objects.select_for_update(of=("self",)).get(pk=newsletter.pk)
    if locked.is_sent:
        raise Refused(ALREADY_SENT)
    problems = _placeholder_errors(locked.body, locked.easy_read_body)
    if problems:
        raise Refused("Put right the placeholders in the text before you send it")
    person_ids = list(queries.audience(locked).values_list("pk", flat=True))
    if not person_ids:
        raise Refused(EMPTY_AUDIENCE)
    Recipient.objects.bulk_create(Recipient(newsletter=locked, person_id=person_id) for person_id in person_ids)
    locked.status = Status.SENT
    locked.sent_at = timezone.now()
    locked.sent_by = by
    locked.recipients_count = len(person_ids)
    locked.save(update_fields=["status", "sent_at", "sent_by", "recipients_count", "updated_at"])
    record_event(
        actor=by,
        action="newsletters.newsletter_sent",
        target=locked,
        payload={"audience": locked.audience, "recipients": len(person_ids)},
    )
    newsletter_id = locked.pk
    transaction.on_commit(lambda: send_newsletter_copies.enqueue(newsletter_id=newsletter_id))
    return locked
