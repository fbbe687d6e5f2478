"""File names as valid Unicode: a name whose bytes are not UTF-8 must not break JSON or messages."""

from __future__ import annotations

import os


def display_path(path: str) -> str:
    """A path as valid Unicode for JSON, CSV and messages. A file name whose bytes are not UTF-8
    (a GBK name from a zip made on Windows) is read as GB18030, else shown with \\xNN escapes;
    the worker still opens the real path."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    parts = []
    for raw in os.fsencode(path).split(b"/"):
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(raw.decode("gb18030"))
            except UnicodeDecodeError:
                parts.append(raw.decode("utf-8", "backslashreplace"))
    return "/".join(parts)
