from django.apps import AppConfig


class WebAnalyticsConfig(AppConfig):
    name = "gongkai.web_analytics"
    label = "web_analytics"
    verbose_name = "网站访问统计"
