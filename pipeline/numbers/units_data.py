"""The unit lexicon, as data: unit word → (dimension, base unit, factor to the base unit).

Scale words (万, 亿 …) are kept apart: a printed unit is scale + unit word (亿元 = 亿 + 元).
Add a unit here, never as a literal in the grammar. Longer words win (平方公里 before 公里).
"""

from __future__ import annotations

# (word, dimension, base unit, factor)
UNITS: list[tuple[str, str, str, float]] = [
    # money
    ("元", "money", "元", 1.0),
    ("元人民币", "money", "元", 1.0),
    ("人民币", "money", "元", 1.0),
    ("美元", "money_usd", "美元", 1.0),
    ("欧元", "money_eur", "欧元", 1.0),
    ("港元", "money_hkd", "港元", 1.0),
    ("港币", "money_hkd", "港元", 1.0),
    ("日元", "money_jpy", "日元", 1.0),
    ("英镑", "money_gbp", "英镑", 1.0),
    # people
    ("人", "people", "人", 1.0),
    ("名", "people", "人", 1.0),
    ("位", "people", "人", 1.0),
    ("人次", "person_times", "人次", 1.0),
    ("户籍人口", "people", "人", 1.0),
    ("人口", "people", "人", 1.0),  # 每10万人口: was 10万人 with a stray 口
    # counts of things (measure words)
    ("家", "count", "家", 1.0),
    ("户", "count", "户", 1.0),
    ("项", "count", "项", 1.0),
    ("件", "count", "件", 1.0),
    ("个", "count", "个", 1.0),
    ("处", "count", "处", 1.0),
    ("条", "count", "条", 1.0),
    ("所", "count", "所", 1.0),
    ("座", "count", "座", 1.0),
    ("台", "count", "台", 1.0),
    ("套", "count", "套", 1.0),
    ("间", "count", "间", 1.0),
    ("张", "count", "张", 1.0),
    ("辆", "count", "辆", 1.0),
    ("艘", "count", "艘", 1.0),
    ("架", "count", "架", 1.0),
    ("列", "count", "列", 1.0),
    ("次", "count", "次", 1.0),
    ("场", "count", "场", 1.0),
    ("场次", "count", "场次", 1.0),
    ("批", "count", "批", 1.0),
    ("种", "count", "种", 1.0),
    ("类", "count", "类", 1.0),
    ("只", "count", "只", 1.0),
    ("头", "count", "头", 1.0),
    ("株", "count", "株", 1.0),
    ("棵", "count", "棵", 1.0),
    ("篇", "count", "篇", 1.0),
    ("部", "count", "部", 1.0),
    ("份", "count", "份", 1.0),
    ("宗", "count", "宗", 1.0),
    ("起", "count", "起", 1.0),
    ("例", "count", "例", 1.0),
    ("颗", "count", "颗", 1.0),  # 发射卫星137颗
    ("枚", "count", "枚", 1.0),
    ("支", "count", "支", 1.0),
    ("栋", "count", "栋", 1.0),
    ("幢", "count", "幢", 1.0),
    ("床", "count", "床", 1.0),
    ("轮", "count", "轮", 1.0),
    ("标箱", "count", "标箱", 1.0),
    ("节", "count", "节", 1.0),
    ("对", "count", "对", 1.0),
    ("组", "count", "组", 1.0),
    ("块", "count", "块", 1.0),
    ("片", "count", "片", 1.0),
    ("册", "count", "册", 1.0),
    ("门", "count", "门", 1.0),
    ("部门", "count", "部门", 1.0),
    ("款", "count", "款", 1.0),
    ("航次", "count", "航次", 1.0),
    ("架次", "count", "架次", 1.0),
    ("车次", "count", "车次", 1.0),
    ("车道", "count", "车道", 1.0),
    ("发", "count", "发", 1.0),
    ("期", "count", "期", 1.0),
    ("批次", "count", "批次", 1.0),
    ("家次", "count", "家次", 1.0),
    ("户次", "count", "户次", 1.0),
    ("项次", "count", "项次", 1.0),
    ("大项", "count", "项", 1.0),
    ("小项", "count", "项", 1.0),
    ("群", "count", "群", 1.0),
    # administrative units counted (玉树3县5乡): a count, never a place name after a Chinese numeral
    ("县", "count", "县", 1.0),
    ("乡", "count", "乡", 1.0),
    ("镇", "count", "镇", 1.0),
    ("村", "count", "村", 1.0),
    ("分", "score", "分", 1.0),  # 满意度92分以上: guarded below so that 分别, 分之, 十分 never read as a score
    # area
    ("平方米", "area", "平方米", 1.0),
    ("平米", "area", "平方米", 1.0),
    ("平方公里", "area", "平方米", 1e6),
    ("平方千米", "area", "平方米", 1e6),
    ("公顷", "area", "平方米", 1e4),
    ("亩", "area_mu", "亩", 1.0),
    ("㎡", "area", "平方米", 1.0),
    ("m²", "area", "平方米", 1.0),
    ("km²", "area", "平方米", 1e6),
    # length
    ("公里", "length", "米", 1e3),
    ("千米", "length", "米", 1e3),
    ("米", "length", "米", 1.0),
    ("厘米", "length", "米", 1e-2),
    ("毫米", "length", "米", 1e-3),
    ("微米", "length", "米", 1e-6),
    ("纳米", "length", "米", 1e-9),
    ("延米", "length", "米", 1.0),
    # volume
    ("立方米", "volume", "立方米", 1.0),
    ("方", "volume", "立方米", 1.0),
    ("升", "volume", "立方米", 1e-3),
    # mass
    ("吨", "mass", "吨", 1.0),
    ("千克", "mass", "吨", 1e-3),
    ("公斤", "mass", "吨", 1e-3),
    ("克", "mass", "吨", 1e-6),
    ("斤", "mass", "吨", 5e-4),
    ("担", "mass", "吨", 0.05),  # 市担 = 50 kg, in older reports (棉花九千二百七十万担)
    ("吨标准煤", "energy_coal", "吨标准煤", 1.0),
    ("标准煤", "energy_coal", "吨标准煤", 1.0),  # 50万标准煤: the ton is implied
    ("吨标煤", "energy_coal", "吨标准煤", 1.0),
    ("吨油当量", "energy_oil", "吨油当量", 1.0),
    # transport turnover: 铁路货运周转量11620亿吨公里 is ton-kilometres, never tons
    ("吨公里", "freight_turnover", "吨公里", 1.0),
    ("人公里", "passenger_turnover", "人公里", 1.0),
    # energy and power
    ("千瓦时", "energy", "千瓦时", 1.0),
    ("度", "energy", "千瓦时", 1.0),
    ("兆瓦时", "energy", "千瓦时", 1e3),
    ("千瓦", "power", "千瓦", 1.0),
    ("兆瓦", "power", "千瓦", 1e3),
    ("吉瓦", "power", "千瓦", 1e6),
    ("瓦", "power", "千瓦", 1e-3),
    ("伏", "voltage", "伏", 1.0),
    ("千伏", "voltage", "伏", 1e3),
    # time
    ("年", "time_year", "年", 1.0),
    ("个月", "time_month", "月", 1.0),
    ("天", "time_day", "天", 1.0),
    ("日", "time_day", "天", 1.0),
    ("小时", "time_hour", "小时", 1.0),
    ("分钟", "time_minute", "分钟", 1.0),
    ("秒", "time_second", "秒", 1.0),
    ("周年", "time_year", "年", 1.0),
    ("周", "time_week", "周", 1.0),
    ("岁", "age", "岁", 1.0),
    ("周岁", "age", "岁", 1.0),
    ("个工作日", "time_day", "工作日", 1.0),
    ("工作日", "time_day", "工作日", 1.0),
    # concentrations and rates
    ("次/秒", "compute", "次/秒", 1.0),  # 算力10.36百亿亿次/秒 (EFLOPS)
    ("微克/立方米", "concentration", "微克/立方米", 1.0),
    ("毫克/立方米", "concentration", "微克/立方米", 1e3),
    ("毫克/升", "concentration", "毫克/升", 1.0),
    ("分贝", "sound", "分贝", 1.0),
    ("摄氏度", "temperature", "摄氏度", 1.0),
    ("℃", "temperature", "摄氏度", 1.0),
]

