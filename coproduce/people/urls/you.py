"""Pages about the signed-in person themselves: "your details", under /you/."""

from coproduce.people.urls import profile, rights

app_name = "you"

urlpatterns = [*profile.you_patterns, *rights.you_patterns]
