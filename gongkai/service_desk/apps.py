from django.apps import AppConfig


class ServiceDeskConfig(AppConfig):
    name = "gongkai.service_desk"
    label = "service_desk"
    verbose_name = "服务评价与服务保障"
