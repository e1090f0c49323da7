"""The first version of the privacy notice and of each consent wording, in plain English.

An organisation adopting Coproduce publishes its own versions as new rows; these are never edited.
"""

from django.db import migrations

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


def add_notices(apps, schema_editor):
    Notice = apps.get_model("people", "Notice")
    for purpose, title, text in NOTICES:
        Notice.objects.get_or_create(purpose=purpose, version=1, defaults={"title": title, "text": text})


def remove_notices(apps, schema_editor):
    Notice = apps.get_model("people", "Notice")
    Notice.objects.filter(version=1, purpose__in=[purpose for purpose, _, _ in NOTICES], consents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0002_organisations_access_needs_consent")]

    operations = [migrations.RunPython(add_notices, remove_notices)]
