"""The Census 2021 population's source says where its figures come from in words, not as a file path."""

from typing import Any

from django.db import migrations

OLD_ENDING = "Each figure's table and cell are in coproduce/analytics/data/census2021_england_wales.csv."
NEW_ENDING = "Each figure's table and cell are listed in the Census figures file that comes with Coproduce."


def replace_ending(apps: Any, old: str, new: str) -> None:
    ReferencePopulation = apps.get_model("analytics", "ReferencePopulation")
    for population in ReferencePopulation.objects.filter(loaded_by=None, source__endswith=old):
        population.source = population.source[: -len(old)] + new
        population.save(update_fields=["source"])


def forwards(apps: Any, schema_editor: Any) -> None:
    replace_ending(apps, OLD_ENDING, NEW_ENDING)


def backwards(apps: Any, schema_editor: Any) -> None:
    replace_ending(apps, NEW_ENDING, OLD_ENDING)


class Migration(migrations.Migration):
    dependencies = [("analytics", "0003_indicatorrefresh_indicatorvalue")]

    operations = [migrations.RunPython(forwards, backwards)]
