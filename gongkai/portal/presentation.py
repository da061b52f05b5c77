"""Shaping of selector results for templates: trees, public URLs and QR codes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.http import HttpRequest
from django.utils.html import escape

from gongkai.catalogue.models import Category
from gongkai.catalogue.selectors import CategoryCount


@dataclass
class CategoryNode:
    category: Category
    count: int
    children: list[CategoryNode] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Items in this category and all below it, as a tree reader expects."""
        return self.count + sum(child.total for child in self.children)


def category_tree(counts: Iterable[CategoryCount]) -> list[CategoryNode]:
    """Nest an organisation's categories under their parents, keeping the selector's order."""
    nodes = {
        entry.category.pk: CategoryNode(entry.category, entry.count)
        for entry in counts
        if entry.category is not None
    }
    roots: list[CategoryNode] = []
    for node in nodes.values():
        parent = nodes.get(node.category.parent_id) if node.category.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def public_url(request: HttpRequest, path: str) -> str:
    """Absolute URL as the public knows it; behind a proxy the request host may be internal."""
    base = getattr(settings, "GONGKAI_PUBLIC_BASE_URL", "")
    if base:
        return base.rstrip("/") + path
    return request.build_absolute_uri(path)


def qr_svg(data: str) -> str:
    """An SVG QR code (no raster dependencies, scales for print and phones)."""
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
    )
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8")


def qr_svg_inline(data: str, *, label: str) -> str:
    """The QR code as an element for an HTML page: no XML declaration, named for screen readers."""
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", qr_svg(data))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
