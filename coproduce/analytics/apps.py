from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "coproduce.analytics"
    label = "analytics"
    verbose_name = "Analytics"
