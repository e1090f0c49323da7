from django.urls import include, path

from coproduce import views

urlpatterns = [
    path("", views.home, name="home"),
    path("co-production/", views.co_production, name="co_production"),
    path("co-production/easy-read/", views.co_production_easy_read, name="co_production_easy_read"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("help/", views.help_page, name="help"),
    path("accounts/", include("coproduce.accounts.urls")),
    path("people/", include("coproduce.people.urls")),
    path("you/", include("coproduce.people.urls.you")),
    path("you/equality/", include("coproduce.equality.urls")),
    path("projects/", include("coproduce.projects.urls")),
    path("get-involved/", include("coproduce.involvement.urls")),
    path("contributions/", include("coproduce.contributions.urls")),
    path("payments/", include("coproduce.payments.urls")),
    path("decisions/", include("coproduce.decisions.urls")),
    path("learning/", include("coproduce.learning.urls")),
    # Display preferences (/display/) and, later, requests for other formats.
    path("", include("coproduce.communications.urls")),
    path("easy-read/", include("coproduce.easyread.urls")),
    path("surveys/", include("coproduce.surveys.urls")),
    path("how-are-we-doing/", include("coproduce.analytics.urls")),
    path("newsletters/", include("coproduce.newsletters.urls")),
    path("reviews/", include("coproduce.reviews.urls")),
    path("reports/", include("coproduce.reports.urls")),
]
