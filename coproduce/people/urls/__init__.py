"""The people pages, under /people/ (the person's own pages, under /you/, are in ``urls.you``)."""

from coproduce.people.urls import directory, imports, profile, rights

app_name = "people"

urlpatterns = [*directory.people_patterns, *profile.people_patterns, *rights.people_patterns, *imports.people_patterns]
