"""Context cues around a figure, as data: qualifiers and their bounds, change verbs, kind cues."""

from __future__ import annotations

import regex

from ..model import Relation

# Cues are read in the last CUE_WINDOW characters of a clause and sentence cues in the last
# SENTENCE_WINDOW of a sentence: a clause or sentence without stops (a list of 10⁵ figures) would
# otherwise be re-read for every figure in it. Real clauses before a figure run to ~85 characters
# and sentences to ~240 (dev set and corpora), well inside both windows.
CUE_WINDOW = 200
SENTENCE_WINDOW = 600

# qualifier written before the figure → bound (longest first in the pattern)
BEFORE: dict[str, Relation] = {
    "不超过": Relation.LE, "不高于": Relation.LE, "不多于": Relation.LE, "最多": Relation.LE,
    "控制在": Relation.LE, "不到": Relation.LT, "低于": Relation.LT, "少于": Relation.LT,
    "不少于": Relation.GE, "不低于": Relation.GE, "至少": Relation.GE, "≥": Relation.GE, "≤": Relation.LE,
    "超过": Relation.GT, "超": Relation.GT, "突破": Relation.GT, "逾": Relation.GT, "高于": Relation.GT,
    "多于": Relation.GT, ">": Relation.GT, "<": Relation.LT,
    "达到": Relation.EQ, "达": Relation.EQ, "保持在": Relation.EQ, "稳定在": Relation.EQ,
    "约": Relation.APPROX, "近": Relation.APPROX, "接近": Relation.APPROX, "将近": Relation.APPROX,
    "大约": Relation.APPROX, "约为": Relation.APPROX, "大概": Relation.APPROX,
}
# written after the figure (or inside it: 3000多万)
AFTER: dict[str, Relation] = {
    "以上": Relation.GE, "及以上": Relation.GE, "以下": Relation.LE, "及以下": Relation.LE,
    "以内": Relation.LE, "之内": Relation.LE, "左右": Relation.APPROX, "上下": Relation.APPROX,
    "多": Relation.GT, "余": Relation.GT,
}
APPROX_WORDS = frozenset({"约", "近", "接近", "将近", "大约", "约为", "大概", "左右", "上下"})


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


BEFORE_RE = regex.compile(rf"(?:{_alt(list(BEFORE))})$")
AFTER_RE = regex.compile(rf"(?:{_alt([w for w in AFTER if w not in ('多', '余')])})")
CUMULATIVE_RE = regex.compile(r"累计|合计|总计|共计|[\d一二两三四五六七八九十]{1,2}年(?:间|来|以来)")

# a change verb right before the figure (allowing 了, 到/至 means a level, not a change)
CHANGE_RE = regex.compile(
    r"(?P<verb>增长|增加|增速|增幅|涨幅|上涨|上升|提高|提升|扩大|下降|减少|降低|回落|下滑|收窄|缩小|降幅|改善|减|降|涨|增)"
    r"(?P<to>了?(?:到|至))?(?:了|为|达|达到|超过|超|近|约|逾|不到|不足|突破|接近)?$"
)
NEGATIVE_VERBS = frozenset({"下降", "回落", "减少", "降低", "下滑", "收窄", "缩小", "降幅", "减", "降"})
# 改善 lowers what is bad: PM2.5浓度改善16.5% is a decrease; 优良率改善 is not
IMPROVE_DOWN_RE = regex.compile(r"浓度|排放|能耗|强度|污染|PM|噪声|死亡率|发病率")
# 年均浓度, 年平均气温 are annual means, not yearly growth
CAGR_RE = regex.compile(r"(?:年均|年平均)(?!浓度|气温|温度|降水|降雨|值)|平均每年|每年平均")
YOY_RE = regex.compile(r"同比|比上年|较上年|比去年|较去年|比上年末|环比")
SHARE_RE = regex.compile(
    r"(?:占|相当于)[^,;。]*?(?:比重|比例|份额|的)[^,;。]{0,4}$|(?:比重|占比|份额)[^,;。]{0,6}$"
    r"|占(?:了|到|达到?|约|近|超过?)?$"  # 社会事业投资占43.7%: the whole is the clause's own total
)
RATIO_CUE_RE = regex.compile(r"比|结构|比例|配比")
TARGET_RE = regex.compile(r"目标|预期(?!寿命|性)|力争|计划(?:到|在|于|达)|将达|要达到|规划期末")
MULTIPLE_OF_RE = regex.compile(r"是[^,;。]*的$|相当于[^,;。]*的$")

# N年 that frames the span of other figures rather than stating a duration (issue #3): 五年累计,
# 五年平均每年增长, 比五年前, 四年间, 关键五年, 五年的成绩, 医改三年实施方案; 连续7年 stays a figure
SPAN_YEARS_AFTER = (r"累计|平均|合计|共|新增|建成|以来|来|间|前|内|中|里|期间|时间|历程|的(?:成绩|努力|奋斗|实践)"
                    r"|[^,;。、\n]{0,4}?(?:规划|计划|行动|方案|攻坚|专项)")
SPAN_YEARS_BEFORE = r"过去|今后|未来|近|这|前|后|新|每|关键|头|最后"
SPAN_AFTER_RE = regex.compile(SPAN_YEARS_AFTER)
SPAN_BEFORE_RE = regex.compile(rf"(?:{SPAN_YEARS_BEFORE})$")
CLAUSE_HEAD = ",;。:!?\n"

# a figure with a scale and no unit that counts people: 解决2.15亿农村人口饮水安全, 惠及4.32亿城镇职工
PEOPLE_AFTER_RE = regex.compile(r"(?:城镇|农村|城乡|贫困|中国)?(?:人口|居民|职工|学生|农民|群众|儿童|老人|患者|人)")
# what follows a base figure: 从47.5%提高到…, 由21%提升至…
TO_LEVEL_RE = regex.compile(r"(?:以上|左右)?(?:增加|提高|提升|上升|增长|扩大|下降|降低|减少|压减|缩小)?了?(?:到|至)")
