from django.urls import path

from coproduce.involvement.views import activities, attendance, interest, opportunities, registrations, roster

app_name = "involvement"

urlpatterns = [
    path("", opportunities.opportunities, name="opportunities"),
    path("yours/", registrations.your_activities, name="yours"),
    path("<int:pk>/", opportunities.activity_detail, name="detail"),
    path("<int:pk>/calendar.ics", opportunities.activity_ics, name="ics"),
    path("<int:pk>/easy-read-picture/", opportunities.easy_read_image, name="easy_read_image"),
    path("<int:pk>/register/", registrations.activity_register, name="register"),
    path("<int:pk>/interested/", interest.interest, name="interest"),
    path("registrations/<int:pk>/withdraw/", registrations.registration_withdraw, name="withdraw"),
    path("manage/", activities.manage, name="manage"),
    path("manage/new/", activities.activity_create, name="activity_create"),
    path("manage/<int:pk>/", activities.manage_activity, name="manage_activity"),
    path("manage/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("manage/<int:pk>/registration/", activities.activity_publish, name="publish"),
    path("manage/<int:pk>/roster/", roster.activity_roster, name="roster"),
    path("manage/<int:pk>/roster/add/", roster.roster_add, name="roster_add"),
    path("manage/registrations/<int:pk>/support/", roster.registration_arrangements, name="arrangements"),
    path("manage/<int:pk>/ready/", roster.activity_mark_ready, name="mark_ready"),
    path("manage/<int:pk>/attendance/", attendance.activity_attendance, name="attendance"),
]
