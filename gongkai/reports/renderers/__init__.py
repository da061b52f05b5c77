"""Output renderers: ``render(report_data, kind) -> bytes``.

Each kind is a module of this package exposing ``render(data) -> bytes``; JSON, Markdown and
HTML are here, DOCX, PDF and XLSX are looked up by name the same way, so an output that is not
installed yet gives a clear message rather than a crash.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from gongkai.core.exceptions import ApplicationError

KINDS: dict[str, str] = {
    "json": "json",
    "md": "markdown",
    "markdown": "markdown",
    "html": "html",
    "htm": "html",
    "docx": "docx",
    "pdf": "pdf",
    "xlsx": "xlsx",
}


def kind_for_path(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in KINDS:
        known = "、".join(f".{k}" for k in ("html", "docx", "pdf", "xlsx", "md", "json"))
        raise ApplicationError(f"无法识别输出文件类型“{suffix or '（无扩展名）'}”。支持：{known}。")
    return suffix


def render(data: dict[str, Any], kind: str) -> bytes:
    module_name = KINDS.get(kind.lower().lstrip("."))
    if module_name is None:
        raise ApplicationError(f"不支持的输出格式“{kind}”。")
    try:
        module = importlib.import_module(f"gongkai.reports.renderers.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.endswith(f"renderers.{module_name}"):
            raise ApplicationError(f"输出格式“{kind}”尚未提供。") from None
        raise
    result: bytes = module.render(data)
    return result
