"""URL patterns for the profile pages: `people_patterns` (under /people/) and `you_patterns` (under /you/)."""

from django.urls import URLPattern, path

from coproduce.people.views import profile

people_patterns: list[URLPattern] = [
    path("<int:pk>/access-needs/", profile.person_access_needs, name="access_needs"),
    path("<int:pk>/consent/", profile.person_consents, name="consents"),
]
you_patterns: list[URLPattern] = [
    path("", profile.profile_details, name="details"),
    path("contact/", profile.profile_contact, name="contact"),
    path("access-needs/", profile.profile_access_needs, name="access_needs"),
    path("recognition/", profile.profile_recognition, name="recognition"),
    path("consent/", profile.profile_consents, name="consents"),
]
