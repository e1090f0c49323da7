"""Short experience surveys after activities and for standing groups, answered online, anonymously or by phone."""

from django.urls import path

from coproduce.surveys import views

app_name = "surveys"

urlpatterns = [
    path("", views.yours, name="yours"),
    path("manage/", views.manage, name="manage"),
    path("manage/activities/<int:pk>/open/", views.open_for_activity, name="open_activity"),
    path("manage/groups/<int:pk>/open/", views.open_for_group, name="open_group"),
    path("<int:pk>/", views.answer, name="answer"),
    path("<int:pk>/by-phone/", views.record_by_phone, name="record_by_phone"),
    path("<int:pk>/results/", views.round_summary, name="summary"),
]
