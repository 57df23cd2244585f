"""The canonical indicators facts are mapped to (docs/indicators.md lists them with definitions).

A fact maps to an indicator when its unit matches and its metric label contains one of the
indicator's keywords and none of its exclusions; the first indicator that matches wins, so the
more specific come first. Facts that match none are kept and shown as they are.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    kinds: tuple[str, ...]
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    definition: str = ""


INDICATORS = (
    # Shares first: a share's label may carry the label of the figure it is a share of.
    Indicator(
        "leading_output",
        "主导产业产值",
        "元",
        ("amount",),
        ("主导产业",),
        (),
        "主导产业（集群）实现的工业产值",
    ),
    Indicator(
        "hitech_output",
        "高新技术产业产值",
        "元",
        ("amount",),
        ("高新技术产业产值", "高新技术产业"),
        ("占",),
        "高新技术产业实现的产值",
    ),
    Indicator(
        "industrial_output",
        "规上工业总产值",
        "元",
        ("amount",),
        ("规上工业总产值", "工业总产值", "规上工业产值"),
        ("其中",),
        "规模以上工业企业总产值",
    ),
    Indicator(
        "gdp",
        "地区生产总值",
        "元",
        ("amount",),
        ("地区生产总值", "GDP"),
        (),
        "园区所在行政区或园区统计口径的地区生产总值",
    ),
    Indicator(
        "revenue",
        "营业收入",
        "元",
        ("amount",),
        ("营业收入", "营业总收入", "营收"),
        (),
        "园区企业营业收入合计",
    ),
    Indicator(
        "fixed_investment",
        "固定资产投资",
        "元",
        ("amount",),
        ("固定资产投资", "工业投资"),
        (),
        "报告期完成的固定资产投资",
    ),
    Indicator(
        "trade",
        "进出口总额",
        "元",
        ("amount",),
        ("进出口",),
        ("美元",),
        "货物进出口总额（人民币计）",
    ),
    Indicator(
        "fdi",
        "实际使用外资",
        "美元",
        ("amount",),
        ("实际使用外资", "实到外资", "实际利用外资"),
        (),
        "实际使用外商直接投资",
    ),
    Indicator(
        "tax",
        "税收收入",
        "元",
        ("amount",),
        ("税收", "一般公共预算收入"),
        ("亩均",),
        "税收或一般公共预算收入",
    ),
    Indicator(
        "hitech_enterprises",
        "高新技术企业数",
        "家",
        ("amount",),
        ("高新技术企业",),
        ("新增", "新认定"),
        "有效期内国家高新技术企业数量",
    ),
    Indicator(
        "little_giants",
        "专精特新小巨人企业数",
        "家",
        ("amount",),
        ("小巨人",),
        ("新增",),
        "国家级专精特新“小巨人”企业数量",
    ),
    Indicator(
        "foreign_enterprises",
        "外资企业数",
        "家",
        ("amount",),
        ("外资企业",),
        (),
        "外商投资企业数量",
    ),
    Indicator(
        "output_share_hitech",
        "高新技术产业产值占比",
        "%",
        ("share",),
        ("高新技术产业",),
        (),
        "高新技术产业产值占规上工业总产值的比重",
    ),
    Indicator(
        "good_air_days",
        "空气质量优良天数比率",
        "%",
        ("share",),
        ("优良天数",),
        (),
        "空气质量优良天数占有效监测天数的比率",
    ),
    Indicator(
        "area_planned", "规划面积", "平方公里", ("amount",), ("规划面积",), (), "园区规划面积"
    ),
)


# A figure in a clause about signed or expected projects is a promise (签约项目达产后可实现产值
# 200亿元), never a park's output, revenue or investment.
PROMISES = ("签约", "意向", "拟", "达产后", "建成后", "投产后")
_CLAUSE_BREAKS = "，,；;：:。"


def clause_of(sentence: str, text: str) -> str:
    """The clause of the sentence that holds the figure's text."""
    at = sentence.find(text)
    if at < 0:
        return sentence
    start = max(sentence.rfind(mark, 0, at) for mark in _CLAUSE_BREAKS) + 1
    ends = [sentence.find(mark, at + len(text)) for mark in _CLAUSE_BREAKS]
    return sentence[start : min((e for e in ends if e >= 0), default=len(sentence))]


def indicator_for(*, metric: str | None, unit: str | None, kind: str, clause: str = "") -> str:
    """The code of the indicator a fact measures, or "" when none fits."""
    if not metric or any(word in clause for word in PROMISES):
        return ""
    for indicator in INDICATORS:
        if indicator.unit != unit or kind not in indicator.kinds:
            continue
        if any(word in metric for word in indicator.keywords) and not any(
            word in metric for word in indicator.exclude
        ):
            return indicator.code
    return ""
