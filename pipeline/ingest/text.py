"""Plain text and Markdown: detect the encoding, never guess silently.

Order: BOM (UTF-8, UTF-16, UTF-32) → strict UTF-8 → UTF-16 without BOM (NUL pattern) →
strict GB18030 (a superset of GBK and GB2312) when the result reads as Chinese → charset-normalizer
as a last resort, recorded as `guessed` with warning W001. Anything else is E005.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from ..errors import Code, InputError
from ..model import Source, SourceFormat, Warning_
from .base import RawDocument
from .plain import prepare_plain_text

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# zero-width and BOM characters that carry nothing but break matching
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
CONTROLS = {c: " " for c in (*range(32), 0x7F) if c not in (9, 10)}  # other C0 controls and DEL → space
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _cjk_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f")
    letters = sum(1 for ch in sample if not ch.isspace())
    return cjk / letters if letters else 0.0


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl > len(head) * 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even_nul = head[0::2].count(0) / (len(head) / 2)
    odd_nul = head[1::2].count(0) / (len(head) / 2)
    # Chinese UTF-16 has few NULs; ASCII-heavy UTF-16 has them on one side only
    for enc, ok in (("utf-16-le", odd_nul > 0.3 and even_nul < 0.05), ("utf-16-be", even_nul > 0.3 and odd_nul < 0.05)):
        if ok:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            sample = text[:4000]
            ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r")
            return text if ctrl <= len(sample) * 0.01 else None
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str, str, list[Warning_]]:
    """Decode bytes to str. Returns (text, encoding, confidence, warnings).

    `declared` is an encoding the container announced (HTML meta charset); it is tried first
    after a BOM. Raises InputError E003/E004/E005.
    """
    warnings: list[Warning_] = []
    if not data.strip():
        raise InputError(Code.EMPTY_INPUT)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc.replace("-sig", "") + ("-bom" if enc == "utf-8-sig" else ""), "bom", warnings
            except UnicodeDecodeError as exc:
                raise InputError(Code.UNDECODABLE, f"{enc} BOM but invalid bytes at {exc.start}") from exc
    if declared:
        enc = {"gbk": "gb18030", "gb2312": "gb18030", "x-gbk": "gb18030"}.get(declared.lower(), declared.lower())
        try:
            return data.decode(enc), enc, "declared", warnings
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall through to detection
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return text16, "utf-16", "guessed", [Warning_(code=Code.ENCODING_GUESSED.value, message="UTF-16 without BOM")]
    if _looks_binary(data):  # NULs and control bytes are valid UTF-8 but no document
        raise InputError(Code.BINARY_INPUT)
    try:
        return data.decode("utf-8"), "utf-8", "valid", warnings
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _cjk_share(text) >= 0.2:
            return text, "gb18030", "valid", warnings
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding and _cjk_share(str(best)) >= 0.2:
        warnings.append(Warning_(code=Code.ENCODING_GUESSED.value, message=f"guessed {best.encoding}"))
        return str(best), best.encoding, "guessed", warnings
    raise InputError(Code.UNDECODABLE)


def clean_decoded(text: str) -> tuple[str, list[Warning_]]:
    """Universal newlines, zero-width characters dropped, other C0 controls → space."""
    warnings: list[Warning_] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    before = len(text)
    if ZERO_WIDTH_RE.search(text):  # translate and compare only when there is work (they cost per character)
        text = text.translate(ZERO_WIDTH)
    removed = before - len(text)
    replaced = len(CONTROL_RE.findall(text))
    cleaned = text.translate(CONTROLS) if replaced else text
    if removed or replaced:
        warnings.append(
            Warning_(
                code=Code.CONTROL_CHARS_REMOVED.value,
                message=f"{removed} zero-width characters removed, {replaced} control characters replaced",
            )
        )
    return cleaned, warnings


def read_text_bytes(data: bytes, *, path: str | None, fmt: SourceFormat = SourceFormat.TXT) -> RawDocument:
    text, encoding, confidence, warnings = decode_bytes(data)
    text, more = clean_decoded(text)
    if not text.strip():
        raise InputError(Code.EMPTY_INPUT, path=path)
    text, joins, wrapped = prepare_plain_text(text)
    source = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        encoding=encoding,
        encoding_confidence=confidence,  # type: ignore[arg-type]
        engine="text",
        size_bytes=len(data),
        offset_map=joins,
    )
    return RawDocument(text=text, source=source, warnings=warnings + more + wrapped)


def read_text_file(path: Path) -> RawDocument:
    fmt = SourceFormat.MD if path.suffix.lower() in (".md", ".markdown") else SourceFormat.TXT
    try:
        return read_text_bytes(path.read_bytes(), path=str(path), fmt=fmt)
    except InputError as exc:
        exc.path = str(path)
        raise InputError(exc.code, exc.detail, path=str(path)) from None
