"""Plain text as users hold it, made readable before normalisation: hard-wrapped lines re-joined
(hard_wrap.py), spaced-out digits closed up (closeup.py). Both only take characters out; the
Document's `source.offset_map` says where, so every span still leads to the characters the user gave.
"""

from __future__ import annotations

from ..errors import MESSAGES, Code
from ..model import Warning_
from .closeup import OffsetMap, close_spaced_digits, compose
from .hard_wrap import rejoin_hard_wraps


def prepare_plain_text(text: str) -> tuple[str, OffsetMap | None, list[Warning_]]:
    """(text, offset map or None when nothing was taken out, warnings W003/W004)."""
    joined, joins = rejoin_hard_wraps(text)
    closed, spaces = close_spaced_digits(joined)
    warnings = [Warning_(code=code.value, message=f"{MESSAGES[code]}: {len(found)} places")
                for code, found in ((Code.HARD_WRAP_JOINED, joins), (Code.SPACED_DIGITS_CLOSED, spaces)) if found]
    return closed, compose(joins, spaces) or None, warnings


def source_offset(offset_map: OffsetMap | None, offset: int, *, end: bool = False) -> int:
    """The offset in the decoded source of `offset` in the document text (`end` for a span's end,
    which does not take in characters removed right at it)."""
    if not offset_map:
        return offset
    return offset + sum(n for at, n in offset_map if at < offset or (at == offset and not end))
