from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.catalogue.sanitise import (
    clean_body_html,
    contains_html_tag,
    html_to_text,
    plain_text_to_html,
)


def test_keeps_the_allowed_structure():
    html = (
        "<h2>一、总则</h2><p><strong>第一条</strong> <em>为了</em><u>规范</u></p>"
        "<ul><li>甲</li></ul><ol><li>乙</li></ol>"
        '<table><thead><tr><th scope="col">项目</th></tr></thead>'
        '<tbody><tr><td colspan="2">内容</td></tr></tbody></table>'
        '<p><a href="https://www.gov.cn/">中国政府网</a><br><img src="/media/a.png" alt="图"></p>'
    )
    cleaned = clean_body_html(html)
    for fragment in (
        "<h2>一、总则</h2>",
        "<strong>第一条</strong>",
        "<em>为了</em>",
        "<u>规范</u>",
        "<ul><li>甲</li></ul>",
        '<th scope="col">项目</th>',
        '<td colspan="2">内容</td>',
        '<a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>',
        '<img src="/media/a.png" alt="图">',
    ):
        assert fragment in cleaned


@pytest.mark.parametrize(
    ("html", "forbidden"),
    [
        ("<script>alert(1)</script><p>x</p>", "<script"),
        ('<p onclick="x()">x</p>', "onclick"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<img src="data:image/png;base64,AAA" alt="x">', "data:"),
        ('<img src="javascript:alert(1)">', "javascript:"),
        ('<p style="position:fixed">x</p>', "style"),
        ("<iframe src='https://evil.example'></iframe>", "iframe"),
        ("<form><input name=x></form>", "<input"),
    ],
)
def test_removes_what_could_run_or_mislead(html, forbidden):
    assert forbidden not in clean_body_html(html)


def test_images_over_http_are_kept():
    assert 'src="https://img.example/a.png"' in clean_body_html(
        '<img src="https://img.example/a.png">'
    )


def test_html_to_text_keeps_blocks_on_lines():
    html = (
        "<h2>标题</h2><p>第一段&nbsp;文字&amp;符号</p>"
        "<ul><li>一</li><li>二</li></ul><script>x()</script>"
    )
    assert html_to_text(html) == "标题\n第一段 文字&符号\n一\n二"


def test_plain_text_becomes_escaped_paragraphs():
    assert (
        plain_text_to_html("第一段<b>\n续行\n\n第二段")
        == "<p>第一段&lt;b&gt;<br>续行</p><p>第二段</p>"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<script>", True),
        ("a</b>", True),
        ("<!-- x -->", True),
        ("增长率<5%", False),
        ("1 < 2 > 0", False),
    ],
)
def test_contains_html_tag(value, expected):
    assert contains_html_tag(value) is expected


@given(st.text())
def test_cleaning_is_idempotent_and_never_leaves_a_script(value):
    cleaned = clean_body_html(value)
    assert clean_body_html(cleaned) == cleaned
    assert "<script" not in cleaned.lower()
