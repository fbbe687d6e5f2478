"""The one place jieba is used: lazy import, initialised once per process, quiet, with a user
dictionary of policy terms, tokens mapped back to offsets of the text they came from."""

from __future__ import annotations

import logging
import threading
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

_lock = threading.Lock()
_tokenizer: Any = None


def _get() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba  # lazy: importing jieba costs ~0.1 s and loads a 5 MB dictionary

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                for term in USER_TERMS:
                    tok.add_word(term, freq=100_000)
                _tokenizer = tok
    return _tokenizer


def tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Words of `text` as (word, start, end) with offsets shifted by `offset` (the clause start)."""
    return [(w, s + offset, e + offset) for w, s, e in _get().tokenize(text)]
