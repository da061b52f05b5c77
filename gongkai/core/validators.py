"""Validators for Chinese identifiers, each with its standard's check digit.

- GB 11714 组织机构代码: 8 body characters and a check character (9 in all).
- GB 32100 统一社会信用代码: 18 characters, check character from a 31-symbol alphabet.
- GB 11643 公民身份号码: 17 digits and a check digit (0-9 or X), with a real birth date.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def normalise_code(value: str) -> str:
    """Upper-case and drop the hyphen and spaces people type into codes (e.g. 0142768-8)."""
    return re.sub(r"[\s\-－]", "", value or "").upper()


def organisation_code_check_char(body: str) -> str:
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    remainder = 11 - total % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


def is_valid_organisation_code(value: str) -> bool:
    code = normalise_code(value)
    if not re.fullmatch(r"[0-9A-Z]{8}[0-9X]", code):
        return False
    return organisation_code_check_char(code[:8]) == code[8]


def credit_code_check_char(body: str) -> str:
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def is_valid_credit_code(value: str) -> bool:
    code = normalise_code(value)
    if len(code) != 18 or any(c not in _USCC_CHARS for c in code):
        return False
    return credit_code_check_char(code[:17]) == code[17]


def id_number_check_char(body: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def is_valid_id_number(value: str) -> bool:
    number = normalise_code(value)
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if birth.year < 1900 or birth > dt.date.today():
        return False
    return id_number_check_char(number[:17]) == number[17]


def validate_organisation_identifier(value: str) -> None:
    """Either a 9-character 组织机构代码 or an 18-character 统一社会信用代码."""
    code = normalise_code(value)
    if len(code) == 9:
        if not is_valid_organisation_code(code):
            raise ValidationError(
                _("组织机构代码 %(code)s 的校验码不正确（GB 11714）。"),
                code="invalid_organisation_code",
                params={"code": value},
            )
    elif len(code) == 18:
        if not is_valid_credit_code(code):
            raise ValidationError(
                _("统一社会信用代码 %(code)s 的校验码不正确（GB 32100）。"),
                code="invalid_credit_code",
                params={"code": value},
            )
    else:
        raise ValidationError(
            _("机构代码应为9位组织机构代码或18位统一社会信用代码，收到 %(length)d 位。"),
            code="invalid_length",
            params={"length": len(code)},
        )


def validate_credit_code(value: str) -> None:
    if not is_valid_credit_code(value):
        raise ValidationError(
            _("统一社会信用代码 %(code)s 不正确（GB 32100 校验码）。"),
            code="invalid_credit_code",
            params={"code": value},
        )


def validate_id_number(value: str) -> None:
    if not is_valid_id_number(value):
        raise ValidationError(
            _("居民身份证号码 %(number)s 不正确（GB 11643 校验码或出生日期有误）。"),
            code="invalid_id_number",
            params={"number": value},
        )


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0\d{2,3})?[2-9]\d{6,7}(\d{1,6})?")


def validate_phone(value: str) -> None:
    """Mainland mobile (11 digits) or landline with optional area code and extension."""
    digits = re.sub(r"[\s\-()（）+]", "", value or "")
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not (_MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits)):
        raise ValidationError(
            _("电话号码 %(phone)s 格式不正确。"), code="invalid_phone", params={"phone": value}
        )