# scale words between a numeral and a unit word; longest first in the grammar
SCALES: dict[str, float] = {
    "百亿亿": 1e18,  # 算力 in 百亿亿次/秒 (EFLOPS)
    "亿亿": 1e16,
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "千": 1e3,  # 152.38千公顷 (bulletins); guarded so that 千瓦, 千米, 千克 stay units
}

# units that are ratios of a quantity, never scaled into a base
PERCENT_UNITS: dict[str, tuple[str, float]] = {
    "%": ("%", 1.0),
    "‰": ("%", 0.1),
    "成": ("%", 10.0),
    "个百分点": ("个百分点", 1.0),
    "百分点": ("个百分点", 1.0),
    # 出生率下降5个千分点: per-mille points, a base of their own (0.1 percentage point each)
    "个千分点": ("个千分点", 1.0),
    "千分点": ("个千分点", 1.0),
    "倍": ("倍", 1.0),
}

# characters that, right after a unit word, make it another word (三方面, 三成为, 十门类)
GUARDS: dict[str, str] = {
    "方": "面式案向法针位便能",
    "成": "为立交果员本功熟效型长就都",
    "门": "类槛户",
    "起": "来步草源",
    "类": "型似",
    "颗": "粒",
    "度": "过",
    "部": "门署委分",
    "场": "景所地合",
    "批": "准复",
    "节": "点约能",
    "头": "部",
    "周": "边期年",
    "天": "然津",
    "日": "常益",
    "年": "级代",
    "种": "植",
    "块": "链",
    "片": "区",
    "件": "事",
    "处": "理置",
    "张": "力",
    "次": "全会",
    "发": "展布生放行现挥出起表",
    "期": "间末初货刊限满望待",
    "群": "众体落岛团组",
    "县": "城级域委区长市乡",
    "乡": "村镇土亲愁贤",
    "镇": "村级街域区",
    "村": "民委庄级干居集组落镇",
    "秒": "杀",
    "千": "瓦米克伏卡分帕",
    "担": "任当心保负子忧纲",
}

