from django.urls import path

from coproduce.people import urls_imports, urls_profile, urls_rights
from coproduce.people.views import directory, organisations

app_name = "people"

urlpatterns = [
    path("", directory.person_list, name="list"),
    path("add/", directory.person_create, name="create"),
    path("<int:pk>/", directory.person_detail, name="detail"),
    path("<int:pk>/confirm/", directory.person_confirm, name="confirm"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/add/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    *urls_profile.people_patterns,
    *urls_rights.people_patterns,
    *urls_imports.people_patterns,
]
