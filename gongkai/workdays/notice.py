"""Read holiday dates out of text pasted by staff: date lists or a 国务院办公厅 notice.

Understood forms: ``2027-01-01``, ``2027/1/1``, ``2027年1月1日``, ``1月1日``, ranges joined by
至/到/~/—/- whose end may be shortened (``1月1日至3日``, ``1月28日（星期四）至2月3日``), several
dates joined by 、, and a name before a colon (``春节：2月6日至12日``). Remarks in brackets
(weekdays, lunar dates) are ignored. Anything with digits that is not understood is reported,
never dropped silently; so is a day listed twice and a range of more than 31 days.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

HOLIDAY_KEYWORDS = (
    "元旦",
    "春节",
    "清明节",
    "清明",
    "劳动节",
    "五一",
    "端午节",
    "端午",
    "中秋节",
    "中秋",
    "国庆节",
    "国庆",
)
RANGE_SEPARATORS = {"至", "到", "~", "〜", "—", "–", "-"}
MAX_RANGE_DAYS = 31  # no holiday block is longer; a longer range is a typing mistake

_ATOM = re.compile(
    r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?!\d)"
    r"|(?:(?P<y>\d{4})\s*年\s*)?(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*[日号]"
)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|〔[^〔〕]*〕|【[^【】]*】")
_NOISE = re.compile(r"共\s*\d+\s*天|\d{4}\s*年(?!\s*\d)")
_NAME = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\d+\s*[.、]|\([一二三四五六七八九十\d]+\))?\s*"
    r"(?P<name>[^\d:]{1,20}?)\s*:"
)
_CLAUSES = re.compile(r"[。;,\n]")


@dataclass
class ParsedDates:
    days: dict[date, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass
class ParsedNotice:
    holidays: dict[date, str] = field(default_factory=dict)
    makeup_workdays: dict[date, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    ignored_lines: list[str] = field(default_factory=list)


def _normalise(text: str) -> str:
    # NFKC turns full-width digits and punctuation (２０２７、：（）～，；) into ASCII.
    text = unicodedata.normalize("NFKC", text)
    previous = None
    while previous != text:  # brackets may nest, e.g. （农历腊月二十八（周日））
        previous = text
        text = _BRACKETS.sub(" ", text)
    return text


def _split_name(line: str) -> tuple[str, str]:
    match = _NAME.match(line)
    if match:
        return match.group("name").strip(), line[match.end() :]
    for keyword in HOLIDAY_KEYWORDS:
        if keyword in line:
            return keyword, line
    return "", line


def _parse_clause(clause: str, *, year: int, name: str, result: ParsedDates) -> None:
    original = clause.strip()
    atoms = list(_ATOM.finditer(clause))
    leftover = _NOISE.sub(" ", _ATOM.sub(" ", clause))
    if re.search(r"\d", leftover):
        result.problems.append(f"无法识别的日期：「{original}」")
        return

    previous: tuple[int, int] | None = None  # (year, month) of the atom before, for "至3日"
    pending_start: date | None = None
    for index, atom in enumerate(atoms):
        if atom.group("iy"):
            y, m, d = int(atom.group("iy")), int(atom.group("im")), int(atom.group("id"))
        else:
            y = int(atom.group("y")) if atom.group("y") else (previous[0] if previous else year)
            if atom.group("m"):
                m = int(atom.group("m"))
            elif previous:
                m = previous[1]
            else:
                result.problems.append(f"缺少月份：「{atom.group(0).strip()}」（{original}）")
                return
            d = int(atom.group("d"))
        try:
            day = date(y, m, d)
        except ValueError:
            result.problems.append(f"日期不存在：「{atom.group(0).strip()}」（{original}）")
            return
        previous = (y, m)

        if pending_start is not None:
            if day < pending_start:
                result.problems.append(f"日期范围有误：「{original}」")
                return
            if (day - pending_start).days + 1 > MAX_RANGE_DAYS:
                result.problems.append(
                    f"日期范围超过{MAX_RANGE_DAYS}天（共{(day - pending_start).days + 1}天），"
                    f"请核对：「{original}」"
                )
                return
            current = pending_start
            while current <= day:
                _add(result, current, name, original)
                current += timedelta(days=1)
            pending_start = None
            continue

        following = clause[atom.end() : atoms[index + 1].start()] if index + 1 < len(atoms) else ""
        if following.strip() in RANGE_SEPARATORS:
            pending_start = day
        else:
            _add(result, day, name, original)


def _add(result: ParsedDates, day: date, name: str, original: str) -> None:
    # A day listed twice is a slip (a mistyped date, a pasted line twice): never merge silently.
    if day in result.days:
        result.problems.append(f"{day.isoformat()} 重复列出（「{original}」）")
        return
    result.days[day] = name


def parse_dates(text: str, *, year: int) -> ParsedDates:
    """Every date in `text` (dates and ranges), named by the holiday named on its line."""
    result = ParsedDates()
    for raw_line in _normalise(text).splitlines():
        if not raw_line.strip():
            continue
        name, rest = _split_name(raw_line)
        for clause in _CLAUSES.split(rest):
            if clause.strip():
                _parse_clause(clause, year=year, name=name, result=result)
    return result


def parse_notice(text: str, *, year: int) -> ParsedNotice:
    """Holidays and make-up workdays from the text of a State Council holiday notice.

    Only lines naming a holiday are read. In them, a sentence saying 上班 lists make-up
    workdays; any other sentence lists days off. Other lines with dates (the signature date,
    the document number) are returned in `ignored_lines` for the user to check.
    """
    notice = ParsedNotice()
    for raw_line in _normalise(text).splitlines():
        line = raw_line.strip()
        if not line:
            continue
        name, rest = _split_name(line)
        if not name or not any(keyword in name for keyword in HOLIDAY_KEYWORDS):
            if _ATOM.search(line):
                notice.ignored_lines.append(line)
            continue
        for clause in re.split(r"[。;]", rest):
            if not clause.strip():
                continue
            parsed = ParsedDates()
            for part in clause.split(","):
                if part.strip():
                    _parse_clause(part, year=year, name=name, result=parsed)
            target = notice.makeup_workdays if "上班" in clause else notice.holidays
            for day in sorted(set(target) & set(parsed.days)):
                notice.problems.append(f"{day.isoformat()} 重复列出（「{clause.strip()}」）")
            target.update(parsed.days)
            notice.problems.extend(parsed.problems)
    return notice


def format_days(days: dict[date, str]) -> str:
    """One line per run of consecutive days with the same name, readable by `parse_dates`."""
    lines: list[str] = []
    run: list[date] = []
    for day in sorted(days):
        if run and (day - run[-1]).days == 1 and days[day] == days[run[-1]]:
            run.append(day)
            continue
        if run:
            lines.append(_format_run(run, days[run[0]]))
        run = [day]
    if run:
        lines.append(_format_run(run, days[run[0]]))
    return "\n".join(lines)


def _format_run(run: list[date], name: str) -> str:
    dates = run[0].isoformat() if len(run) == 1 else f"{run[0]:%Y-%m-%d} 至 {run[-1]:%Y-%m-%d}"
    return f"{name}：{dates}" if name else dates
