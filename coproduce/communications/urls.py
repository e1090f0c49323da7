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
    path("messages/", views.message_list, name="messages"),
    path("messages/<int:pk>/retry/", views.message_retry, name="message_retry"),
    path("messages/post/", views.post_to_send, name="post_to_send"),
    path("messages/post/letters.pdf", views.post_batch, name="post_batch"),
    path("messages/post/posted/", views.letters_posted, name="letters_posted"),
    path("messages/calls/", views.calls_to_make, name="calls"),
    path("messages/calls/<int:pk>/done/", views.call_done, name="call_done"),
    path("how-we-contact-you/", views.my_contact_preferences, name="my_contact_preferences"),
    path("how-we-contact-you/<int:person_id>/", views.contact_preferences_for, name="contact_preferences_for"),
]
