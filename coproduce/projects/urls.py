from django.urls import path

from coproduce.projects import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("propose/", views.project_propose, name="propose"),
    path("your-ideas/", views.my_ideas, name="my_ideas"),
    path("intake/", views.intake, name="intake"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/next-stage/", views.project_advance, name="advance"),
    path("<int:pk>/intake/", views.decide_intake, name="decide_intake"),
    path("<int:pk>/assessment/", views.project_assessment, name="assessment"),
    path("<int:pk>/approve-design/", views.project_approve_design, name="approve_design"),
    path("<int:pk>/group/add/", views.project_add_to_group, name="add_to_group"),
]
