"""PDF with an embedded CJK font (gongkai.core.documents.render_pdf): the same document as the
DOCX; tables in a smaller type, table 四's 15 columns on a landscape page."""

from __future__ import annotations

from typing import Any

from gongkai.core.documents import render_pdf
from gongkai.reports.renderers.docx import document_spec


def render(data: dict[str, Any]) -> bytes:
    return render_pdf(document_spec(data))