# guards that need more than one character: 名 is 名义 (nominal) but 1200多万名义务教育寄宿生 counts people
GUARD_PATTERNS: dict[str, str] = {
    "名": "单|义(?!务)",
}

# a unit read only when one of these follows it (end of text too): 92分以上 but never 分别, 分之, 分类
ONLY_BEFORE: dict[str, str] = {
    "分": "以左上,;。)\n 、和及",
}

# measure words a Chinese numeral does not take: place and proper names (三门峡, 七台河, 五部委)
CHINESE_EXCLUDED_UNITS: frozenset[str] = frozenset(
    {"门", "台", "方", "度", "头", "部", "口", "间", "支", "片", "发", "期", "分", "群", "秒", "县", "乡", "镇", "村"}
)

# measure words that a lone Chinese 一 turns into an article (一家, 一批): not a count
ARTICLE_UNITS: frozenset[str] = frozenset(
    w for w, dim, _, _ in UNITS if dim.startswith("count") or dim in {"people", "time_year", "time_day"}
)

# words that start with a numeral but name something (data, not guesses)
IDIOMS: tuple[str, ...] = (
    "千方百计", "一带一路", "三位一体", "四面八方", "五湖四海", "一心一意", "十全十美",
    "一次性", "一站式", "一揽子", "一体化", "一门式", "一网通办", "一网统管", "一件事",
    "三番五次", "千家万户", "万家灯火", "一方面", "两方面", "多方面", "一条龙", "一把手",
    "一张图", "一张网", "一盘棋", "千百亿", "百万亿", "万众一心", "一流", "一线",
    "一年一度", "一年来", "一年多来", "三年来", "五年来", "十年来", "一部分", "两翼",
    "一日游", "三次产业", "一次", "八项规定", "五项原则", "四项基本原则", "二次", "两次创业", "一二三产", "三产融合", "一二线", "三农", "一区一", "一镇一", "一村一", "一企一", "一县一",
    # political formulas: a count in form, a name in use
    "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "三个代表", "五位一体", "一国两制",
    "两个大局", "两个一百年", "两个毫不动摇", "三个务必", "五个中心", "四个中心", "一乡一品", "一村一品",
)
