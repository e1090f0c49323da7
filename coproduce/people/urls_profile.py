"""URL patterns for the profile pages: `people_patterns` (under /people/) and `you_patterns` (under /you/)."""

from django.urls import URLPattern

people_patterns: list[URLPattern] = []
you_patterns: list[URLPattern] = []
