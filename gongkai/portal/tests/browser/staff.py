"""Signing staff in through the login page, as a person does."""

from __future__ import annotations

import re
from typing import Any

PASSWORD = "correct horse battery"  # UserFactory's


def sign_in(page: Any, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(r"/staff/$"))
