"""Reading dates from pasted text and from a State Council holiday notice."""

from __future__ import annotations

from datetime import date, timedelta

from chinese_calendar import constants

from gongkai.workdays.notice import format_days, parse_dates, parse_notice

NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
国务院办公厅
2025年11月4日
"""


def _span(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def test_the_2026_notice_gives_the_package_data():
    notice = parse_notice(NOTICE_2026, year=2026)
    assert notice.problems == []
    assert set(notice.holidays) == {d for d in constants.holidays if d.year == 2026}
    assert set(notice.makeup_workdays) == {d for d in constants.workdays if d.year == 2026}
    assert notice.holidays[date(2026, 2, 20)] == "春节"
    assert notice.makeup_workdays[date(2026, 9, 20)] == "国庆节"
    # The signature date is not taken for a holiday, but shown for checking.
    assert "2025年11月4日" in notice.ignored_lines


def test_notice_with_a_combined_festival_line():
    text = (
        "六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。"
        "10月7日（星期六）、10月8日（星期日）上班。"
    )
    notice = parse_notice(text, year=2023)
    assert set(notice.holidays) == _span(date(2023, 9, 29), date(2023, 10, 6))
    assert set(notice.makeup_workdays) == {date(2023, 10, 7), date(2023, 10, 8)}
    assert notice.holidays[date(2023, 10, 1)] == "中秋节、国庆节"


def test_parse_dates_understands_the_usual_forms():
    text = (
        "2027-01-01\n"
        "２０２７年１月２日、3日\n"
        "春节：1月28日（星期四）至2月3日\n"
        "2027/4/5 ~ 2027/4/6\n"
        "劳动节 5月1日到5日\n"
    )
    parsed = parse_dates(text, year=2027)
    assert parsed.problems == []
    assert set(parsed.days) == (
        _span(date(2027, 1, 1), date(2027, 1, 3))
        | _span(date(2027, 1, 28), date(2027, 2, 3))
        | {date(2027, 4, 5), date(2027, 4, 6)}
        | _span(date(2027, 5, 1), date(2027, 5, 5))
    )
    assert parsed.days[date(2027, 2, 1)] == "春节"
    assert parsed.days[date(2027, 5, 3)] == "劳动节"
    assert parsed.days[date(2027, 1, 1)] == ""


def test_parse_dates_reports_what_it_cannot_read():
    parsed = parse_dates("1月32日\n13/45\n至3日\n2027-02-10 至 2027-01-01\n1月1日", year=2027)
    assert parsed.days == {date(2027, 1, 1): ""}
    assert parsed.problems == [
        "日期不存在：「1月32日」（1月32日）",
        "无法识别的日期：「13/45」",
        "缺少月份：「3日」（至3日）",
        "日期范围有误：「2027-02-10 至 2027-01-01」",
    ]


def test_format_days_round_trips():
    days = dict.fromkeys(_span(date(2026, 2, 15), date(2026, 2, 23)), "春节")
    days[date(2026, 1, 1)] = "元旦"
    days[date(2026, 3, 2)] = ""
    text = format_days(days)
    assert text.splitlines() == ["元旦：2026-01-01", "春节：2026-02-15 至 2026-02-23", "2026-03-02"]
    assert parse_dates(text, year=2026).days == days
