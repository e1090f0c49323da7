from django.apps import AppConfig


class CommunicationsConfig(AppConfig):
    name = "coproduce.communications"
    label = "communications"
    verbose_name = "Communications"

    def ready(self) -> None:
        from coproduce.communications import signals  # noqa: F401 - connects the receivers
