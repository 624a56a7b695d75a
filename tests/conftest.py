"""Shared test helpers: paths to fixtures and to the optional shared corpus."""

from __future__ import annotations

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
