"""Metadata stage: the GB/T 9704 header elements of a document (issue #2 item 6).

Reads the notice title, the wrapped document's title, 发文字号, 索引号, 公开属性, the issuer and
成文日期 at the signature, a date printed in the header, and 主送机关. Every field carries the
span it was read from; a field that is not in the document stays null. Scraped markdown's YAML
front matter (文号, 发布单位, 发布日期) is read only for fields the body does not give.
"""

from __future__ import annotations

import regex

from ..model import DocNumber, Document, Metadata, Span
from . import metadata_byline as B
from . import metadata_patterns as P
from . import metadata_title as T
from .dates import parse_date
from .heading_grammar import Style, line_candidates
from .heading_lines import FrontMatter, Line, body_lines, front_matter
from .jurisdiction import jurisdiction

SCAN_LINES = 80  # the header elements sit in the first lines, after any page furniture
RECIPIENTS_AFTER_NOTICE = 8  # lines between a notice title and its 主送机关
MAX_TITLE_HEAD = 40  # the first printed line of a title wrapped over two
MAX_TITLE_TAIL = 6  # its second line: the kind and a word (`实施意见`, `的通知`, `发展规划`)
BODY_ONLY_RECIPIENTS = 3  # a body-only notice opens with its 主送机关 (after a 文号 at most)
NOTICE_BODY_LINES = 12  # lines from the 主送机关 of a body-only notice to its signature date
TAIL_LINES = 3  # a signature at the very end of the text


class _View:
    """A line's content without a markdown `#` prefix: what header patterns look at."""

    def __init__(self, line: Line) -> None:
        m = P.MARKDOWN_HEADING.match(line.text)
        cut = m.end() if m else 0
        self.line = line
        self.text = line.text[cut:]
        self.start = line.start + cut

    def span(self, a: int = 0, b: int | None = None) -> Span:
        return Span(start=self.start + a, end=self.start + (len(self.text) if b is None else b))


def _is_prose(s: str) -> bool:
    return bool(P.PUNCT_IN_PROSE.search(s))


def _date_of_line(s: str) -> str | None:
    return parse_date(s.strip("()（）"))


def _is_label(s: str) -> bool:
    return bool(P.LABEL_LINE.fullmatch(s))


def _is_recipients(v: _View) -> bool:
    t = v.text
    return (t.endswith((":", "：")) and not _is_label(t) and "。" not in t and len(t) <= 200
            and bool(P.RECIPIENT_HINT.search(t)) and not t.startswith(("根据", "按照", "为", "现将", "经", "各位")))  # 各位代表: addresses a speech


def _notice_and_recipients(views: list[_View]) -> tuple[int | None, int | None]:
    notices: list[int] = []
    for i, v in enumerate(views[:SCAN_LINES]):
        if P.NOTICE_TITLE.fullmatch(v.text) and "。" not in v.text:
            notices.append(i)
        elif notices and i - notices[-1] <= RECIPIENTS_AFTER_NOTICE and _is_recipients(v):
            return T.fuller_notice([x.text for x in views], notices[-1], notices), i
    return (notices[0] if notices else None), None


def _body_only_recipients(views: list[_View]) -> int | None:
    """A site's copy of a notice without its header block opens with the 主送机关 line."""
    for i, v in enumerate(views[:BODY_ONLY_RECIPIENTS]):
        if _is_recipients(v):
            return i
        if _is_prose(v.text):
            return None
    return None


def _date_signature(views: list[_View], after: int) -> int | None:
    """A body-only notice signed with its date alone (the seal carries the organ): the first date
    standing alone within NOTICE_BODY_LINES lines after the 主送机关 (a notice that issues a
    document), else on one of the last lines (a notice whose body is the text), right after prose."""
    n = len(views)
    near = range(after + 2, min(n, after + 1 + NOTICE_BODY_LINES))
    for i in [*near, *range(max(after + 2, near.stop, n - TAIL_LINES), n)]:
        if _date_of_line(views[i].text) and _is_prose(views[i - 1].text):
            return i
    return None


