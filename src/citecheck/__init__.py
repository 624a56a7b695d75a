"""citecheck: a citation-integrity and source-audit linter for encyclopedia articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
# Where people whose servers citecheck contacts can find out what it is (sent in User-Agent).
PROJECT_URL = "https://pypi.org/project/citecheck/"

__all__ = ["Document", "Finding", "Result", "Settings", "__version__", "lint_path", "lint_text"]

if TYPE_CHECKING:
    from citecheck.api import Result, lint_path, lint_text
    from citecheck.config import Settings
    from citecheck.model import Document, Finding


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import citecheck` (and so `citecheck --help`) cheap.
    if name in ("lint_text", "lint_path", "Result"):
        from citecheck import api

        return getattr(api, name)
    if name in ("Document", "Finding"):
        from citecheck import model

        return getattr(model, name)
    if name == "Settings":
        from citecheck.config import Settings

        return Settings
    raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
