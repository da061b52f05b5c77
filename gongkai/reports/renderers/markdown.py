"""Markdown: headings, paragraphs and pipe tables (multi-level headers joined with ·)."""

from __future__ import annotations

from typing import Any


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def table_markdown(table: dict[str, Any]) -> list[str]:
    headers = [
        table["row_header"],
        *("·".join([*c["groups"], c["label"]]) for c in table["columns"]),
    ]
    lines = [f"**{table['title']}**", ""]
    if table.get("corner"):
        lines += [table["corner"], ""]
    lines.append("| " + " | ".join(_escape(h) for h in headers) + " |")
    lines.append("|" + "|".join(["---", *("---:" for _ in table["columns"])]) + "|")
    for row in table["rows"]:
        label = f"**{row['label']}**" if row["is_group"] else row["label"]
        values = []
        for cell in row["cells"]:
            display = cell["display"]
            if cell["source"] == "unavailable":
                display = "（不可用）"
            elif cell["source"] == "entered" and display:
                display += "（填报）"
            values.append(_escape(display))
        lines.append("| " + " | ".join([_escape(label), *values]) + " |")
    if table.get("note"):
        lines += ["", table["note"]]
    lines.append("")
    return lines


def entered_notes(data: dict[str, Any]) -> list[str]:
    notes = []
    for section in data["sections"]:
        for table in section["tables"]:
            for row in table["rows"]:
                for cell in row["cells"]:
                    if cell["source"] == "entered" and cell["display"]:
                        notes.append(
                            f"{table['title']}·{row['label']}：{cell['display']}，"
                            f"来源：{cell.get('entered_source') or '未注明'}"
                        )
    return notes


def render(data: dict[str, Any]) -> bytes:
    lines = [f"# {data['title']}", ""]
    if data.get("notice"):
        lines += [f"> {data['notice']}", ""]
    for section in data["sections"]:
        lines += [f"## {section['title']}", ""]
        for paragraph in section["paragraphs"]:
            lines += [paragraph, ""]
        for table in section["tables"]:
            lines += table_markdown(table)
    notes = entered_notes(data)
    if notes:
        lines += ["## 填报数据说明", "", *(f"- {note}" for note in notes), ""]
    return "\n".join(lines).encode("utf-8")
