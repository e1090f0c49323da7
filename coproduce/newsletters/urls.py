from django.urls import path

from coproduce.newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("", views.newsletter_list, name="list"),
    path("write/", views.newsletter_create, name="create"),
    path("<int:pk>/", views.newsletter_preview, name="preview"),
    path("<int:pk>/edit/", views.newsletter_edit, name="edit"),
    path("<int:pk>/send/", views.newsletter_send, name="send"),
]
