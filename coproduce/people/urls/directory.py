"""URL patterns for the directory pages, under /people/: people and organisations."""

from django.urls import URLPattern, path

from coproduce.people.views import directory, organisations

people_patterns: list[URLPattern] = [
    path("", directory.person_list, name="list"),
    path("add/", directory.person_create, name="create"),
    path("<int:pk>/", directory.person_detail, name="detail"),
    path("<int:pk>/confirm/", directory.person_confirm, name="confirm"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/add/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
]
