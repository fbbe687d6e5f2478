"""Which files a batch converts, and the output name each one gets.

Names come from the path relative to the input root (`sub/name.txt` → `sub__name`), sanitised
so that no name can leave OUT_DIR. When two inputs still share a name (`a.txt` and `a.html`, or
the same file name under two roots) every member of the clash keeps its extension
(`a.txt`, `a.html`), and a short hash of the full path is the last resort. A lone input keeps
its plain stem, so the corpus sample stays `outputs/qingpu-innovation-economy-14th-fyp.json`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import Code, InputError, UsageError
from ..ingest.paths import display_path

EXTENSIONS = frozenset({".txt", ".md", ".pdf", ".docx", ".html", ".htm"})
# UTF-8 bytes before the hash suffix: file systems count 255 bytes, not characters (a CJK
# character takes three), and `-<hash>` twice plus `.json` must still fit
MAX_NAME_BYTES = 200
RESERVED = frozenset({"summary"})  # OUT_DIR/summary.json is the batch's own: such an input keeps its extension
_UNSAFE = re.compile(r"[^\w\u3400-\u9fff.\-]+")


@dataclass(frozen=True)
class InputFile:
    path: Path  # as found (relative to the working directory when given so)
    rel: str  # relative to its input root, '/'-separated, used for naming


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def collect(inputs: Sequence[Path], *, globs: Sequence[str] = (), exclude: Path | None = None) -> list[InputFile]:
    """Files given directly, plus files under folders (recursively) by extension or `globs`.

    Hidden files and anything under `exclude` (the output folder) are skipped; a file given
    twice is converted once. Raises InputError E001 for a missing input, E303 when none is found.
    """
    found: dict[Path, InputFile] = {}
    skip = exclude.resolve() if exclude is not None else None
    for item in inputs:
        if not item.exists():
            raise InputError(Code.FILE_NOT_FOUND, path=str(item))
        if item.is_file():
            found.setdefault(item.resolve(), InputFile(item, item.name))
            continue
        for path in sorted(item.rglob("*")):
            rel = path.relative_to(item)
            if not path.is_file() or _hidden(rel):
                continue
            # the output folder inside an input folder holds our own files (not when it contains the input)
            if skip is not None and not item.resolve().is_relative_to(skip) and path.resolve().is_relative_to(skip):
                continue
            wanted = any(rel.match(g) for g in globs) if globs else path.suffix.lower() in EXTENSIONS
            if wanted:
                found.setdefault(path.resolve(), InputFile(path, rel.as_posix()))
    if not found:
        raise InputError(Code.BATCH_NO_INPUTS, ", ".join(map(str, inputs)))
    return sorted(found.values(), key=lambda f: (f.rel, str(f.path)))


def sanitize(name: str) -> str:
    """A file name that is safe on every common file system and cannot climb out of a folder."""
    name = unicodedata.normalize("NFKC", name).replace("/", "__").replace("\\", "__")
    name = _UNSAFE.sub("_", name).strip("._") or "document"
    encoded = name.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        cut = encoded[:MAX_NAME_BYTES].decode("utf-8", "ignore")  # not half a character
        name = cut.rstrip("._") + "-" + _short_hash(name)
    return name


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _stem(rel: str) -> str:
    path = Path(rel)
    return rel[: -len(path.suffix)] if path.suffix else rel


def output_names(files: Iterable[InputFile]) -> dict[Path, str]:
    """Input path → output stem (without `.json`), unique case-insensitively."""
    files = list(files)
    names = {f.path: sanitize(_stem(display_path(f.rel))) for f in files}
    for level in ("extension", "hash"):
        groups: dict[str, list[InputFile]] = defaultdict(list)
        for f in files:
            groups[names[f.path].casefold()].append(f)
        for key, group in groups.items():
            if len(group) < 2 and key not in RESERVED:
                continue
            for f in group:
                if level == "extension":
                    names[f.path] = sanitize(display_path(f.rel))
                else:
                    names[f.path] = f"{names[f.path]}-{_short_hash(str(f.path.resolve()))}"
    return names


def output_path(out_dir: Path, stem: str) -> Path:
    """OUT_DIR/<stem>.json, refusing anything that would resolve outside OUT_DIR (E305)."""
    root = out_dir.resolve()
    path = (root / f"{stem}.json").resolve()
    if path.parent != root:
        raise UsageError(Code.BATCH_OUTPUT_CONFLICT, stem)
    return path


def sha256_file(path: Path) -> str | None:
    """The input hash used by --resume; None when the file cannot be read (the worker says why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
