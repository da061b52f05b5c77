from gongkai.search.highlight import highlight


def test_marks_every_term_and_escapes_html():
    html = highlight("<script>alert(1)</script>关于政府信息公开指南的通知", "公开 指南")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>公开指南</mark>" in html


def test_matches_full_width_and_case_through_normalisation():
    assert highlight("执行ＧＢ／Ｔ标准", "gb/t") == "执行<mark>ＧＢ／Ｔ</mark>标准"


def test_snippet_is_cut_around_the_first_match():
    text = "甲" * 300 + "办事指南" + "乙" * 300
    html = highlight(text, "办事指南", length=100)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>办事指南</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) == 102


def test_without_a_match_the_start_of_the_text_is_shown():
    assert highlight("第一段\n\n第二段", "环保") == "第一段 第二段"
    assert highlight("", "环保") == ""
