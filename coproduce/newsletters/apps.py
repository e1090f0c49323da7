from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "coproduce.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"
