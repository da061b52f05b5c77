from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "gongkai.workdays"
    label = "workdays"

    def ready(self) -> None:
        from gongkai.workdays import checks  # noqa: F401  (registers the system checks)
