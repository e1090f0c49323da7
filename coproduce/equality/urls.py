from django.urls import URLPattern

app_name = "equality"

urlpatterns: list[URLPattern] = []
