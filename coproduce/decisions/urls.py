"""Project groups, proposals, the decision register and concerns."""

from django.urls import path

from coproduce.decisions import views

app_name = "decisions"

urlpatterns = [
    path("", views.register, name="register"),
    path("projects/<int:pk>/", views.project_decisions, name="project"),
    path("projects/<int:pk>/groups/new/", views.group_create, name="group_create"),
    path("projects/<int:pk>/new/", views.decision_create, name="decision_create"),
    path("groups/<int:pk>/", views.group_detail, name="group"),
    path("groups/<int:pk>/members/add/", views.group_add_member, name="group_add_member"),
    path("groups/<int:pk>/ground-rules/", views.ground_rules, name="ground_rules"),
    path("groups/<int:pk>/proposals/new/", views.proposal_create, name="proposal_create"),
    path("groups/<int:pk>/agenda/new/", views.agenda_propose, name="agenda_propose"),
    path("agenda/<int:pk>/", views.agenda_status, name="agenda_status"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/respond/", views.respond, name="respond"),
    path("proposals/<int:pk>/record/", views.record_response, name="record_response"),
    path("proposals/<int:pk>/withdraw/", views.withdraw_response, name="withdraw_response"),
    path("proposals/<int:pk>/extend/", views.extend, name="extend"),
    path("<int:pk>/", views.decision_detail, name="decision"),
    path("<int:pk>/edit/", views.decision_edit, name="decision_edit"),
    path("<int:pk>/publish/", views.decision_publish, name="publish"),
    path("concerns/", views.concerns, name="concerns"),
    path("concerns/new/", views.concern_create, name="concern_create"),
    path("concerns/yours/", views.your_concerns, name="your_concerns"),
    path("concerns/<int:pk>/", views.concern_answer, name="concern_answer"),
]
