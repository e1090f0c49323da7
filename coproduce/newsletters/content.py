"""The words each person gets: the newsletter's text with their placeholders filled in, and a footer."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from coproduce.newsletters import placeholders
from coproduce.newsletters.models import Newsletter
from coproduce.people.models import Person


def footer() -> str:
    return (
        "You get this because you said we could keep in touch with you. "
        f"To stop, change “Keeping in touch” at {settings.SITE_URL}{reverse('you:consents')} "
        "or tell a coordinator."
    )


def easy_read_footer() -> str:
    return (
        "You said we can keep in touch with you.\n"
        f"To stop, go to {settings.SITE_URL}{reverse('you:consents')}\n"
        "Or tell a coordinator."
    )


@dataclass(frozen=True)
class Copy:
    """One person's copy of a newsletter, in the shape of the messaging contract's ``Content``."""

    subject: str
    text: str
    easy_read_text: str  # blank: Easy Read readers get ``text``

    @property
    def easy_read_or_standard(self) -> str:
        return self.easy_read_text or self.text


def copy_for(newsletter: Newsletter, person: Person | None) -> Copy:
    """``person``'s copy (``None``: a copy for no one in particular, with sample names)."""
    values = placeholders.values_for(person)
    text = placeholders.fill(newsletter.body, values).strip() + "\n\n" + footer()
    easy_read = ""
    if newsletter.easy_read_body.strip():
        easy_read = placeholders.fill(newsletter.easy_read_body, values).strip() + "\n\n" + easy_read_footer()
    return Copy(subject=newsletter.title, text=text, easy_read_text=easy_read)
