from django.apps import AppConfig


class ReadingRoomConfig(AppConfig):
    name = "gongkai.reading_room"
    label = "reading_room"
    verbose_name = "政务资讯大厅"
