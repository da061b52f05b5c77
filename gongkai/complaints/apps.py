from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "gongkai.complaints"
    label = "complaints"
    verbose_name = "投诉建议"
