"""Per-content caches emptied between timed runs, so a rerun of one article costs what a new one would.

Caches of loaded data (rule data, lexicons, the selected rules, patterns compiled once for each
set of mask groups) are per process and stay warm, as they are over a dump: they live outside the
content modules or are unbounded (``functools.cache``). Caches keyed by an article's own text
(numbers, dates, URLs, fingerprints) are bounded (``lru_cache(maxsize=…)``); they would make every
repetition after the first cheaper than a new article, and are emptied.
"""

from __future__ import annotations

import sys

CONTENT_MODULES = ("citecheck.model", "citecheck.parsers.", "citecheck.rules.cc")


def clear_content_caches() -> None:
    for name, module in list(sys.modules.items()):
        if not name.startswith(CONTENT_MODULES):
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name \
                    and value.cache_parameters()["maxsize"] is not None:
                value.cache_clear()
