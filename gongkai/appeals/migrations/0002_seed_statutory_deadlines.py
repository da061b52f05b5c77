"""The time limits of 行政复议法 and 行政诉讼法 that apply to disclosure cases, as data.

Each row cites the article and the years it was in force, so a case is measured against the
law of its own day (a 2014 lawsuit had 3 months at first instance, a 2016 one 6 months).
申诉 (第五十一条 of the 条例) has no statutory limit and so no row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import migrations

REVIEW = "administrative_review"
DIRECT = "litigation_direct"
AFTER_REVIEW = "litigation_after_review"

REVIEW_LAW_1999 = "《中华人民共和国行政复议法》（1999年）"
REVIEW_LAW_2023 = "《中华人民共和国行政复议法》（2023年修订）"
LITIGATION_LAW_1989 = "《中华人民共和国行政诉讼法》（1989年）"
LITIGATION_LAW_2014 = "《中华人民共和国行政诉讼法》（2014年修正）"

REVIEW_2023_FROM = dt.date(2024, 1, 1)
LITIGATION_2014_FROM = dt.date(2015, 5, 1)

FIRST_INSTANCE_2014 = (
    "人民法院应当在立案之日起六个月内作出第一审判决。有特殊情况需要延长的，由高级人民法院批准，"
    "高级人民法院审理第一审案件需要延长的，由最高人民法院批准。"
)
FIRST_INSTANCE_1989 = (
    "人民法院应当在立案之日起三个月内作出第一审判决。有特殊情况需要延长的，由高级人民法院批准，"
    "高级人民法院审理第一审案件需要延长的，由最高人民法院批准。"
)

ROWS: list[dict[str, Any]] = [
    # 行政复议: decision within 60 days of acceptance, extendable by at most 30.
    {
        "kind": REVIEW,
        "milestone": "decision",
        "amount": 60,
        "unit": "days",
        "starts_from": "受理申请之日",
        "extension_amount": 30,
        "extension_note": "情况复杂的，经行政复议机构负责人批准，书面告知当事人",
        "law": REVIEW_LAW_2023,
        "article": "第六十二条",
        "quote": (
            "适用普通程序审理的行政复议案件，行政复议机关应当自受理申请之日起六十日内作出行政复议"
            "决定；但是法律规定的行政复议期限少于六十日的除外。情况复杂，不能在规定期限内作出"
            "行政复议决定的，经行政复议机构的负责人批准，可以适当延长，并书面告知当事人；但是"
            "延长期限最多不得超过三十日。"
        ),
        "effective_from": REVIEW_2023_FROM,
        "effective_until": None,
    },
    {
        "kind": REVIEW,
        "milestone": "decision",
        "amount": 60,
        "unit": "days",
        "starts_from": "受理申请之日",
        "extension_amount": 30,
        "extension_note": "情况复杂的，经行政复议机关负责人批准，告知申请人和被申请人",
        "law": REVIEW_LAW_1999,
        "article": "第三十一条",
        "quote": (
            "行政复议机关应当自受理申请之日起六十日内作出行政复议决定；但是法律规定的行政复议"
            "期限少于六十日的除外。情况复杂，不能在规定期限内作出行政复议决定的，经行政复议机关"
            "的负责人批准，可以适当延长，并告知申请人和被申请人；但是延长期限最多不超过三十日。"
        ),
        "effective_from": dt.date(1999, 10, 1),
        "effective_until": REVIEW_2023_FROM - dt.timedelta(days=1),
    },
    {
        "kind": REVIEW,
        "milestone": "filing",
        "amount": 60,
        "unit": "days",
        "starts_from": "知道或者应当知道该行政行为之日",
        "law": REVIEW_LAW_2023,
        "article": "第二十条",
        "quote": (
            "公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政"
            "行为之日起六十日内提出行政复议申请；但是法律规定的申请期限超过六十日的除外。"
        ),
        "effective_from": REVIEW_2023_FROM,
    },
    {
        "kind": REVIEW,
        "milestone": "filing",
        "amount": 60,
        "unit": "days",
        "starts_from": "知道该具体行政行为之日",
        "law": REVIEW_LAW_1999,
        "article": "第九条",
        "quote": (
            "公民、法人或者其他组织认为具体行政行为侵犯其合法权益的，可以自知道该具体行政行为"
            "之日起六十日内提出行政复议申请；但是法律规定的申请期限超过六十日的除外。"
        ),
        "effective_from": dt.date(1999, 10, 1),
        "effective_until": REVIEW_2023_FROM - dt.timedelta(days=1),
    },
]

for kind in (DIRECT, AFTER_REVIEW):
    ROWS += [
        {
            "kind": kind,
            "milestone": "decision",
            "amount": 6,
            "unit": "months",
            "starts_from": "立案之日",
            "extension_note": "有特殊情况需要延长的，由高级人民法院批准",
            "law": LITIGATION_LAW_2014,
            "article": "第八十一条",
            "quote": FIRST_INSTANCE_2014,
            "effective_from": LITIGATION_2014_FROM,
        },
        {
            "kind": kind,
            "milestone": "decision",
            "amount": 3,
            "unit": "months",
            "starts_from": "立案之日",
            "extension_note": "有特殊情况需要延长的，由高级人民法院批准",
            "law": LITIGATION_LAW_1989,
            "article": "第五十七条",
            "quote": FIRST_INSTANCE_1989,
            "effective_from": dt.date(1990, 10, 1),
            "effective_until": LITIGATION_2014_FROM - dt.timedelta(days=1),
        },
    ]

ROWS += [
    {
        "kind": DIRECT,
        "milestone": "filing",
        "amount": 6,
        "unit": "months",
        "starts_from": "知道或者应当知道作出行政行为之日",
        "law": LITIGATION_LAW_2014,
        "article": "第四十六条",
        "quote": (
            "公民、法人或者其他组织直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为"
            "之日起六个月内提出。法律另有规定的除外。"
        ),
        "effective_from": LITIGATION_2014_FROM,
    },
    {
        "kind": DIRECT,
        "milestone": "filing",
        "amount": 3,
        "unit": "months",
        "starts_from": "知道作出具体行政行为之日",
        "law": LITIGATION_LAW_1989,
        "article": "第三十九条",
        "quote": (
            "公民、法人或者其他组织直接向人民法院提起诉讼的，应当在知道作出具体行政行为之日起"
            "三个月内提出。法律另有规定的除外。"
        ),
        "effective_from": dt.date(1990, 10, 1),
        "effective_until": LITIGATION_2014_FROM - dt.timedelta(days=1),
    },
    {
        "kind": AFTER_REVIEW,
        "milestone": "filing",
        "amount": 15,
        "unit": "days",
        "starts_from": "收到复议决定书之日（复议机关逾期不作决定的，复议期满之日）",
        "law": LITIGATION_LAW_2014,
        "article": "第四十五条",
        "quote": (
            "公民、法人或者其他组织不服复议决定的，可以在收到复议决定书之日起十五日内向人民法院"
            "提起诉讼。复议机关逾期不作决定的，申请人可以在复议期满之日起十五日内向人民法院提起"
            "诉讼。法律另有规定的除外。"
        ),
        "effective_from": LITIGATION_2014_FROM,
    },
    {
        "kind": AFTER_REVIEW,
        "milestone": "filing",
        "amount": 15,
        "unit": "days",
        "starts_from": "收到复议决定书之日（复议机关逾期不作决定的，复议期满之日）",
        "law": LITIGATION_LAW_1989,
        "article": "第三十八条",
        "quote": (
            "申请人不服复议决定的，可以在收到复议决定书之日起十五日内向人民法院提起诉讼。复议"
            "机关逾期不作决定的，申请人可以在复议期满之日起十五日内向人民法院提起诉讼。"
        ),
        "effective_from": dt.date(1990, 10, 1),
        "effective_until": LITIGATION_2014_FROM - dt.timedelta(days=1),
    },
]


def seed(apps: Any, schema_editor: Any) -> None:
    StatutoryDeadline = apps.get_model("appeals", "StatutoryDeadline")
    for row in ROWS:
        StatutoryDeadline.objects.update_or_create(
            kind=row["kind"],
            milestone=row["milestone"],
            effective_from=row["effective_from"],
            defaults={k: v for k, v in row.items() if k not in ("kind", "milestone")},
        )


def unseed(apps: Any, schema_editor: Any) -> None:
    apps.get_model("appeals", "StatutoryDeadline").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("appeals", "0001_initial_cases_documents_deadlines")]

    operations = [migrations.RunPython(seed, unseed)]
