from __future__ import annotations

from pipeline.normalize import fold_width


def test_fold_is_one_for_one() -> None:
    src = "（一）发展基础：８２９．９２亿元，增长３４．５％　Ａ级⼯业"
    out = fold_width(src)
    assert out == "(一)发展基础:829.92亿元,增长34.5% A级工业"
    assert len(out) == len(src)


def test_chinese_punctuation_kept() -> None:
    src = "“十四五”、《规划》〔2022〕。"
    assert fold_width(src) == src
