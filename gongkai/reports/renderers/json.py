"""JSON of every cell with its official row and column labels."""

from __future__ import annotations

import copy
import json
from typing import Any


def render(data: dict[str, Any]) -> bytes:
    data = copy.deepcopy(data)
    tables = []
    for section in data["sections"]:
        for table in section["tables"]:
            columns = {c["code"]: c for c in table["columns"]}
            for row in table["rows"]:
                for cell in row["cells"]:
                    column = columns[cell["column"]]
                    cell["row_label"] = row["label"]
                    cell["column_label"] = "·".join([*column["groups"], column["label"]])
            tables.append(table["code"])
    payload = {**data, "tables": tables}
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str).encode("utf-8")
