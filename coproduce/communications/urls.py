from django.urls import path

from coproduce.communications import views

app_name = "communications"

urlpatterns = [
    path("display/", views.display, name="display"),
    path("other-formats/ask/", views.format_request, name="format_request"),
    path("other-formats/sent/", views.format_request_sent, name="format_request_sent"),
    path("other-formats/mine/", views.my_format_requests, name="my_format_requests"),
    path("other-formats/requests/", views.format_requests, name="format_requests"),
    path("other-formats/requests/<int:pk>/", views.format_request_update, name="format_request_update"),
]
