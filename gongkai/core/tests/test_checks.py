import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from gongkai.core.checks import check_public_base_url, check_public_base_url_deployed


def _ids(messages):
    return [message.id for message in messages]


@pytest.mark.parametrize(
    "value",
    [
        "",
        "gongkai.example.gov.cn",
        "ftp://gongkai.example.gov.cn",
        "https://",
        "https://gongkai.example.gov.cn:port",
        "https://gongkai.example.gov.cn/?from=mail",
        "https://user:secret@gongkai.example.gov.cn",
    ],
)
def test_an_address_that_is_not_absolute_http_is_an_error(settings, value):
    settings.GONGKAI_PUBLIC_BASE_URL = value
    assert _ids(check_public_base_url()) == ["core.E001"]
    # The deployment check does not repeat the error.
    assert check_public_base_url_deployed() == []


@pytest.mark.parametrize(
    "value",
    ["http://127.0.0.1:8000", "http://localhost:8000/", "https://[::1]", "http://gk.localhost"],
)
def test_a_deployment_linking_to_this_machine_is_warned_about(settings, value):
    settings.GONGKAI_PUBLIC_BASE_URL = value
    settings.ALLOWED_HOSTS = ["gongkai.example.gov.cn"]
    assert check_public_base_url() == []
    (warning, *rest) = check_public_base_url_deployed()
    assert warning.id == "core.W001"
    assert "GONGKAI_PUBLIC_BASE_URL" in (warning.hint or "")
    assert _ids(rest) in ([], ["core.W003"])


def test_a_host_the_site_refuses_or_plain_http_is_warned_about(settings):
    settings.ALLOWED_HOSTS = ["gongkai.example.gov.cn"]
    settings.GONGKAI_PUBLIC_BASE_URL = "https://www.example.gov.cn"
    assert _ids(check_public_base_url_deployed()) == ["core.W002"]
    settings.GONGKAI_PUBLIC_BASE_URL = "http://gongkai.example.gov.cn"
    assert _ids(check_public_base_url_deployed()) == ["core.W003"]


@pytest.mark.parametrize("allowed", [["gongkai.example.gov.cn"], [".example.gov.cn"], ["*"]])
def test_the_public_https_address_of_an_allowed_host_passes(settings, allowed):
    settings.ALLOWED_HOSTS = allowed
    settings.GONGKAI_PUBLIC_BASE_URL = "https://gongkai.example.gov.cn/"
    assert check_public_base_url() == []
    assert check_public_base_url_deployed() == []


def test_check_deploy_fails_on_the_local_default(settings):
    settings.ALLOWED_HOSTS = ["gongkai.example.gov.cn"]
    settings.GONGKAI_PUBLIC_BASE_URL = "http://127.0.0.1:8000"
    with pytest.raises(SystemCheckError, match=r"core\.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")
