"""Shared by the rendition tests: parse every text of a fixture folder as given and hard-wrapped."""

from __future__ import annotations

from pathlib import Path

from pipeline.api import parse_text

from .renditions import hard_wrap, survival

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIDTH = 36  # a line break every 36 characters: text extracted from a PDF page
MIN_KEPT = {"sections": 0.98, "claims": 0.98, "checks": 0.95}


def kept_after_wrapping(folder: str) -> dict[str, tuple[int, int]]:
    """What of the parses of folder/*.txt survives hard wrapping (each text parsed once per rendition)."""
    originals, wrapped = [], []
    for path in sorted((FIXTURES / folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        originals.append(parse_text(text, path.name))
        wrapped.append(parse_text(hard_wrap(text, WIDTH), path.name))
    return survival(originals, wrapped)


def assert_kept(kept: dict[str, tuple[int, int]]) -> None:
    for kind, share in MIN_KEPT.items():
        found, total = kept[kind]
        assert total > 0 and found >= share * total, f"{kind}: {found}/{total} kept after wrapping at {WIDTH}"
