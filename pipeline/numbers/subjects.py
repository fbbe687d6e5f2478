"""Subject and metric of a figure: the noun phrase it is about, read from its clause.

`软件和信息服务业实现销售额829.92亿元` → subject 软件和信息服务业, metric 销售额. Best effort: the
clause is stripped of periods, connectors, qualifiers and cue words, split at the last verb, and
otherwise split by jieba into subject + a metric word (…额, …值, …率). Only the clause is segmented.
A count whose noun follows it (三所高校) takes that noun.
"""

from __future__ import annotations

import regex

from . import segment
from .cues import BEFORE, CUE_WINDOW

CLAUSE_STOP = ",;。:!?\n、"
PAREN_RE = regex.compile(r"\([^()]*\)|\[[^\[\]]*\]")
LEAD_RE = regex.compile(
    r"^(?:(?:其中|同时|此外|另外|全年|全区|全市|全省|全县|全国|共有|现有|目前|当年|截至|累计|合计|总计|共计|共|"
    r"年末|年初|年底|比年初|比上年末?|较上年|比去年|"
    r"通过|争取|力争|确保|与|和|及|并|其|以及|包括|在|\)|的)+"
    r"|[“\"][一二三四五六七八九十]+五[”\"](?:期间|时期|期末|末期|以来|末)?|[一二三四五六七八九十]+五(?:期间|时期|期末|末期|以来)"
    r"|(?:到|至|截至)?\d{4}年(?:[-—~至]\d{4}年)?(?:末|底|年底|年末|前|以来|上半年|全年)?)+"
)
TAIL_RE = regex.compile(
    r"(?:(?:是|相当于)[^,;。]*的|"
    r"(?:同比|比上年末?|较上年|比去年|年均|年平均|平均每年|累计|分别|合计|总计|共计|共|实现|完成|"
    r"增长|增加|上涨|上升|提高|提升|下降|减少|降低|回落|增幅|降幅|涨幅|增速|降|升|了|到|至|为|达到|达|有|"
    + "|".join(sorted(BEFORE, key=len, reverse=True))
    + r"))+$"
)
SPLIT_VERB_RE = regex.compile(
    r"(?:实现|完成|累计|拥有(?![量率])|共有|新增|获得|认定登记|认定|下拨|发放|引进|培育|建成|新建|达到|形成|开展|"
    r"获批|创建|打造|建设|组建|设立)"
)
METRIC_END = tuple("额值量率数入税资口重模积费耗价比")
AFTER_STOP_RE = regex.compile(r"[,;。:!?\n(、0-9]")
AFTER_VERB_RE = regex.compile(r"^(?:增|降|提|达|完成|实现|获|入选|成为|上榜|以上|以下|左右|用于|投入|建成|覆盖)")
HAN_RE = regex.compile(r"\p{Han}")
AFTER_LEAD_RE = regex.compile(r"^(?:以上|以下|以内|左右|多|余|的)+")


def clause_start(text: str, pos: int, floor: int) -> int:
    return max(floor, max(text.rfind(c, floor, pos) for c in CLAUSE_STOP) + 1)


def _after_last_de(phrase: str) -> str:
    return phrase.rsplit("的", 1)[-1] if "的" in phrase[:-1] else phrase


def noun_after(text: str, end: int) -> str | None:
    """三所高校 → 高校: the noun a measure word counts, up to the clause end, after its last 的."""
    m = AFTER_STOP_RE.search(text, end, min(len(text), end + 40))
    stop = m.start() if m else min(len(text), end + 40)
    phrase = AFTER_LEAD_RE.sub("", PAREN_RE.sub("", text[end:stop])).strip()
    if not phrase or not HAN_RE.match(phrase) or AFTER_VERB_RE.match(phrase) or len(phrase) > 16:
        return None
    return _after_last_de(phrase) or None


def subject_metric(text: str, start: int, floor: int, *, share: bool = False) -> tuple[str | None, str | None]:
    """(subject, metric) for a figure at `start`; `floor` bounds the search (sentence or previous figure)."""
    end = start
    if end > floor and text[end - 1] == "(":  # 销售额(829.92亿元): the phrase before the bracket
        end -= 1
    cs = clause_start(text, end, max(floor, end - CUE_WINDOW))
    phrase = PAREN_RE.sub("", text[cs:end]).strip()
    if "占" in phrase:  # A占B的x%: the share is about A, a figure after 占 is B
        head, _, tail = phrase.partition("占")
        phrase = head if share else tail
    phrase = LEAD_RE.sub("", phrase)
    phrase = TAIL_RE.sub("", phrase).strip(" “”\"")
    if not phrase:
        return None, None
    verbs = list(SPLIT_VERB_RE.finditer(phrase))
    if verbs:
        v = verbs[-1]
        subj, metric = phrase[: v.start()].strip(), _after_last_de(phrase[v.end() :].strip())
        return (subj if len(subj) >= 2 else None), (metric or None)
    return split_metric(_after_last_de(phrase))


def split_metric(phrase: str, min_subject: int = 3) -> tuple[str | None, str | None]:
    """软件和信息服务业销售额 → (软件和信息服务业, 销售额), by jieba words and metric endings."""
    if not phrase.endswith(METRIC_END):  # no metric word to split off: jieba could not change the answer
        return phrase, None
    words = [w for w, _, _ in segment.tokens(phrase)]
    if len(words) >= 2 and words[-1].endswith(METRIC_END) and len(words[-1]) >= 2:
        subj = "".join(words[:-1])
        if len(subj) >= min_subject:  # 成交金额 is one metric, not subject 成交
            return subj, words[-1]
        return None, phrase
    if phrase.endswith(METRIC_END) and len(words) == 1:
        return None, phrase
    return phrase, None
