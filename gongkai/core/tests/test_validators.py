import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gongkai.core import validators as v


@pytest.mark.parametrize("code", ["000014349", "00001434-9"])
def test_state_council_organisation_code_is_valid(code):
    assert v.is_valid_organisation_code(code)


def test_organisation_code_with_wrong_check_char_is_invalid():
    assert not v.is_valid_organisation_code("000014348")


@pytest.mark.parametrize("code", ["91350100M000100Y43", "11100000000013127D"])
def test_known_credit_codes_are_valid(code):
    assert v.is_valid_credit_code(code)


def test_credit_code_with_wrong_check_char_is_invalid():
    assert not v.is_valid_credit_code("91350100M000100Y44")


def test_id_number_check_digit():
    assert v.is_valid_id_number("11010519491231002X")
    assert not v.is_valid_id_number("110105194912310021")
    assert not v.is_valid_id_number("110105194913310029")  # month 13


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_generated_credit_codes_round_trip(body):
    assert v.is_valid_credit_code(body + v.credit_code_check_char(body))


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=8, max_size=8))
def test_generated_organisation_codes_round_trip(body):
    assert v.is_valid_organisation_code(body + v.organisation_code_check_char(body))


def test_validate_organisation_identifier_messages():
    with pytest.raises(ValidationError, match="GB 11714"):
        v.validate_organisation_identifier("000014348")
    with pytest.raises(ValidationError, match="18"):
        v.validate_organisation_identifier("12345")
    v.validate_organisation_identifier("11100000000013127D")


@pytest.mark.parametrize("phone", ["13800138000", "020-38920851", "38920851", "+86 138 0013 8000"])
def test_valid_phones(phone):
    v.validate_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "abc", "1380013800"])
def test_invalid_phones(phone):
    with pytest.raises(ValidationError):
        v.validate_phone(phone)
