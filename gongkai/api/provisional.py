"""`provisional`, `provisional_years`, `provisional_note` of a stored deadline, for serializers.

A stored deadline (due_on, publication_due_on, decision_due_on) counted in a year whose holiday
notice is not entered is 暂定 (docs/calendar.md). The entered years are read once per
serialization and kept on the root serializer, which a list's rows share.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from rest_framework import serializers

from gongkai.workdays import selectors

PROVISIONAL_FIELDS = ["provisional", "provisional_years", "provisional_note"]


class ProvisionalDateMixin(serializers.Serializer):
    """Set `provisional_date_field` to the stored date these three fields describe."""

    provisional_date_field: ClassVar[str] = "due_on"

    provisional = serializers.SerializerMethodField(
        help_text="true：期限落在放假安排尚未公布的年份，为暂定日期。"
    )
    provisional_years = serializers.SerializerMethodField()
    provisional_note = serializers.SerializerMethodField(help_text="暂定的原因；不是暂定时为空。")

    def _provisional_date(self, obj: Any) -> dt.date | None:
        day = getattr(obj, self.provisional_date_field, None)
        # On the root serializer, which every row of a list shares.
        root: Any = self.root
        entered = getattr(root, "_entered_years", None)
        if entered is None:
            entered = root._entered_years = selectors.entered_years()
        return day if selectors.stored_date_is_provisional(day, entered) else None

    def get_provisional(self, obj: Any) -> bool:
        return self._provisional_date(obj) is not None

    def get_provisional_years(self, obj: Any) -> list[int]:
        day = self._provisional_date(obj)
        return [day.year] if day else []

    def get_provisional_note(self, obj: Any) -> str:
        day = self._provisional_date(obj)
        return selectors.stored_date_provisional_note(day, frozenset()) if day else ""
