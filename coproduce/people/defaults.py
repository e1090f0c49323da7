"""The first version of the privacy notice and of each consent wording, in plain English.

The data migration ``0003_first_notices`` makes them; tests that flush the database put them back with
:func:`ensure_first_notices`. An organisation adopting Coproduce publishes its own versions as new
rows; these are never edited.
"""

from typing import Any

NOTICES = [
    (
        "privacy_notice",
        "How we use your information",
        "We keep your name and how to contact you so that we can invite you to take part, support you and "
        "thank you. We only share what someone needs to know to support you. You can see everything we keep "
        "about you, download it, and ask us to delete it at any time. We keep information about people who "
        "have not taken part for two years, then we ask them if they want us to keep it.",
    ),
    (
        "access_needs",
        "Keeping your access needs",
        "We would like to keep a note of the support you need, such as Easy Read or a quiet space. We only "
        "show it to the people who arrange that support for you. You can change it or ask us to delete it at "
        "any time.",
    ),
    (
        "equality_monitoring",
        "Equality monitoring",
        "We ask some questions about who you are, such as your ethnic group or whether you are disabled. "
        "This helps us check that all kinds of people can take part. Answering is your choice: you can skip "
        "any question. Staff never see your answers. We only look at totals for groups of people, and we "
        "never show small numbers. You can withdraw at any time, and then we stop using your answers.",
    ),
    (
        "contact",
        "Keeping in touch",
        "We would like to tell you about new chances to take part, in the way you choose. You can stop this "
        "at any time.",
    ),
]


def ensure_first_notices(notice: Any) -> None:
    """Create version 1 of each notice unless it exists (given the Notice model class)."""
    for purpose, title, text in NOTICES:
        notice.objects.get_or_create(purpose=purpose, version=1, defaults={"title": title, "text": text})
