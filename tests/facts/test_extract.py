import re
from pathlib import Path

import pytest

from yuanqu.facts import extract

DEMO = Path(__file__).resolve().parents[2] / "src/yuanqu/news/demo/articles"


def changzhou_text() -> str:
    header, body = (
        (DEMO / "2024-08-29-changzhou-hitech-32.txt").read_text(encoding="utf-8").split("\n\n", 1)
    )
    title = re.search(r"^title: (.+)$", header, re.M)[1]
    body = re.sub(r"^!\[(.*)\]\(.*\)$", r"\1", body, flags=re.M).replace("## ", "")
    return title + "\n" + body


def one(text: str, **kwargs):
    facts = extract(text, **kwargs)
    assert len(facts) == 1, facts
    return facts[0]


def test_the_changzhou_article_yields_every_reported_figure_and_no_years():
    facts = extract(changzhou_text(), published="2024-08-29")
    found = {(f.value, f.unit, f.kind, f.period, f.approx) for f in facts}
    expected = {
        (154920000000, "元", "amount", "2024-H1", None),
        (54560000000, "元", "amount", "2024-H1", None),
        (7.4, "%", "change", "2024-H1", None),
        (3000, "家", "amount", "2024-H1", "under"),
        (1, "辆", "amount", None, None),
        (8700000, "元", "amount", "1988", None),
        (3711000000, "元", "amount", "2023", None),
        (3, "座", "amount", "2023", None),
        (8, "家", "amount", None, None),
        (45, "家", "amount", None, None),
        (304, "家", "amount", None, None),
        (347, "家", "amount", None, None),
        (68, "个", "amount", None, None),
        (2100, "家", "amount", None, "over"),
        (36, "家", "amount", None, None),
        (52, "个", "amount", None, None),
        (40, "个", "amount", None, None),
        (50, "%", "share", None, None),
        (30000000000, "元", "target", "2027", "over"),
        (14, "个", "amount", None, None),
        (257500000000, "元", "amount", None, None),
        (68.8, "%", "share", None, None),
        (9, "项", "amount", None, None),
        (1371, "家", "amount", None, None),
        (5, "家", "amount", None, None),
        (86.4, "%", "share", None, None),
        (56, "平方公里", "amount", None, None),
        (24, "个", "amount", "2024-01..2024-08", None),  # 今年以来: January to publication
        (31, "个", "amount", None, None),  # 在建: what stands
        (22600000000, "元", "amount", None, "about"),
        (220, "公顷", "amount", None, None),
        (80.6, "%", "share", None, None),
        (100000, "株", "amount", None, "over"),
        (76.3, "%", "share", "2024-H1", None),
    }
    assert expected <= found, expected - found
    assert {1992, 2024, 2023, 1988, 2027} & {f.value for f in facts if f.unit is None} == set()
    assert not [f for f in facts if f.text in ("两", "三", "一", "500")]
    ranks = [f for f in facts if f.kind == "rank"]
    # what is ranked, not the verb that ranks it
    assert [(f.value, f.metric) for f in ranks] == [
        (1, "生态岸线占比"),
        (1, "空气质量优良天数比率"),
    ]


def test_every_fact_points_at_its_text():
    text = changzhou_text()
    for fact in extract(text, published="2024-08-29"):
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx", "range_to"),
    [
        ("总投资10—15亿元。", 1000000000, "元", None, 1500000000),
        ("总投资20~50亿元。", 2000000000, "元", None, 5000000000),
        ("新建3至5个平台。", 3, "个", None, 5),
        ("年产150万辆至200万辆。", 1500000, "辆", None, 2000000),
        ("占比达百分之七点四。", 7.4, "%", None, None),
        ("约占四分之三。", 75, "%", "about", None),
        ("占全市六成以上。", 60, "%", "over", None),
        ("企业十余家。", 10, "家", "over", None),
        ("企业3000多家。", 3000, "家", "over", None),
        ("面积1.2万亩。", 12000, "亩", None, None),
        ("亩均税收42.6万元/亩。", 426000, "元/亩", None, None),
        ("装机500万千瓦。", 5000000, "千瓦", None, None),
        ("投资１２３億元左右。", 12300000000, "元", "about", None),
        ("利润一千五百万元。", 15000000, "元", None, None),
        ("从业人员兩萬人。", 20000, "人", None, None),
        ("约占3分之1。", 33.3333, "%", "about", None),
        ("营收3000多万元。", 30000000, "元", "over", None),
        ("投资两个亿元。", 200000000, "元", None, None),
        ("投资十八至三十万元。", 180000, "元", None, 300000),
        ("从8500到3万元。", 8500, "元", None, 30000),
        ("产值1549.2 亿元。", 154920000000, "元", None, None),
    ],
)
def test_quantities(text, value, unit, approx, range_to):
    fact = one(text)
    assert (fact.value, fact.unit, fact.approx, fact.range_to) == (value, unit, approx, range_to)


