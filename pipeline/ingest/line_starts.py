"""What a line's start says about it, before any structure is known: a numbered heading, a list
item, a date alone on its line. Ingest uses this to decide where a paragraph may not continue
(soft breaks in DOCX/HTML, hard-wrapped plain text)."""

from __future__ import annotations

import re

_NUM = "一二三四五六七八九十"
# 一、 (一) 1. 1、 (1) 第三章 … as in the heading grammar; ①, 甲、, a standard's 3.2.1, markdown marks
HEADING_START = re.compile(
    rf"^(?:[{_NUM}]+ ?、|[(（] ?(?:[{_NUM}]+|\d{{1,2}}) ?[)）]|\d{{1,2}}[.．、](?!\d)|第 ?[{_NUM}百\d]+ ?[章节条篇部分])"
)
LIST_START = re.compile(
    r"^(?:[①-⑳]|[甲乙丙丁戊己庚辛壬癸]、|\d{1,2}(?:\.\d{1,3}){1,3}\s+(?![\d%‰万亿千百个元])|(?:[-*+>]|#{1,6})\s|(?:-{3,}|={3,}|\*{3,}|_{3,})\s*$|[•·●○■□◆◇▪]"
    r"|附\s*件|附\s*表|注\s*[:：释]|专\s*栏|表\s*\d)"
)
DATE_LINE = re.compile(r"^[\d一二三四五六七八九十〇○零]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?$")
SENTENCE_END = re.compile(r"[。;；:：!！?？]$")
INDENT = re.compile(r"^[ \t\u3000\u00a0]{2,}")


def starts_block(line: str) -> bool:
    """Does this (stripped) line open something of its own: a heading, a list item, a date line?"""
    return bool(HEADING_START.match(line) or LIST_START.match(line) or DATE_LINE.match(line))
