from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "coproduce.involvement"
    label = "involvement"
    verbose_name = "Involvement"
