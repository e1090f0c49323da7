from django.urls import path

from coproduce.contributions import views

app_name = "contributions"

urlpatterns = [
    path("yours/", views.yours, name="yours"),
    path("yours/changed-things/", views.changed_things, name="changed_things"),
    path("yours/new/", views.add_own, name="add_own"),
    path("overdue/", views.overdue, name="overdue"),
    path("<int:pk>/respond/", views.respond, name="respond"),
    path("activity/<int:pk>/", views.activity_contributions_page, name="activity"),
    path("activity/<int:pk>/thanks/", views.activity_thanks, name="thanks"),
    path("attendance/<int:pk>/<slug:kind>.pdf", views.document, name="document"),
]
