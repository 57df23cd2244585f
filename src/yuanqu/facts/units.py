"""Units as written (after normalisation) -> the unit a fact carries, its factor and its family.

A fact's unit never carries a magnitude: 亿元 is 元 with the value times 10^8 (the 亿 is part of the
number), 万亩 is 亩, 万千瓦 is 千瓦. SI-prefixed units (千瓦, 兆瓦, 千克, 公里) stay as they are.
"""

from decimal import Decimal

from .tries import trie_pattern

# family: money, percent, points, times, count, area, length, weight, power, energy, volume,
# score, containers, anniversary; "time" marks durations and dates, which are not facts.
_UNITS = {
    "money": "元 圆 人民币 元人民币 美元 美圆 欧元 港元 港币 日元 日币 英镑 韩元 卢布 澳元 新台币 台币 美金 泰铢 瑞士法郎 加元 新加坡元 卢比",
    "percent": "% ‰",
    "points": "个百分点 百分点",
    "times": "倍",
    "tenths": "成",
    "count": (
        "家 个 项 人 名 户 所 座 条 台 套 辆 株 件 位 次 批 部 艘 架 款 颗 片 张 只 头 间 栋 幢 处 "
        "支 种 类 场 篇 本 枚 根 棵 人次 家次 宗 单 例 项次 块 席 份 组 对 双 匹 轮 道 幅 尊"
    ),
    "area": "平方公里 平方千米 平方米 平米 公顷 亩 km² km2 m² m2 平方英尺",
    "length": "公里 千米 米 公尺 厘米 公分 毫米 km KM cm CM mm MM m 英里 英尺 呎 英寸 英吋 吋 海里 foot foots feet feets inch inches mile miles",
    "weight": "吨 千克 公斤 克 毫克 微克 斤 kg KG g mg 吨标准煤 吨标煤",
    "power": "千瓦 兆瓦 吉瓦 瓦 kW MW GW 千伏安 千伏 伏",
    "energy": "千瓦时 兆瓦时 吉瓦时 度 kWh MWh GWh",
    "volume": "立方米 升 公升 毫升 加仑 加侖 方 L ml mL cc",
    "score": "分",
    "containers": "标准箱 TEU 标箱",
    "anniversary": "周年",
    "age": "岁",
    "time": "年 个月 月 日 号 天 小时 时 分钟 秒 个工作日 工作日 年度 季度",
}
CANONICAL = {
    "圆": "元",
    "美圆": "美元",
    "日币": "日元",
    "台币": "新台币",
    "公尺": "米",
    "m": "米",
    "mm": "毫米",
    "呎": "英尺",
    "英吋": "英寸",
    "foot": "英尺",
    "feet": "英尺",
    "inch": "英寸",
    "inches": "英寸",
    "mile": "英里",
    "miles": "英里",
    "g": "克",
    "mg": "毫克",
    "公升": "升",
    "加侖": "加仑",
    "L": "升",
    "ml": "毫升",
    "mL": "毫升",
    "cc": "毫升",
    "公分": "厘米",
    "cm": "厘米",
    "吋": "英寸",
    "KM": "公里",
    "CM": "厘米",
    "MM": "毫米",
    "KG": "千克",
    "foots": "英尺",
    "feets": "英尺",
    "人民币": "元",
    "元人民币": "元",
    "港币": "港元",
    "美金": "美元",
    "平方千米": "平方公里",
    "平米": "平方米",
    "km²": "平方公里",
    "km2": "平方公里",
    "m²": "平方米",
    "m2": "平方米",
    "千米": "公里",
    "km": "公里",
    "公斤": "千克",
    "kg": "千克",
    "kW": "千瓦",
    "MW": "兆瓦",
    "GW": "吉瓦",
    "kWh": "千瓦时",
    "MWh": "兆瓦时",
    "GWh": "吉瓦时",
    "TEU": "标准箱",
    "标箱": "标准箱",
    "百分点": "个百分点",
    "吨标煤": "吨标准煤",
}

FAMILY = {surface: family for family, names in _UNITS.items() for surface in names.split()}
NOT_FACTS = {"time"}
# Units that read as ordinary words after a Chinese numeral (十分重要, 一方面, 三度): Arabic only.
ARABIC_ONLY = {"分", "度", "方", "米", "克", "升", "瓦", "伏", "块", "单", "根", "圆"}

# As tries, longest first: 个百分点 wins over 个, 平方公里 over 公里. Time words are not units
# of a fact: the grammar refuses a number followed by one (2024年, 8月, 3个月, 1号线).
UNIT_PATTERN = trie_pattern(s for s, f in FAMILY.items() if f not in NOT_FACTS)
TIME_PATTERN = trie_pattern(s for s, f in FAMILY.items() if f in NOT_FACTS)


def canonical(surface: str) -> str:
    return CANONICAL.get(surface, surface)


def per_unit(numerator: str, denominator: str | None) -> str:
    """亿元/平方公里 -> 元/平方公里 (the magnitude went into the value)."""
    unit = canonical(numerator)
    return f"{unit}/{canonical(denominator)}" if denominator else unit


PERCENT = Decimal(100)
