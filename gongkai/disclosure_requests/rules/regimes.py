"""The two legal regimes of 依申请公开 time limits, as data.

An application is governed by the 条例 in force on the day it was received (第三十一条 fixes
that day). Applications received from 2008-05-01 to 2019-05-14 fall under the 2007 条例
(国务院令第492号); from 2019-05-15 under the 2019 revision (国务院令第711号). There was no
national right to apply before 2008-05-01, so an earlier date is refused.

Conservative readings, chosen where the sources do not settle a point (regulation-facts.md §2):

* 2007 补正: the 2007 条例 第二十一条第（四）项 only says 应当告知申请人作出更改、补充, with no
  time limit; the 7-working-day notice rule of 2019 第三十条 is applied to both regimes, so the
  system warns earlier rather than later. (UNVERIFIED for 2007.)
* 2007 consultation: 第二十四条第三款 excludes only the time needed to consult a **third party**;
  it says nothing of consulting another agency, and there was no 15-working-day reply limit
  (第二十三条). So under 2007 only third-party consultation pauses the clock, and a pause with no
  recorded end has no limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.core.exceptions import ApplicationError

THIRD_PARTY = "third_party"
AGENCY = "agency"


@dataclass(frozen=True)
class Regime:
    code: str
    name: str
    response_days: int
    extension_days: int
    correction_notice_days: int
    consultation_reply_days: int | None  # None: the 条例 sets no reply limit
    pausing_consultations: tuple[str, ...]  # consultation kinds whose time is not counted
    in_force_from: date
    in_force_to: date | None
    response_article: str
    extension_article: str
    correction_article: str
    consultation_article: str

    @property
    def short_name(self) -> str:
        return f"{self.code}年《条例》"


REGIMES: tuple[Regime, ...] = (
    # 2019 revision, 国务院令第711号, in force 2019-05-15 (regulation-facts.md §1.4–1.7):
    # 第三十三条: 20 working days, one extension of at most 20, consultation time not counted;
    # 第三十条: 补正 notice within 7 working days, once; 第三十二条/第三十四条: 15-day replies.
    Regime(
        code="2019",
        name="《中华人民共和国政府信息公开条例》（2019年修订）",
        response_days=20,
        extension_days=20,
        correction_notice_days=7,
        consultation_reply_days=15,
        pausing_consultations=(THIRD_PARTY, AGENCY),
        in_force_from=date(2019, 5, 15),
        in_force_to=None,
        response_article="第三十三条第二款",
        extension_article="第三十三条第二款",
        correction_article="第三十条",
        consultation_article="第三十二条、第三十四条、第三十三条第三款",
    ),
    # 2007 条例, 国务院令第492号, in force 2008-05-01 (regulation-facts.md §2):
    # 第二十四条: 15 working days, one extension of at most 15; only third-party consultation
    # time is excluded (第二十四条第三款), with no reply limit (第二十三条).
    Regime(
        code="2007",
        name="《中华人民共和国政府信息公开条例》（2007年）",
        response_days=15,
        extension_days=15,
        correction_notice_days=7,  # UNVERIFIED for 2007: the 2019 rule applied conservatively
        consultation_reply_days=None,
        pausing_consultations=(THIRD_PARTY,),
        in_force_from=date(2008, 5, 1),
        in_force_to=date(2019, 5, 14),
        response_article="第二十四条第二款",
        extension_article="第二十四条第二款",
        correction_article="第二十一条第（四）项",
        consultation_article="第二十三条、第二十四条第三款",
    ),
)

REGIME_CODES = tuple(regime.code for regime in REGIMES)


def regime_by_code(code: str) -> Regime:
    for regime in REGIMES:
        if regime.code == code:
            return regime
    raise ApplicationError(f"未知的法规版本“{code}”，可选：{'、'.join(REGIME_CODES)}。")


def regime_for(received_on: date) -> Regime:
    """The regime governing an application received on `received_on`."""
    for regime in REGIMES:
        if regime.in_force_from <= received_on and (
            regime.in_force_to is None or received_on <= regime.in_force_to
        ):
            return regime
    raise ApplicationError(
        f"收到申请之日{received_on.isoformat()}早于《政府信息公开条例》施行之日"
        "（2008年5月1日），无法计算答复期限。"
    )
