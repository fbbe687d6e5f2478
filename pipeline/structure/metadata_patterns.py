"""Patterns for the GB/T 9704 header elements (data, kept apart from the logic that uses them)."""

from __future__ import annotations

import regex

COLON = "[:：]"
# 发文字号: issuer code, year in 〔〕 (or [] ［］ () 【】), serial, 号
DOC_NUMBER = regex.compile(
    r"(?P<code>[\p{Han}A-Za-z]{1,16}?)\s*[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]"
    r"\s*第?\s*(?P<serial>\d{1,5})\s*号"
)
# a line that is only a doc number, possibly in parentheses or after a 文号 label
DOC_NUMBER_LINE = regex.compile(
    rf"(?:(?:文\s*号|发文字号|文件编号){COLON}\s*)?[(（]?(?P<num>{DOC_NUMBER.pattern})[)）]?"
)
INDEX_LABEL = regex.compile(rf"索引号\s*{COLON}\s*(?P<value>[0-9A-Za-z][0-9A-Za-z/\-]*)?")
# a bare 索引号: letters then at least ten digits/letters, optionally /YYYY-NNNNN
INDEX_BARE = regex.compile(r"[A-Z]{0,4}\d[0-9A-Z]{9,}(?:/\d{4}-\d{3,})?")
DISCLOSURE_VALUES = ("依申请公开", "主动公开", "不予公开")
DISCLOSURE = regex.compile(
    rf"(?:(?:公开属性|公开方式|公开类型|公开选项){COLON}\s*)?(?P<value>{'|'.join(DISCLOSURE_VALUES)})"
)
# labels whose value may sit on the next line of a web page's info box
INFO_LABELS = (
    "索引号|统一编号|文\\s*号|发文字号|分\\s*类|主题分类|主题词|名\\s*称|标\\s*题|发布机构|发布机关|发文机关|"
    "发文单位|成文日期|发布日期|发文日期|实施日期|生效日期|失效日期|有效性|文件状态|时\\s*效|来\\s*源|时\\s*间|"
    "发表时间|公开方式|公开属性|公开范围|阅读量|浏览次数|体裁分类|组配分类|信息来源"
)
LABEL_LINE = regex.compile(rf"(?:{INFO_LABELS})\s*{COLON}")
# also the law database's list form `- **制定机关**：上海市人民代表大会常务委员会`
ISSUER_LABEL = regex.compile(rf"(?:-\s+)?(?:\*\*)?(?:发文机关|发布机关|发文单位|制定机关)(?:\*\*)?\s*{COLON}\s*(?P<value>\S.*)?")
WRITTEN_DATE_LABEL = regex.compile(rf"成文日期\s*{COLON}\s*(?P<value>\S.*)?")

# 关于…的X titles of addressed documents: they carry a 主送机关 line after them
NOTICE_KINDS = "通知|通报|决定|意见|批复|函|公告|通告|决议|命令|令|请示|报告|纪要"
# of those, the ones that are a notice (a cover that may wrap another document): notice_title
IS_NOTICE = regex.compile(r".*的(?:通知|通报|批复|函|公告|通告|决定|命令|令)")
# (joint issuers may be spaced apart before 关于: `上海市交通委员会、上海市发展和改革委员会 关于…`)
NOTICE_TITLE = regex.compile(rf"(?:(?:[^\s。,，;；]{{2,40}}\s+)?\S{{0,60}}?关于\S.{{1,150}}的(?:{NOTICE_KINDS})|\S.{{0,150}}(?:印发|转发|批转)\S.*的通知)")
# the document a 印发/转发/批转 notice wraps: 《X》 or the bare name before 的通知
# (转发区建设管理委制订的《X》, 批转区文化局《X》: the drafting organ may stand before the name)
WRAPPED = regex.compile(
    r"(?:印发|转发|批转|颁布)(?:了)?(?:[^《》]{0,30}?《(?P<quoted>[^》]+)》|(?P<bare>[^《》]+?))(?:的通知|的决定)"
)
TITLE_KINDS = (
    "报告|公报|规划|纲要|通知|办法|细则|意见|方案|决定|条例|规定|计划|要点|决议|通告|公告|批复|"
    "建议|指南|规则|章程|制度|纪要|指引|措施|清单|目录|标准|守则|说明"
)
TITLE_LINE = regex.compile(rf"[^。;；:：]{{2,80}}(?:{TITLE_KINDS})(?:[(（][^)）]{{1,20}}[)）])?")
# an organ's name as signed: ends in a typical organ suffix
ORGAN = regex.compile(
    r"[\p{Han}()（）\s]{2,60}(?:政府|委员会|委|局|厅|办公室|办|部|院|署|处|会|中心|公司|集团|所|站|组|室|司|馆|社|队)"
)
# 主送机关 name organs or 各…单位: what tells them from page furniture such as 分享到:
RECIPIENT_HINT = regex.compile(r"^各|政府|委|局|厅|办|部|院|署|单位|公司|中心|机构|处|室|会|所|队|行|企业|学校")
PUNCT_IN_PROSE = regex.compile(r"[。,，;；!！?？]")
MARKDOWN_HEADING = regex.compile(r"#{1,6}\s+")
# the 印发 sentence of a notice: `《…规划》已经区政府同意,现印发给你们` / `现将《…》印发给你们`
ISSUED_NAME = regex.compile(r"《(?P<name>[^《》]{2,80})》[^。《》]{0,20}印发")
