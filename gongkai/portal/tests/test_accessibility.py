"""Accessibility smoke test: structure every public page must have (WCAG 2.1 landmarks,
headings, labels, language)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class StructureParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.html_lang: str | None = None
        self.h1_count = 0
        self.main_count = 0
        self.ids: list[str] = []
        self.label_targets: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.images_without_alt = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "main" or attributes.get("role") == "main":
            self.main_count += 1
        elif tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"] or "")
        elif tag in {"input", "select", "textarea"}:
            if attributes.get("type") not in {"hidden", "submit", "button"}:
                self.controls.append(attributes)
        elif tag == "img" and "alt" not in attributes:
            self.images_without_alt += 1


def _pages(catalogue) -> list[str]:
    item = catalogue.published
    return [
        reverse("portal:home"),
        reverse("portal:catalogue_index"),
        reverse("portal:catalogue_index") + "?year=2009",
        reverse("portal:catalogue_category", args=[catalogue.rules.pk]),
        reverse("portal:organisation_detail", args=[catalogue.organisation.pk]),
        reverse("portal:item_detail", args=[item.pk]),
        reverse("portal:item_print", args=[item.pk]),
        reverse("portal:search"),
        reverse("portal:search") + "?q=不存在的词语组合",
        reverse("portal:guide"),
        reverse("portal:guide", args=[catalogue.organisation.pk]),
        reverse("portal:directory"),
    ]


def test_every_page_has_lang_one_h1_a_main_landmark_and_labelled_inputs(client, portal_catalogue):
    for url in _pages(portal_catalogue):
        response = client.get(url)
        assert response.status_code == 200, url
        parser = StructureParser()
        parser.feed(response.content.decode())

        assert parser.html_lang in {"zh-Hans", "en"}, url
        assert parser.h1_count == 1, url
        assert parser.main_count == 1, url
        assert len(parser.ids) == len(set(parser.ids)), f"duplicate ids on {url}"
        assert parser.images_without_alt == 0, url
        for control in parser.controls:
            labelled = control.get("id") in parser.label_targets or control.get("aria-label")
            assert labelled, f"unlabelled {control} on {url}"


def test_skip_link_targets_main(client, portal_catalogue):
    html = client.get(reverse("portal:home")).content.decode()

    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html


def test_pages_use_no_external_assets(client, portal_catalogue):
    for url in _pages(portal_catalogue):
        html = client.get(url).content.decode()
        for marker in ('src="http', 'src="//', 'stylesheet" href="http', "@import url(http"):
            assert marker not in html, (url, marker)
