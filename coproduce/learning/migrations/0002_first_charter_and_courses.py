"""Charter version 1, made from the model's five values and six steps, and the first four courses."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from coproduce.learning.defaults import ensure_defaults


def create(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ensure_defaults(
        apps.get_model("learning", "CharterVersion"),
        apps.get_model("learning", "Course"),
        apps.get_model("learning", "CourseMaterial"),
    )


def remove(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("learning", "CourseMaterial").objects.all().delete()
    apps.get_model("learning", "Course").objects.filter(records__isnull=True, sessions__isnull=True).delete()
    apps.get_model("learning", "CharterVersion").objects.filter(number=1, signatures__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
