"""Reading label files: one JSON object per line, in every *.jsonl of a folder (see eval/README.md).

Kept apart from the scripts that lint, so that one which only compares labels starts at once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_labels(folder: Path) -> list[dict[str, Any]]:
    """Every label in ``folder``/*.jsonl, each with where it was written (for the reports)."""
    labels = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                labels.append({**json.loads(line), "source": f"{path.name}:{number}"})
    return labels
