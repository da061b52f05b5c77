from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"

    def ready(self) -> None:
        from gongkai.core import checks  # noqa: F401  (registers the system checks)