def test_lists_share_their_unit():
    facts = extract("两项分别为775.28、112.91亿元。")
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("775.28", 77528000000, "元"),
        ("112.91亿元", 11291000000, "元"),
    ]
    assert [f.value for f in extract("分别达182个、83个。")] == [182, 83]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("产值同比增长7.4%。", "change", 7.4),
        ("产值同比下降3.2%。", "change", -3.2),
        ("占比提高1.5个百分点。", "change", 1.5),
        ("占规上工业总产值比重为68.8%。", "share", 68.8),
        ("力争产值突破300亿元。", "target", 30000000000),
        ("排名全国第29位。", "rank", 29),
        ("新增高新技术企业500家。", "amount", 500),
        ("单位能耗下降5‰。", "change", -0.5),
        ("海外收入占比提高到31%。", "share", 31),
    ],
)
def test_kinds(text, kind, value):
    fact = one(text)
    assert (fact.kind, fact.value) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "1992年，园区获批。",
        "2024年8月29日15:53发布。",
        "地铁1号线开通。",
        "实施“532”发展战略。",
        "36家世界500强。",
        "实现从0到1的突破。",
        "01 产业发展",
        "联系电话0710-1234567。",
        "位于科技路88号。",
        "打造千亿级产业集群。",
        "建设5G基站。",
        "C919大飞机。",
        "三个坚持。",
        "核心零部件。",
        "一季度经济运行。",
        "第三批名单。",
        "用3年时间。",
    ],
)
def test_not_facts(text):
    facts = extract(text)
    assert [f.text for f in facts if f.text != "36家"] == []


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("今年上半年，产值100亿元。", "2024-08-29", "2024-H1"),
        ("前三季度，产值100亿元。", "2024-11-05", "2024-01..2024-09"),
        ("1—8月，产值100亿元。", "2024-09-20", "2024-01..2024-08"),
        ("一季度，产值100亿元。", "2025-04-08", "2025-Q1"),
        ("去年，产值100亿元。", "2025-01-08", "2024"),
        ("2023年，产值100亿元。", "2025-01-08", "2023"),
        ("上半年产值100亿元。", "2025-01-08", "2024-H1"),
        ("到2027年，产值突破100亿元。", "2024-08-29", "2027"),
        ("产值100亿元。", "2024-08-29", None),
    ],
)
def test_periods_resolve_against_the_publication_date(text, published, period):
    assert one(text, published=published).period == period


def test_without_a_date_relative_periods_stay_unknown():
    assert one("今年上半年，产值100亿元。").period is None
    assert one("2023年，产值100亿元。").period == "2023"


def test_subject_carries_from_the_title_and_earlier_sentences():
    text = "苏州工业园区去年经济运行稳中有进\n全年实现地区生产总值约3800亿元。\n无锡高新区物联网产业规模突破4500亿元。"
    facts = extract(text, published="2025-01-16")
    assert [f.subject for f in facts] == ["苏州工业园区", "无锡高新区"]


def test_repeated_phrasing_reads_each_context_afresh():
    """The metric and period caches key on what a result depends on: the same words before a
    count with other words after it, and the same period phrase in articles of other dates."""
    assert one("园区拥有5家外资企业。").metric == "外资企业"
    assert one("园区拥有5家高新技术企业。").metric == "高新技术企业"
    assert one("园区拥有外资企业5家。").metric == "外资企业"
    bare, dated = "上半年，产值100亿元。", "今年上半年，产值100亿元。"
    assert one(bare, published="2024-08-29").period == "2024-H1"
    assert one(bare, published="2024-03-01").period == "2023-H1"  # not over yet: last year's
    assert one(dated, published="2024-03-01").period == "2024-H1"
    assert one(dated, published="2025-08-01").period == "2025-H1"
    assert one("到2025年，产值突破100亿元。", published="2024-08-29").kind == "target"
    assert one("到2025年，产值突破100亿元。", published="2026-08-29").kind != "target"
