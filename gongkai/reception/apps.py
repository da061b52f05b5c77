from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "gongkai.reception"
    label = "reception"
    verbose_name = _("审批处长接访")
