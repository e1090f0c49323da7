from django.urls import path

from coproduce.reports import views

app_name = "reports"

urlpatterns = [
    path("organisation/", views.organisation, name="organisation"),
    path("organisation/easy-read/", views.organisation_easy_read, name="organisation_easy_read"),
    path("organisation/words/", views.organisation_narrative, name="organisation_narrative"),
    path("organisation/download/<str:fmt>/", views.organisation_file, name="organisation_file"),
    path("projects/<int:pk>/", views.project, name="project"),
    path("projects/<int:pk>/easy-read/", views.project_easy_read, name="project_easy_read"),
    path("projects/<int:pk>/words/", views.project_narrative, name="project_narrative"),
    path("projects/<int:pk>/download/<str:fmt>/", views.project_file, name="project_file"),
    path("projects/<int:pk>/you-said-we-did/", views.you_said_we_did_manage, name="you_said_we_did_manage"),
    path("you-said-we-did/<int:pk>/", views.you_said_we_did_page, name="you_said_we_did"),
    path("digests/", views.digests, name="digests"),
]
