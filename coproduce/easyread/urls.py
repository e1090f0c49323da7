from django.urls import URLPattern

app_name = "easyread"

urlpatterns: list[URLPattern] = []
