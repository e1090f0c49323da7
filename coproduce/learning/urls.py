from django.urls import path

from coproduce.learning.views import champions, charter, inductions, recommendations, training

app_name = "learning"

urlpatterns = [
    path("charter/", charter.charter, name="charter"),
    path("charter/organisation/", charter.sign_organisation, name="sign_organisation"),
    path("charter/signatures/<int:pk>/withdraw/", charter.withdraw, name="withdraw"),
    path("charter/new-version/", charter.publish, name="publish"),
    path("champions/", champions.champions_page, name="champions"),
    path("coverage/", champions.coverage, name="coverage"),
    path("courses/", training.course_list, name="courses"),
    path("courses/<int:pk>/", training.course_detail, name="course"),
    path("courses/<int:pk>/sessions/new/", training.session_create, name="session_create"),
    path("sessions/<int:pk>/completion/", training.completion, name="completion"),
    path("records/", training.records, name="records"),
    path("records/<int:pk>/confidence/", training.confidence, name="confidence"),
    path("records/<int:pk>/certificate.pdf", training.certificate, name="certificate"),
    path("inductions/", inductions.inductions, name="inductions"),
    path("recommendations/", recommendations.recommendation_list, name="recommendations"),
    path("recommendations/<int:pk>/answer/", recommendations.recommendation_response, name="recommendation_response"),
]
