"""The one place jieba is used: lazy import, initialised once per process, quiet, with a user
dictionary of policy terms, tokens mapped back to offsets of the text they came from.

jieba's own start-up unmarshals its whole prefix dictionary (~500k entries, ~0.7 s of CPU) and its
import pulls in pkg_resources (~0.15 s) — for the few hundred characters a document asks it to
segment. So the dictionary is served from an SQLite copy built once from jieba's own dict.txt
(cached next to jieba's own cache): opening it costs a millisecond and the segmentation is the same,
word for word, because jieba's Tokenizer runs unchanged on the same frequencies and total.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# policy terms jieba would split (data, one per entry); frequency high so they stay whole
USER_TERMS: tuple[str, ...] = (
    "软件和信息服务业", "战略性新兴产业", "高新技术企业", "规上工业总产值", "规模以上工业",
    "地区生产总值", "国内生产总值", "一般公共预算收入", "社会消费品零售总额", "固定资产投资",
    "城镇调查失业率", "居民消费价格", "居民人均可支配收入", "城镇新增就业", "常住人口",
    "技术合同成交额", "技术合同成交金额", "研发经费投入", "发明专利拥有量", "众创空间",
    "科技企业孵化器", "科技小巨人", "增加值", "营业收入", "销售额", "成交额", "产值",
    "进出口总额", "实际使用外资", "全社会研发经费", "第一产业", "第二产业", "第三产业",
    "单位地区生产总值能耗", "万元地区生产总值能耗", "空气质量优良天数比例",
)
USER_FREQ = 100_000
STORE_VERSION = "1"  # bump when the table layout changes

log = logging.getLogger(__name__)
_lock = threading.Lock()
_tokenizer: Any = None


class FrequencyStore:
    """jieba's `FREQ` mapping (word and word-prefix → frequency, prefixes 0) read from SQLite on
    demand, with an in-memory layer for words added at run time and for answers already read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._added: dict[str, int] = {}  # add_word's entries: few, never evicted
        self._memo: dict[str, int | None] = {}
        self._pid = -1
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # a forked worker opens its own handle
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def total(self) -> int:
        row = self._db().execute("SELECT v FROM meta WHERE k = 'total'").fetchone()
        return int(row[0])

    def _lookup(self, word: str) -> int | None:
        if word in self._added:
            return self._added[word]
        if word in self._memo:
            return self._memo[word]
        row = self._db().execute("SELECT f FROM w WHERE k = ?", (word,)).fetchone()
        freq = None if row is None else int(row[0])
        if len(self._memo) > 1_000_000:  # bounded: a huge input must not grow it without end
            self._memo.clear()
        self._memo[word] = freq
        return freq

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def __getitem__(self, word: str) -> int:
        freq = self._lookup(word)
        if freq is None:
            raise KeyError(word)
        return freq

    def get(self, word: str, default: int | None = None) -> int | None:
        freq = self._lookup(word)
        return default if freq is None else freq

    def __setitem__(self, word: str, freq: int) -> None:
        self._added[word] = freq


def _build_store(path: Path, dict_file: Path) -> None:
    """jieba's gen_pfdict, written to SQLite: every word with its frequency, every prefix with 0."""
    freq: dict[str, int] = {}
    total = 0
    with dict_file.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.strip().split(" ")
            if len(parts) < 2:
                continue
            word, f = parts[0], int(parts[1])
            freq[word] = f
            total += f
            for i in range(1, len(word)):
                freq.setdefault(word[:i], 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o644)  # a shared temp dir: other users may read it (mkstemp's 0600 would not)
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE w (k TEXT PRIMARY KEY, f INTEGER) WITHOUT ROWID")
        conn.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
        conn.executemany("INSERT INTO w VALUES (?, ?)", sorted(freq.items()))
        conn.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        conn.commit()
        conn.close()
        os.replace(tmp, path)  # atomic: parallel workers building at once all end with one whole file
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _store_path(dict_file: Path) -> Path:
    st = dict_file.stat()
    base = Path(os.environ.get("GAZETTE_CACHE_DIR") or tempfile.gettempdir())
    return base / f"gazette-jieba-{STORE_VERSION}-{st.st_size}-{int(st.st_mtime)}.sqlite"


@contextlib.contextmanager
def _without_pkg_resources() -> Iterator[None]:
    """jieba imports pkg_resources (~0.15 s) only to open its own data files and falls back to
    open() when the import fails: hide it for the duration of jieba's import."""
    saved = sys.modules.get("pkg_resources")
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is None:
            del sys.modules["pkg_resources"]
        else:
            sys.modules["pkg_resources"] = saved


def _import_jieba() -> Any:
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    with _without_pkg_resources():
        import jieba
    return jieba


def _initialise(tok: Any, dict_file: Path) -> None:
    """Point the tokenizer at the SQLite store (built on first use); jieba's loader if that fails."""
    try:
        path = _store_path(dict_file)
        if not path.exists():
            _build_store(path, dict_file)
        store = FrequencyStore(path)
        tok.total = store.total()
        tok.FREQ = store
        tok.initialized = True
    except (OSError, sqlite3.Error, ValueError) as exc:  # read-only cache dir, corrupt file: jieba's way
        log.debug("jieba store unavailable (%s); loading jieba's dictionary", exc)
        tok.initialize()


def _get() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba = _import_jieba()
                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                _initialise(tok, Path(jieba.__file__).parent / "dict.txt")
                for term in USER_TERMS:
                    tok.add_word(term, freq=USER_FREQ)
                _tokenizer = tok
    return _tokenizer


def tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Words of `text` as (word, start, end) with offsets shifted by `offset` (the clause start)."""
    return [(w, s + offset, e + offset) for w, s, e in _get().tokenize(text)]
