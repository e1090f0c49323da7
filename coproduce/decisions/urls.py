"""Project groups, proposals, the decision register and concerns."""

from django.urls import path

from coproduce.decisions.views import agenda, concerns, groups, proposals, register, responses

app_name = "decisions"

urlpatterns = [
    path("", register.register, name="register"),
    path("projects/<int:pk>/", register.project_decisions, name="project"),
    path("projects/<int:pk>/groups/new/", groups.group_create, name="group_create"),
    path("projects/<int:pk>/new/", register.decision_create, name="decision_create"),
    path("groups/<int:pk>/", groups.group_detail, name="group"),
    path("groups/<int:pk>/members/add/", groups.group_add_member, name="group_add_member"),
    path("groups/<int:pk>/ground-rules/", groups.ground_rules, name="ground_rules"),
    path("groups/<int:pk>/proposals/new/", proposals.proposal_create, name="proposal_create"),
    path("groups/<int:pk>/agenda/new/", agenda.agenda_propose, name="agenda_propose"),
    path("agenda/<int:pk>/", agenda.agenda_status, name="agenda_status"),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/respond/", responses.respond, name="respond"),
    path("proposals/<int:pk>/record/", responses.record_response, name="record_response"),
    path("proposals/<int:pk>/withdraw/", responses.withdraw_response, name="withdraw_response"),
    path("proposals/<int:pk>/extend/", proposals.extend, name="extend"),
    path("<int:pk>/", register.decision_detail, name="decision"),
    path("<int:pk>/edit/", register.decision_edit, name="decision_edit"),
    path("<int:pk>/publish/", register.decision_publish, name="publish"),
    path("concerns/", concerns.concerns, name="concerns"),
    path("concerns/new/", concerns.concern_create, name="concern_create"),
    path("concerns/yours/", concerns.your_concerns, name="your_concerns"),
    path("concerns/<int:pk>/", concerns.concern_answer, name="concern_answer"),
    path("concerns/reference/", concerns.concern_reference, name="concern_reference"),
]
