"""URL patterns for the imports pages, under /people/: upload, columns, check, and the export."""

from django.urls import URLPattern, path

from coproduce.people.views import imports

people_patterns: list[URLPattern] = [
    path("import/", imports.import_upload, name="import_upload"),
    path("import/<int:pk>/columns/", imports.import_columns, name="import_columns"),
    path("import/<int:pk>/check/", imports.import_check, name="import_check"),
    path("export/", imports.export, name="export"),
]
