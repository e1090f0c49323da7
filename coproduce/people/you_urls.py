"""Pages about the signed-in person themselves: "your details", under /you/."""

from coproduce.people import urls_profile, urls_rights

app_name = "you"

urlpatterns = [*urls_profile.you_patterns, *urls_rights.you_patterns]
