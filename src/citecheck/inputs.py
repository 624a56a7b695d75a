"""What the command line's PATH arguments name: files, folders (searched recursively) and globs.

An input that cannot be used (missing, a glob matching nothing) is not a reason to stop: it
becomes an InputFailure that the report shows next to the findings of every other input, as a
linter in CI must not lose a whole report to one bad file.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePosixPath
from typing import Callable, Iterable, Sequence

from citecheck.parsers import _EXTENSIONS as PARSER_EXTENSIONS

# What a folder is searched for: plain-text copies and every extension the parsers detect.
DEFAULT_INCLUDE = ("*.txt", *(f"*{suffix}" for suffix in sorted(PARSER_EXTENSIONS)))
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be linted, and why (shown in the report; exit code 2)."""

    path: str
    message: str


def matches(path: str, patterns: Iterable[str]) -> bool:
    """Whether ``path`` (or its file name, or one of its folders) matches one of ``patterns``.

    A pattern without a slash names a file or folder anywhere (``drafts``, ``*.txt``); with a
    slash it is matched against the whole path (``articles/drafts/*``).
    """
    posix = PurePosixPath(path.replace(os.sep, "/"))
    parts = [part for part in posix.parts if part not in (".", "/")]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            if fnmatchcase(str(posix), pattern) or fnmatchcase(str(posix), f"*/{pattern}"):
                return True
        elif any(fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def expand(arguments: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = (),
           *, is_url: Callable[[str], bool] | None = None) -> tuple[list[str], list[InputFailure]]:
    """(inputs to lint in order, failures) for the command line's PATH arguments.

    A file named directly is linted whatever its extension; a folder yields the files under it
    that match ``include`` (default: the article extensions), skipping hidden folders; a glob
    yields what it matches. ``exclude`` removes files and whole folders from all three. ``-``
    (standard input) and page URLs pass through. Each input is linted once.
    """
    wanted_names = tuple(include) or DEFAULT_INCLUDE
    found: list[str] = []
    failures: list[InputFailure] = []

    def add(path: str) -> None:
        if path not in found and not (exclude and matches(path, exclude)):
            found.append(path)

    for argument in arguments:
        if argument == "-" or (is_url is not None and is_url(argument)):
            add(argument)
        elif os.path.isdir(argument):
            for path in _walk(argument, wanted_names, exclude):
                add(path)
        elif os.path.lexists(argument):
            add(argument)  # unreadable or not a regular file: reading it says why
        elif _GLOB_CHARACTERS & set(argument):
            matched = sorted(glob.glob(argument, recursive=True))
            if not matched:
                failures.append(InputFailure(argument, "no file matches this pattern"))
            for path in matched:
                for file in _walk(path, wanted_names, exclude) if os.path.isdir(path) else [path]:
                    add(file)
        else:
            failures.append(InputFailure(argument, "no such file or folder"))
    return found, failures


def _walk(folder: str, include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    """The files under ``folder`` whose name matches ``include``, sorted, hidden folders skipped."""
    paths = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders
                            if not name.startswith(".") and not matches(os.path.join(root, name), exclude))
        paths.extend(path for path in (os.path.join(root, name) for name in sorted(files))
                     if _included(path, include))
    return paths


def _included(path: str, patterns: Sequence[str]) -> bool:
    """Whether a file found in a folder is wanted: its name (any case) or its path matches."""
    posix = path.replace(os.sep, "/")
    name = posix.rpartition("/")[2].lower()
    return any(fnmatchcase(posix, pattern) or fnmatchcase(posix, f"*/{pattern}") if "/" in pattern
               else fnmatchcase(name, pattern.lower()) for pattern in patterns)
