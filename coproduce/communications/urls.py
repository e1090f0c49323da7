from django.urls import path

from coproduce.communications import views

app_name = "communications"

urlpatterns = [
    path("display/", views.display, name="display"),
]