def _header_end(views: list[_View], notice: int | None, recipients: int | None) -> int:
    if recipients is not None:
        return recipients
    for i, v in enumerate(views[:SCAN_LINES]):
        if i != notice and "。" in v.text and len(v.text) > 30:
            return i
    return min(len(views), SCAN_LINES)


def _doc_number(v: _View) -> DocNumber | None:
    m = P.DOC_NUMBER_LINE.fullmatch(v.text)
    if not m:
        return None
    a, b = m.span("num")
    return DocNumber(raw=m.group("num"), issuer_code=m.group("code"), year=int(m.group("year")),
                     serial=int(m.group("serial")), span=v.span(a, b))


def _labelled(views: list[_View], i: int, pattern: regex.Pattern[str]) -> tuple[str, Span] | None:
    """The value after a label on the same line, or on the next line of a web info box."""
    m = pattern.fullmatch(views[i].text)
    if not m:
        return None
    if m.group("value"):
        return m.group("value").strip(), views[i].span(*m.span("value"))
    if i + 1 < len(views) and not _is_label(views[i + 1].text):
        nxt = views[i + 1]
        return nxt.text, nxt.span()
    return None


def _is_organ(v: _View) -> bool:
    return bool(P.ORGAN.fullmatch(v.text)) and not _is_prose(v.text)


def _signature(views: list[_View], after: int) -> tuple[int, int] | None:
    """(first issuer line, date line): organs' names directly above a date standing alone; joint
    issuers sign one per line."""
    for i in range(max(after, 0) + 1, len(views)):
        if _date_of_line(views[i].text) and i - 1 > after and _is_organ(views[i - 1]):
            first = i - 1
            while first - 1 > after and _is_organ(views[first - 1]) and i - first < 6:
                first -= 1
            return first, i
    return None


