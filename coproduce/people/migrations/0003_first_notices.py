"""The first version of the privacy notice and of each consent wording (in coproduce.people.defaults)."""

from django.db import migrations

from coproduce.people.defaults import NOTICES, ensure_first_notices


def add_notices(apps, schema_editor):
    ensure_first_notices(apps.get_model("people", "Notice"))


def remove_notices(apps, schema_editor):
    Notice = apps.get_model("people", "Notice")
    Notice.objects.filter(version=1, purpose__in=[purpose for purpose, _, _ in NOTICES], consents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0002_organisations_access_needs_consent")]

    operations = [migrations.RunPython(add_notices, remove_notices)]
