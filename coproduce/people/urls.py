from django.urls import path

from coproduce.people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="list"),
    path("add/", views.person_create, name="create"),
    path("<int:pk>/", views.person_detail, name="detail"),
]
