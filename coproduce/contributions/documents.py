"""Thank-you letters, Easy Read thank-you cards and certificates of involvement, as tagged PDFs.

All three are the person's own documents, handed to them, so they name them in full: the letter and
the card greet them, and the certificate is made out to them for showing others (for a CV). The
letter and card also say how the person chose to be named in what we publish (``credited_as``).
"""

from django.utils import timezone

from coproduce.contributions.models import Contribution
from coproduce.involvement.models import Attendance
from coproduce.pdf import LARGE_PRINT_POINTS, render_pdf
from coproduce.people.credit import NOT_NAMED, public_name

DOCUMENTS = {
    "letter": "Thank-you letter",
    "certificate": "Certificate of involvement",
    "card": "Easy Read thank-you card",
}
EASY_READ_POINTS = LARGE_PRINT_POINTS[1]


def time_taken(minutes: int) -> str:
    """90 -> "1 hour and 30 minutes"; 120 -> "2 hours"; 45 -> "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def certificate_reference(attendance: Attendance) -> str:
    return f"CP-{attendance.pk:06d}"


def document_pdf(attendance: Attendance, kind: str) -> tuple[bytes, str]:
    """The PDF of ``kind`` (one of DOCUMENTS) for one person's part in one activity, and its file name."""
    if kind not in DOCUMENTS:
        raise ValueError(f"Unknown document {kind!r}.")
    person, activity = attendance.person, attendance.activity
    credited_as = public_name(person)
    contributions = list(Contribution.objects.filter(activity=activity, person=person).order_by("recorded_at", "id"))
    context = {
        "attendance": attendance,
        "person": person,
        "activity": activity,
        "project": activity.project,
        "hours": time_taken(attendance.minutes),
        "credited_as": credited_as,
        "is_named": credited_as != NOT_NAMED,
        # Nothing of a deleted (anonymised) record's name is left to put on it.
        "holder": person.full_name if person.anonymised_at is None else "",
        "reference": certificate_reference(attendance),
        "contributions": contributions,
        "today": timezone.localdate(),
    }
    points = EASY_READ_POINTS if kind == "card" else 12
    pdf = render_pdf(f"contributions/pdf/{kind}.html", context, points=points)
    return pdf, f"{kind.replace('card', 'easy-read-card')}-{attendance.pk}.pdf"
