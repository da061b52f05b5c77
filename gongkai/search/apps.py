from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "gongkai.search"
    label = "search"

    def ready(self) -> None:
        from gongkai.search import checks  # noqa: F401  (registers the system checks)
