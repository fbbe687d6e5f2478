"""Write a Document as JSON: spans checked (full schema validation on demand), written atomically.

`write_atomic` is the one way the pipeline writes a file. It never replaces what is not a
regular file: a symbolic link is written through (its target gets the content, the link stays),
a directory, device, pipe or socket is refused (E503), and any OS failure (read-only folder,
permissions, a name too long, a full disk) is OutputError E504, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from ..errors import Code, OutputError
from ..ingest.paths import display_path
from ..model import Document
from ..schema import check_spans, validate_document_text


def document_json(doc: Document, *, validate: bool = False) -> str:
    """Exactly what the CLI writes: `Document.model_dump_json()`, spans checked against the text.

    The models are the schema's source, so what they dump fits the schema; the tests validate every
    corpus and dev-set output against it. Full validation at run time cost a fifth of the parsing,
    so it runs on demand (`validate=True`, `gazette validate`)."""
    check_spans(doc)
    text = doc.model_dump_json()
    if validate:
        validate_document_text(text)
    return text


def _file_mode() -> int:
    """The mode open() would give a new file (0666 less the umask); mkstemp's 0600 would hide
    outputs from other users of a shared results folder."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()


NAME_MAX_BYTES = 255  # a file name's limit on every common Linux and macOS file system
_TEMP_EXTRA = len("..") + 8 + len(".tmp")  # `.{name}.{8 random}.tmp`


def _temp_prefix(name: str) -> str:
    """`.{name}.`, the name cut (on a character boundary) so the temp name fits 255 bytes."""
    full = os.fsencode(name)
    cut = full[: NAME_MAX_BYTES - _TEMP_EXTRA]
    if len(cut) < len(full):
        try:
            full.decode("utf-8")
            cut = cut.decode("utf-8", "ignore").encode("utf-8")  # not half a character
        except UnicodeDecodeError:
            pass  # a name that is not UTF-8 is cut as bytes
    return "." + os.fsdecode(cut) + "."


def unwritable(exc: OSError, path: Path) -> OutputError:
    """E504 with the reason in words: read-only, permission, name too long, disk full."""
    reason = "the name is longer than the file system allows (255 bytes)" if exc.errno == errno.ENAMETOOLONG else (exc.strerror or str(exc))
    return OutputError(Code.OUTPUT_UNWRITABLE, reason, path=display_path(str(path)))


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: a symbolic link's target (the link stays a link);
    OutputError E503 when that is a directory, device, pipe or socket."""
    target = path
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            target = Path(os.path.realpath(path))
        mode = target.stat().st_mode
    except FileNotFoundError:  # nothing there yet (or a dangling link: its target is made)
        return target
    except OSError as exc:  # a name too long, a parent that is a file, no permission
        raise unwritable(exc, path) from None
    if not stat.S_ISREG(mode):
        kind = "a directory" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise OutputError(Code.OUTPUT_WRONG_KIND, f"{kind}; name a file", path=display_path(str(path)))
    return target


def write_atomic(path: Path, content: str) -> None:
    """temp file in the same directory + rename: a reader never sees half a file."""
    target = write_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target.name), suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise unwritable(exc, path) from None
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise unwritable(exc, path) from None
        raise


def ensure_folder(folder: Path) -> None:
    """Make an output folder (and its parents); E503 when a file is where it belongs, E504 when
    it cannot be made."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(Code.OUTPUT_WRONG_KIND, "a file, where the output folder belongs", path=display_path(str(folder)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise unwritable(exc, folder) from None
