"""Body text is rich text typed or pasted by staff; only a small, safe subset of HTML is kept."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre",
    "strong", "b", "em", "i", "u", "sub", "sup", "span",
    "ul", "ol", "li",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
LINK_SCHEMES = {"http", "https", "mailto"}
_IMAGE_SCHEMES = {"", "http", "https"}

_TAG_PATTERN = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Images may only come from this site (relative) or over http(s): no data: or javascript:.
    if tag == "img" and attribute == "src":
        scheme = urlsplit(value.strip()).scheme.lower()
        return value if scheme in _IMAGE_SCHEMES else None
    return value


def clean_body_html(value: str) -> str:
    """Keep headings, paragraphs, emphasis, lists, tables, safe links and images."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


_BLOCK_TAGS = {
    "p", "div", "br", "hr", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "caption", "ul", "ol", "section", "article",
}  # fmt: skip


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """Plain text of an HTML fragment: one line per block, whitespace collapsed, for search."""
    if not value:
        return ""
    extractor = _TextExtractor()
    extractor.feed(value)
    extractor.close()
    text = html.unescape("".join(extractor.parts)).replace("\xa0", " ")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def plain_text_to_html(value: str) -> str:
    """Turn typed plain text (e.g. an import column) into paragraphs."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r\n\s*\r\n", value or "") if p.strip()]
    return "".join(
        "<p>" + html.escape(p).replace("\r\n", "<br>").replace("\n", "<br>") + "</p>"
        for p in paragraphs
    )


def contains_html_tag(value: str) -> bool:
    return bool(_TAG_PATTERN.search(value or ""))


def looks_like_html(value: str) -> bool:
    return contains_html_tag(value)
