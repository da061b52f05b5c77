from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "gongkai.organisations"
    label = "organisations"
