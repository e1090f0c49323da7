from django.urls import path

from coproduce.learning import views

app_name = "learning"

urlpatterns = [
    path("charter/", views.charter, name="charter"),
    path("charter/organisation/", views.sign_organisation, name="sign_organisation"),
    path("charter/signatures/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("charter/new-version/", views.publish, name="publish"),
    path("champions/", views.champions_page, name="champions"),
    path("coverage/", views.coverage, name="coverage"),
    path("courses/", views.course_list, name="courses"),
    path("courses/<int:pk>/", views.course_detail, name="course"),
    path("courses/<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/completion/", views.completion, name="completion"),
    path("records/", views.records, name="records"),
    path("records/<int:pk>/confidence/", views.confidence, name="confidence"),
    path("records/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path("inductions/", views.inductions, name="inductions"),
    path("recommendations/", views.recommendation_list, name="recommendations"),
    path("recommendations/<int:pk>/answer/", views.recommendation_response, name="recommendation_response"),
]
