from django.urls import path

from coproduce.equality import views

app_name = "equality"

# No pattern takes a person: each page is about the signed-in person only.
urlpatterns = [
    path("", views.mine, name="mine"),
    path("answer/", views.answer, name="answer"),
    path("withdraw/", views.withdraw, name="withdraw"),
]
