"""Is a PDF page's text layer usable? Decided from the page's own glyphs, never from a rendering.

Fonts without a Unicode mapping (CAJ and newspaper PDFs: Identity-H CID fonts without ToUnicode,
subset TrueType fonts whose codes are glyph numbers) give PDFium nothing to map; it then hands back
the glyph code itself, flagged as a mapping error — control characters, stray letters of random
scripts, private-use or replacement characters. What a renderer makes of such a font depends on the
system fonts installed, so the verdict rests only on counts the text layer fixes: mapping errors,
replacement / private-use / control characters, and how few CJK characters stand for the glyphs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .pdf_chars import PageChars_

MIN_GLYPHS = 10  # a page number or a stamp alone says nothing about a font
UNMAPPED_SHARE = 0.3  # of the glyphs: mapping errors, U+FFFD, private use, controls
STRAY_SHARE = 0.5  # of the glyphs: letters outside ASCII and CJK, with ...
CJK_SHARE = 0.1  # ... fewer CJK characters than this


def _cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


def _bad(ch: str) -> bool:
    """A character no font with a mapping produces: replacement, private use, control."""
    return ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cc", "Cs")


def _stray(ch: str) -> bool:
    return not ch.isascii() and not _cjk(ch) and unicodedata.category(ch).startswith("L")


@dataclass(frozen=True)
class LayerStats:
    glyphs: int
    unmapped: int
    cjk: int
    stray: int

    @classmethod
    def of(cls, page: PageChars_) -> LayerStats:
        bad = cjk = stray = 0
        for c in page.chars:
            bad += _bad(c.ch)
            cjk += _cjk(c.ch)
            stray += _stray(c.ch)
        # a mapping error is often also a control character: count the larger tally, not both
        return cls(max(page.glyphs, len(page.chars)), max(page.unmapped, bad), cjk, stray)

    @property
    def unusable(self) -> bool:
        if self.glyphs < MIN_GLYPHS:
            return False
        if self.unmapped >= UNMAPPED_SHARE * self.glyphs:
            return True
        return self.cjk < CJK_SHARE * self.glyphs and self.stray >= STRAY_SHARE * self.glyphs

    def describe(self) -> str:
        return f"{self.unmapped} of {self.glyphs} glyphs without a Unicode mapping, {self.cjk} CJK characters"
