"""Shared fixtures: the sample plan and its parsed Document (parsed once per test process)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"


@lru_cache(maxsize=1)
def _sample_doc():  # type: ignore[no-untyped-def]
    from pipeline import parse_file

    return parse_file(SAMPLE)


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def sample_doc():  # type: ignore[no-untyped-def]
    """The parsed sample; treat as read-only (copy with model_copy(deep=True) to mutate)."""
    return _sample_doc()
