"""The checker's figures are built from the claims and table cells, with the project's unit lexicon."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline import parse_text
from pipeline.check.context import Context
from pipeline.check.figures import Figure, claim_figures, from_claim, from_table_value
from pipeline.check.units import reading, split_unit
from pipeline.errors import ContractError
from pipeline.model import Claim, ClaimKind, Span, TableValue

TEXT = (
    "全年实现营业收入829.92亿元,人均可支配收入80.80万元。全市共有企业1,234个,从业人员3.2万人,"
    "建成区面积12.5平方公里,新增绿地3000平方米。力争到2025年引进2-3家龙头企业,"
    "发放补贴3000多万元,建成三所学校,出生率为7.5‰。\n"
)


def figures(text: str) -> dict[str, Figure]:
    doc = parse_text(text, until="claims")
    return {doc.text[f.start : f.end]: f for f in claim_figures(doc)}


def test_values_are_the_printed_digits_with_their_precision() -> None:
    figs = figures(TEXT)
    assert figs["80.80万元"].value == Decimal("80.80") and figs["80.80万元"].decimals == 2
    assert figs["80.80万元"].label() == "80.80万元"
    assert figs["829.92亿元"].factor == Decimal(10) ** 8 and figs["829.92亿元"].dimension == "money"
    assert figs["1,234个"].value == Decimal(1234) and figs["1,234个"].is_count


def test_units_come_from_the_lexicon() -> None:
    figs = figures(TEXT)
    km2, m2 = figs["12.5平方公里"], figs["3000平方米"]
    # one dimension, so 12.5平方公里 and 3000平方米 can be compared in 平方米
    assert km2.dimension == m2.dimension == "area"
    assert km2.base_interval().lo == Decimal("12450000")
    people = figs["3.2万人"]
    assert people.dimension == "count:人" and not people.is_count  # scaled: a rounded figure
    assert figs["7.5‰"].dimension == "permille"


def test_what_is_no_single_figure_is_left_out() -> None:
    figs = figures(TEXT)
    # a range, a year and 多 inside the figure are not computed with
    assert not any(k.startswith(("2-3", "2025", "3000多")) for k in figs)
    assert "3家" not in figs


def test_chinese_numerals_are_figures_with_the_claims_precision() -> None:
    figs = figures(TEXT)
    assert figs["三所"].value == Decimal(3) and figs["三所"].is_count
    old = figures("预算外资金由三百七十一亿元增加到六百五十亿元,增长百分之七十五点二,"
                  "招生人数三十一万五千人。补贴一百多亿元,亏损四、五十亿元。\n")
    assert old["三百七十一亿元"].value == Decimal(371) and old["三百七十一亿元"].factor == Decimal(10) ** 8
    rate = old["百分之七十五点二"]
    assert (rate.value, rate.decimals, rate.dimension) == (Decimal("75.2"), 1, "percent")
    assert old["三十一万五千人"].value == Decimal(315000) and old["三十一万五千人"].is_count
    # 一百多 is a lower bound and 四、五十 a range: neither is one figure
    assert not any(k.startswith(("一百多", "五十亿")) for k in old)


def test_count_dimensions_keep_the_measure_word() -> None:
    family, shop, item, person, visits = (reading(w) for w in ("名", "家", "个", "人", "人次"))
    assert shop is not None and item is not None and shop.dimension == "count:家" != item.dimension
    assert family is not None and person is not None and family.dimension == person.dimension == "count:人"
    assert visits is not None and not visits.countable
    assert reading("成") is None  # 3成 is no percent figure the rules read
    assert reading("元/人") is None


@pytest.mark.parametrize(("unit", "split"), [
    ("亿元", ("亿", "元")), ("万人", ("万", "人")), ("%", ("", "%")), ("千瓦", ("", "千瓦")),
    ("千公顷", ("千", "公顷")), ("万元/人", ("", "万元/人")), (None, ("", "")),
])
def test_split_unit(unit: str | None, split: tuple[str, str]) -> None:
    assert split_unit(unit) == split


def test_table_value_is_located_at_its_digits() -> None:
    text = "| 研发投入 | 亿元 | ≥80.80 | 115 |"
    at = text.index("80.80")
    fig = from_table_value(text, TableValue(value=80.8, decimals=2, raw="≥80.80", span=Span(start=at - 1, end=at + 5)), "亿元")
    assert fig is not None and (fig.start, fig.end) == (at, at + 5)
    assert fig.value == Decimal("80.80") and fig.scale == "亿" and fig.unit == "元"
    at = text.index("115")
    # 15 inside 115 is not the printed value
    assert from_table_value(text, TableValue(value=15, decimals=0, span=Span(start=at, end=at + 3)), "%") is None
    assert from_table_value(text, TableValue(value=None, span=Span(start=0, end=3)), "%") is None


def test_a_claim_that_does_not_fit_the_text_is_an_error() -> None:
    claim = Claim(id="c1", span=Span(start=0, end=5), raw="12.5亿元", value=12.5, decimals=1, unit="亿元",
                  scale="亿", kind=ClaimKind.AMOUNT)
    with pytest.raises(ContractError):
        from_claim("全年收入12.5亿元", claim)


def test_context_figures_link_their_claim() -> None:
    doc = parse_text(TEXT, until="claims")
    ctx = Context(doc)
    fig = next(f for f in ctx.figures if f.label() == "829.92亿元")
    claim = next(c for c in doc.claims if c.id == fig.claim_ids[0])
    assert claim.raw == "829.92亿元" and (claim.span.start, claim.span.end) == (fig.start, fig.end)


def test_structure_ratios_come_from_ratio_claims_with_either_sign() -> None:
    doc = parse_text("三次产业结构调整为8.3∶41.4∶50.6。开馆时间为07:00:44。\n")
    ratios = [c for c in doc.checks if c.rule == "structure_ratio"]
    assert [(c.verdict, c.stated) for c in ratios] == [("inconsistent", "100")]
    assert [doc.text[s.start : s.end] for s in ratios[0].spans] == ["8.3", "41.4", "50.6"]


@pytest.mark.parametrize(("items", "verdict"), [("甲、乙、丙、丁、戊、己、庚、辛、壬、癸、子", "consistent"),
                                                ("甲、乙、丙、丁、戊、己、庚、辛、壬、癸", "inconsistent")])
def test_count_words_are_read_by_the_numbers_stage_numerals(items: str, verdict: str) -> None:
    doc = parse_text(f"全区共有{items}十一所学校。\n")
    assert [(c.rule, c.verdict) for c in doc.checks] == [("enumeration_count", verdict)]
