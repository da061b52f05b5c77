from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.utils import translation

from gongkai.portal.templatetags.portal_tags import cn_date, cn_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2009, 12, 31), "2009年12月31日"),
        (dt.date(2024, 1, 5), "2024年1月5日"),
        (None, ""),
        # 2009-12-31 20:00 UTC is already 1 January in Beijing.
        (dt.datetime(2009, 12, 31, 20, 0, tzinfo=zoneinfo.ZoneInfo("UTC")), "2010年1月1日"),
    ],
)
def test_cn_date(value, expected):
    with translation.override("zh-hans"):
        assert cn_date(value) == expected


def test_cn_date_in_english_is_iso():
    with translation.override("en"):
        assert cn_date(dt.date(2009, 12, 31)) == "2009-12-31"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (81, "81"),
        (12345, "12,345"),
        (200000, "200,000"),
        ("3000", "3,000"),
        (None, ""),
        ("n/a", "n/a"),
    ],
)
def test_cn_number(value, expected):
    assert cn_number(value) == expected
