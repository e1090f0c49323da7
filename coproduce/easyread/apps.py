from django.apps import AppConfig


class EasyReadConfig(AppConfig):
    name = "coproduce.easyread"
    label = "easyread"
    verbose_name = "EasyRead"