def split_recipients(value: str) -> list[str]:
    """主送机关 one by one; a one-character piece (各委、办、局) belongs to the organ before it."""
    out: list[str] = []
    for m in regex.finditer(r"([^、,，;；]+)([、,，;；]?)", value):
        piece, sep = m.group(1).strip(), m.group(2)
        if out and out[-1].endswith("、") and len(piece) == 1:
            out[-1] += piece + sep
        elif piece:
            out.append(piece + sep)
    return [p.rstrip("、,，;；").strip() for p in out if p.strip("、,，;；")]


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.views = [_View(ln) for ln in body_lines(doc.text)]
        self.md = Metadata()
        self.fm: FrontMatter | None = front_matter(doc.text)

    def put(self, field: str, value: object, span: Span) -> None:
        setattr(self.md, field, value)
        self.md.spans[field] = span

    def read(self) -> Metadata:
        views = self.views
        notice, recipients = _notice_and_recipients(views)
        if notice is None and recipients is None:
            recipients = _body_only_recipients(views)
        end = _header_end(views, notice, recipients)
        if notice is not None and P.IS_NOTICE.fullmatch(views[notice].text):
            self.put("notice_title", views[notice].text, views[notice].span())
        if recipients is not None:
            v = views[recipients]
            value = v.text[:-1].rstrip()
            self.put("recipients", value, v.span(0, len(value)))
            self.md.recipients_list = split_recipients(value)
        self._header_fields(end, notice)
        sig = _signature(views, recipients if recipients is not None else (notice if notice is not None else len(views)))
        if sig:
            self._put_signature(*sig)
        elif notice is None and recipients is not None and (at := _date_signature(views, recipients)) is not None:
            self.put("date", _date_of_line(views[at].text), views[at].span())
            sig = (at, at)
        self._labelled_fields(end)
        if notice is None and recipients is not None and sig is not None:
            self._issued_title(recipients, sig[1])
        title_at = self._title(notice, recipients, sig, end)
        if notice is None and title_at is not None and self.md.date is None:
            if not self._decree(title_at):
                self._byline(title_at)
        self._printed()
        self._front_matter()
        return self.md

    def _header_fields(self, end: int, notice: int | None) -> None:
        views = self.views
        for i, v in enumerate(views[:end]):
            after_label = i > 0 and _is_label(views[i - 1].text)
            if self.md.doc_number is None and (dn := _doc_number(v)):
                self.md.doc_number = dn
                self.md.spans["doc_number"] = dn.span or v.span()
            elif self.md.index_number is None and not after_label and P.INDEX_BARE.fullmatch(v.text):
                self.put("index_number", v.text, v.span())
            elif self.md.disclosure is None and v.text in P.DISCLOSURE_VALUES:
                self.put("disclosure", v.text, v.span())
            elif self.md.header_date is None and not after_label and (iso := _date_of_line(v.text)):
                self.put("header_date", iso, v.span())
            elif (self.md.issuer is None and notice is not None and i > notice and not after_label
                  and P.ORGAN.fullmatch(v.text) and not _is_prose(v.text)):
                self.put("issuer", v.text, v.span())

    def _labelled_fields(self, end: int) -> None:
        views = self.views
        for i in range(len(views)):
            if i < SCAN_LINES and self.md.index_number is None and (got := _labelled(views, i, P.INDEX_LABEL)):
                self.put("index_number", *got)
            if self.md.disclosure is None and (m := P.DISCLOSURE.fullmatch(views[i].text)):
                self.put("disclosure", m.group("value"), views[i].span(*m.span("value")))
            if i < end and self.md.date is None and (got := _labelled(views, i, P.WRITTEN_DATE_LABEL)):
                if iso := parse_date(got[0]):
                    self.put("date", iso, got[1])
            if i < end and self.md.issuer is None and (got := _labelled(views, i, P.ISSUER_LABEL)):
                self.put("issuer", *got)

    def _part(self, field: str, v: _View, part: B.Part) -> None:
        self.put(field, part.value, v.span(part.start, part.end))

    def _decree(self, title_at: int) -> bool:
        """A regulation's `(…日…令第N号公布)` note under its title (or under the title printed
        again after a scraped page's list of properties): date and decree number."""
        views = self.views
        again = [i for i in range(title_at + 1, min(len(views), title_at + 16))
                 if T.fold(views[i].text) == T.fold(views[title_at].text)]
        for v in [w for at in [title_at, *again] for w in views[at + 1 : at + 3]]:
            if d := B.decree(v.text):
                self._part("date", v, d.date)
                if d.number and self.md.doc_number is None:
                    sp = v.span(d.number.start, d.number.end)
                    self.md.doc_number = DocNumber(raw=d.number.value, issuer_code=d.issuer_code, serial=d.serial,
                                                   span=sp)
                    self.md.spans["doc_number"] = sp
                if d.issuer and self.md.issuer is None:
                    self._part("issuer", v, d.issuer)
                return True
        return False

    def _printed(self) -> None:
        """The 版记's `ORGAN DATE印发` near the end: the printing date only."""
        for v in self.views[-6:]:
            if got := B.printed(v.text):
                self._part("print_date", v, got[1])

    def _byline(self, title_at: int) -> None:
        """A bare bulletin or report signed under its title or at its very end (统计局, date)."""
        views = self.views
        n = len(views)
        for i in [*range(title_at + 1, min(title_at + 4, n)), *range(max(title_at + 1, n - 3), n)]:
            if line := B.byline(views[i].text):
                self._part("issuer", views[i], line[0])
                self._part("date", views[i], line[1])
                return
        near = _signature(views[: title_at + 4], title_at)
        tail = _signature(views, max(title_at, len(views) - 4))
        if got := near or tail:
            self._put_signature(*got)

    def _put_signature(self, first: int, date_at: int) -> None:
        """Issuer lines [first, date_at) and the date; joint issuers are joined by a space."""
        organs = self.views[first:date_at]
        self.put("issuer", " ".join(v.text for v in organs),
                 Span(start=organs[0].start, end=organs[-1].line.end))
        date = self.views[date_at]
        self.put("date", _date_of_line(date.text), date.span())

    def _title(self, notice: int | None, recipients: int | None, sig: tuple[int, int] | None, end: int) -> int | None:
        """Fill title; returns the index of the title line for a document without a notice."""
        views = self.views
        if notice is not None:
            nv = views[notice]
            m = P.WRAPPED.search(nv.text)
            if not m:
                self.put("title", nv.text, nv.span())
                return None
            group = "quoted" if m.group("quoted") else "bare"
            name = m.group(group)
            start = sig[1] if sig else (recipients if recipients is not None else notice)
            if got := T.wrapped_title([v.text for v in views], start, name):
                first, a, last, b = got
                value = views[first].text[a:] + views[last].text[:b] if last > first else views[first].text[a:b]
                self.put("title", value, Span(start=views[first].start + a, end=views[last].start + b))
                return None
            self.put("title", name, nv.span(*m.span(group)))
            return None
        for i, v in enumerate(views[:end]):
            if any(c.style is not Style.MD for c in line_candidates(self.text, v.start, v.line.end)):
                return None  # the body's headings start before any title line
            t = v.text.strip("《》")
            if (P.TITLE_LINE.fullmatch(t) and not _date_of_line(t) and not t.startswith(("—", "-", "【"))
                    and not _is_prose(t)):
                a = v.text.index(t)
                if i > 0 and (head := self._title_head(views[i - 1], t)) is not None:
                    self.put("title", head.text + t, Span(start=head.start, end=v.start + a + len(t)))
                else:
                    self.put("title", t, v.span(a, a + len(t)))
                return i
        return None

    def _title_head(self, prev: _View, tail: str) -> _View | None:
        """The first line of a title wrapped over two lines (a blank line between them in many
        copies): `关于加快推进某某工作的` above `实施意见`. A date, label, 文号, organ or sentence is no head."""
        t = prev.text
        if (_is_prose(t) or _is_label(t) or _date_of_line(t) or _doc_number(prev) or P.ORGAN.fullmatch(t)
                or P.TITLE_LINE.fullmatch(t) or len(t) > MAX_TITLE_HEAD or t.startswith(("—", "-", "【", "#"))):
            return None
        if len(tail) > MAX_TITLE_TAIL or not regex.search(r"\p{Han}", t):
            return None  # a whole title under a site's label is not the tail of a wrapped one
        return prev if P.TITLE_LINE.fullmatch(t + tail) else None

    def _issued_title(self, recipients: int, date_at: int) -> None:
        """A body-only notice names what it issues in its 印发 sentence (`《…》已经…同意,现印发给你们`);
        the title is that name as printed after the signature, else as the sentence gives it."""
        views = self.views
        for v in views[recipients + 1 : date_at]:
            m = P.ISSUED_NAME.search(v.text)
            if not m:
                continue
            name = m.group("name")
            if got := T.wrapped_title([x.text for x in views], date_at, name):
                first, a, last, b = got
                value = views[first].text[a:] + views[last].text[:b] if last > first else views[first].text[a:b]
                self.put("title", value, Span(start=views[first].start + a, end=views[last].start + b))
            else:
                self.put("title", name, v.span(*m.span("name")))
            return

    def _front_matter(self) -> None:
        if not self.fm:
            return
        fields = self.fm.fields

        def get(key: str) -> tuple[str, Span] | None:
            if key not in fields or fields[key][0].strip() in ("", "-", "—", "无"):
                return None
            value, a, b = fields[key]
            return value, Span(start=a, end=b)

        if self.md.doc_number is None and (got := get("文号")):
            m = P.DOC_NUMBER.fullmatch(got[0])
            dn = DocNumber(raw=got[0], span=got[1])
            if m:
                dn = DocNumber(raw=got[0], issuer_code=m.group("code"), year=int(m.group("year")),
                               serial=int(m.group("serial")), span=got[1])
            self.md.doc_number = dn
            self.md.spans["doc_number"] = got[1]
        if self.md.issuer is None and (got := get("发布单位")):
            self.put("issuer", *got)
        if self.md.date is None and (got := get("发布日期")) and (iso := parse_date(got[0])):
            self.put("date", iso, got[1])


def extract_metadata(doc: Document) -> Document:
    md = _Reader(doc).read()
    md.jurisdiction = jurisdiction(md.issuer, md.title, md.notice_title)
    doc.metadata = md
    return doc
