from django.urls import path

from coproduce.involvement import views

app_name = "involvement"

urlpatterns = [
    path("", views.opportunities, name="opportunities"),
    path("yours/", views.your_activities, name="yours"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/calendar.ics", views.activity_ics, name="ics"),
    path("<int:pk>/easy-read-picture/", views.easy_read_image, name="easy_read_image"),
    path("<int:pk>/register/", views.activity_register, name="register"),
    path("<int:pk>/interested/", views.interest, name="interest"),
    path("registrations/<int:pk>/withdraw/", views.registration_withdraw, name="withdraw"),
    path("manage/", views.manage, name="manage"),
    path("manage/new/", views.activity_create, name="activity_create"),
    path("manage/<int:pk>/", views.manage_activity, name="manage_activity"),
    path("manage/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("manage/<int:pk>/registration/", views.activity_publish, name="publish"),
    path("manage/<int:pk>/roster/", views.activity_roster, name="roster"),
    path("manage/<int:pk>/roster/add/", views.roster_add, name="roster_add"),
    path("manage/registrations/<int:pk>/support/", views.registration_arrangements, name="arrangements"),
    path("manage/<int:pk>/ready/", views.activity_mark_ready, name="mark_ready"),
    path("manage/<int:pk>/attendance/", views.activity_attendance, name="attendance"),
]
