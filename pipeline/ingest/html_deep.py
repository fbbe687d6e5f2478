"""Pages nested deeper than libxml2 allows: flatten the deep part instead of losing it.

libxml2 stops parsing at 2048 open elements even with `huge_tree` (256 without) and drops
everything after that point. Such a page is re-tokenised with the standard library's
HTMLParser, which has no depth limit, and written back out with elements deeper than
`MAX_DEPTH` left out: their text stays, a block element among them becomes `<br>` so its lines
stay apart, and a hidden one (by the reader's own rule) goes with its content, as it would
from the tree. lxml then parses the flattened page as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from html.parser import HTMLParser

MAX_DEPTH = 256
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
RAW_TEXT = frozenset({"script", "style"})


Hidden = Callable[[str, dict[str, str]], bool]


class _Flattener(HTMLParser):
    def __init__(self, block_tags: frozenset[str], hidden: Hidden) -> None:
        super().__init__(convert_charrefs=True)
        self.block_tags = block_tags
        self.hidden = hidden
        self.out: list[str] = []
        self.open: list[str] = []  # the element stack as the source writes it
        self.raw: str | None = None  # inside <script>/<style>: text as is
        self.skip_below: int | None = None  # inside a hidden deep element: its stack depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        void = tag in VOID
        deep = len(self.open) >= MAX_DEPTH
        if deep and self.skip_below is None and not void and self.hidden(tag, {k: v or "" for k, v in attrs}):
            self.skip_below = len(self.open)
        if self.skip_below is not None:
            pass
        elif not deep:
            shown = "".join(f' {k}="{escape(v or "", quote=True)}"' for k, v in attrs)
            self.out.append(f"<{tag}{shown}>")
        elif tag in self.block_tags or tag == "br":
            self._break()
        if not void:
            self.open.append(tag)
            self.raw = tag if tag in RAW_TEXT else self.raw

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return  # a stray end tag: nothing to close
        while self.open:
            name = self.open.pop()
            if self.skip_below is not None:
                if len(self.open) == self.skip_below:
                    self.skip_below = None
            elif len(self.open) < MAX_DEPTH:
                self.out.append(f"</{name}>")
            elif name in self.block_tags:
                self._break()
            if name == tag:
                break
        if self.raw == tag:
            self.raw = None

    def _break(self) -> None:
        if self.out and self.out[-1] != "<br>":  # one break between texts is enough
            self.out.append("<br>")

    def handle_data(self, data: str) -> None:
        if self.skip_below is not None:
            return
        self.out.append(data if self.raw else escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def flatten(page: str, block_tags: frozenset[str], hidden: Hidden) -> str:
    """The page with every element deeper than MAX_DEPTH removed and its text kept, unless
    `hidden(tag, attributes)` says the element and its content are not shown."""
    parser = _Flattener(block_tags, hidden)
    parser.feed(page)
    parser.close()
    parser.out.extend(f"</{name}>" for name in reversed(parser.open[:MAX_DEPTH]))
    return "".join(parser.out)
