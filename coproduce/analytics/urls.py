from django.urls import path

from coproduce.analytics import views

app_name = "analytics"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("refresh/", views.dashboard_refresh, name="dashboard_refresh"),
    path("representation/", views.representation_view, name="representation"),
    path(
        "representation/gaps/<str:dimension>/<str:category>/action/",
        views.outreach_action_create,
        name="outreach_action",
    ),
    path("reference-figures/", views.reference_figures, name="reference_figures"),
]
