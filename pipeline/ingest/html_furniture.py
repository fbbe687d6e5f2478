"""Data: what government portals put around an article, and the labels of their metadata boxes."""

from __future__ import annotations

import re

# a whole line made only of page tools, breadcrumbs or closing links
_TOOLS = r"(?:下载(?:文字版|图片版)?|打印(?:本页)?|全屏|收藏|我的收藏|分享到|关闭(?:窗口|本页)?|返回顶部|【?字号[:：]?.*|【?字体[:：]?.*|加大|还原|减小|[大中小]|【[^】]{1,6}】|[|｜/·\s]+)"
FURNITURE = re.compile(
    rf"^(?:(?:{_TOOLS}\s*)+|当前位置[:：].*|您现在的位置[:：].*|浏览次数[:：].*|扫一扫.*|分享到[:：].*|【[^】]*字号[^】]*】.*)$"
)

META_LABELS = (
    "索引号",
    "发文字号",
    "文号",
    "发布机构",
    "发文机关",
    "成文日期",
    "发布日期",
    "公开属性",
    "公开方式",
    "主题分类",
    "统一编号",
    "实施日期",
)

# labels whose value is the document's title: the value alone is the line, as on the page's own title
TITLE_LABELS = ("名称", "标题", "文件名称", "信息名称")
