"""Shared test helpers: paths to fixtures and to the optional shared corpus, and bench/ scripts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"
SEED = ARTICLES / "2020-nagorno-karabakh-conflict.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def corpus_or_skip() -> Path:
    """The shared corpus beside the checkout; tests that need it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not present (a fork's CI)")
    return CORPUS


def load_bench(name: str):  # type: ignore[no-untyped-def]
    """Import a bench/ script as a module (bench/ is not a package)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module
