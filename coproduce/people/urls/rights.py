"""URL patterns for the rights pages: `people_patterns` (under /people/) and `you_patterns` (under /you/)."""

from django.urls import URLPattern, path

from coproduce.people.views import rights

people_patterns: list[URLPattern] = [
    path("retention/", rights.retention_review, name="retention"),
    path("<int:pk>/data/", rights.person_data_page, name="data"),
    path("<int:pk>/data.json", rights.person_data_json, name="data_json"),
    path("<int:pk>/delete/", rights.person_delete, name="delete"),
]
you_patterns: list[URLPattern] = [
    path("data/", rights.your_data, name="data"),
    path("data.json", rights.your_data_json, name="data_json"),
    path("delete/", rights.your_account_delete, name="delete"),
]
