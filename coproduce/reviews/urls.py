from django.urls import path

from coproduce.reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="list"),
    path("<int:pk>/", views.review_detail, name="review"),
    path("<int:pk>/take-part/", views.take_part, name="take_part"),
    path("<int:pk>/record/", views.record, name="record"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/standards/", views.standards, name="standards"),
]
