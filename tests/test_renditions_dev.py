"""Rendition invariance on the dev set (tests/fixtures/dev): the texts hard-wrapped at 36 characters keep
≥ 98% of their sections and claims and ≥ 95% of their checks (issue #12). Slow (every text is parsed
twice); the dev and corpus-dev halves sit in two files so that the suite's workers share them."""

from __future__ import annotations

import pytest

from .rendition_support import assert_kept, kept_after_wrapping


@pytest.mark.slow
def test_hard_wrapped_dev_keeps_its_structure_claims_and_checks() -> None:
    assert_kept(kept_after_wrapping("dev"))
