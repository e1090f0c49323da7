"""Load Census 2021 England and Wales as the default reference population."""

from typing import Any

from django.db import migrations

from coproduce.analytics.census import load_census


def forwards(apps: Any, schema_editor: Any) -> None:
    load_census(apps.get_model("analytics", "ReferencePopulation"), apps.get_model("analytics", "ReferenceFigure"))


def backwards(apps: Any, schema_editor: Any) -> None:
    apps.get_model("analytics", "ReferencePopulation").objects.filter(loaded_by=None).delete()


class Migration(migrations.Migration):
    dependencies = [("analytics", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
