"""The entities an article names, found once per text: parks and sub-areas, enterprises,
regions, platforms, projects, and sets of them (全省开发区, 五大新区, a list). Each mention has its
span, the name as written, a kind, and a key shared by the mentions of one entity, so that a
figure's holder can be named at its fullest (常州国家高新区 rather than 常州高新区).

Names are found by their suffix (高新区, 有限公司, 实验室, 项目 …) and the characters before it,
walking left to a stop; a head made only of scope words (全省, 国家级, 各) names a set, and one
that starts with a verb (规范提升开发区工作, 推动园区发展) names nothing.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .tries import trie_pattern

PARK_SUFFIXES = (
    "高新技术产业开发区 经济技术开发区 经济开发区 高新技术开发区 高新区 经开区 开发区 工业园区 "
    "产业园区 产业园 科技园 工业园 新区 综合保税区 保税区 保税港区 科技城 科学城 新城 实验区 示范区 "
    "合作区 自贸区 自由贸易试验区 片区 园区 工业集中区 集中区 港区 物流园"
).split()
COMPANY_SUFFIXES = "股份有限公司 有限责任公司 有限公司 集团公司 集团 公司".split()
PLATFORM_SUFFIXES = (
    "全国重点实验室 重点实验室 实验室 研究院 研究所 创新中心 技术中心 工程中心 孵化器 众创空间 "
    "工作站 加速器"
).split()
PROJECT_SUFFIXES = ["项目"]
SUFFIX_KIND = {
    **dict.fromkeys(PARK_SUFFIXES, "park"),
    **dict.fromkeys(COMPANY_SUFFIXES, "enterprise"),
    **dict.fromkeys(PLATFORM_SUFFIXES, "platform"),
    **dict.fromkeys(PROJECT_SUFFIXES, "project"),
}
SUFFIX = re.compile(trie_pattern(SUFFIX_KIND))
# What a name's head never crosses, walking left from its suffix: any mark or digit (a name is
# letters and ·), and these characters.
STOP = set("的在从于与和及或是为了对将把向到由据经并等其各年月日均")
STOP_WORDS = (
    "跻身 获悉 位于 落户 入驻 举行 召开 首批 以及 打造 成为 进入 支持 推动 加快 记者 今年 去年 目前 "
    "其中 已有 引进 签约 建设 新建 组建 设立 成立 建成 获批 认定 入选 获评 评为 依托 联合 牵头 集聚 "
    "聚集 拥有 共有 实现 完成 带动 服务 吸引 培育 助力 推进 聚焦 围绕 包括 涉及 位居 位列 排名 落地 "
    "开工 投产 竣工 同比 累计 全年 上半年 下半年 此外 同时 另外 今天 日前 近日 近年来 以来 期间 当天 "
    "获得 荣获 授予 新增 新认定 共建 来自 这是 这些 一家 一个 分别 总投资 投资 创造 达到 突破 超过 "
    "其他 年底 一季度 研究 规范 提升 推进 创建 发展 整合 申报 鼓励 引导 优化 加强 做强 做大 壮大 谋划 "
    "深化 扩区 升级 转型 争创 促进 管理 考核 评价 统筹 完善 开展 部署 要求 指导 主持 出席 参加 参观 调研 "
    "考察 视察 走访 关于 对于 通过 经过 作为 面向 针对 省政府 国务院 批准 选择 什么 为何 如何 怎样 "
    "区内企业 园区企业 区内 园内 龙头企业 "
    "季度 月份 全年 当年 年度 位居 位列 居于 名列 跻身 稳居 以及 以来 以为 以此 以其"
).split()
# A one-character head is a name only where it cannot be a word of its own (甲园区, 港区 aside).
GENERIC_CHARS = set("新老大小该本我全各省市县区园其此这那某每整个家所座批类项")
MAX_HEAD = 12
_STOP_CLASS = "".join(sorted(STOP))
REVERSED_HEAD = re.compile(
    rf"(?:(?!{trie_pattern(w[::-1] for w in STOP_WORDS)})(?![{_STOP_CLASS}])"
    rf"[\u3400-\u9fffA-Za-z·]){{0,{MAX_HEAD}}}"
)
# Company names that say what kind of company, not which (上市公司, 龙头企业 …): no one's name.
GENERIC_COMPANY = re.compile(
    r"^(?:上市|龙头|骨干|重点|中小|小微|外资|内资|民营|国有|国营|规上|规模以上|高新技术|科技型|子|母|分|总|"
    r"本|该|新|老|大|小|头部|链主|专精特新|独角兽|瞪羚|平台|运营|投资|控股|管理|建设|开发|发展)+$"
)
# Platform names that say what kind of platform, not which (院士工作站, 省级众创空间).
GENERIC_PLATFORM = re.compile(
    r"^(?:院士|博士后|专家|技能大师|劳模|国家级|省级|市级|区级|以上|重点|新型|研发|工程技术|企业技术|"
    r"科技企业|创新|孵化|共性技术|中试|概念验证|各类|各级)*$"
)
# A name followed by its count is a kind of thing being counted (重点实验室3家).
COUNTED = re.compile(r"(?:达到?|超过?|共|近|约|累计|总数|数量)?[0-9一二三四五六七八九十两]")
# An enterprise the text describes without naming it: 一家传感器企业, 这家公司.
UNNAMED_COMPANY = re.compile(r"(?:一家|这家|该家)[\u4e00-\u9fff]{0,8}?(?:企业|公司|工厂|厂商)")
# A head made only of these names a set, not one park (全省开发区, 国家级经开区, 五大新区).
SCOPE = re.compile(
    r"(?:全省|全市|全国|全区|全县|全州|省级|市级|县级|国家级|国家|省|市|各类?|全部|所有|其他|同批|同类|"
    r"相关|周边|重点|特色|专业|主要|其余|沿江|沿海|沿边|省内|市内|国内|境内|现有|新设|新批|首批|各级|以上|以下|"
    r"[0-9一二三四五六七八九十百两几多]+[大个家所座批类]?)+"
)
# A head that starts with a verb is a phrase about parks, not a park's name.
VERB_LEAD = re.compile(
    r"^(?:规范|提升|推进|推动|建设|打造|创建|发展|整合|申报|支持|鼓励|引导|优化|加强|做强|做大|"
    r"壮大|培育|谋划|深化|扩区|升级|转型|争创|创新|促进|服务|管理|考核|评价|统筹|完善|开展)"
)
# A project's head of these counts projects, it does not name one (签约项目, 亿元以上项目).
PROJECT_BATCH = re.compile(
    r"(?:签约|签署|新签约?|新开工|开工|竣工|投产|在建|新建|续建|储备|招商|重大|重点|产业|"
    r"工业|制造业|外资|内资|亿元以上|10亿元以上|[0-9]+亿元以上|亿元|优质|新|集中|落地|入库|"
    r"这些|该批|一批|其中)+"
)
PROJECT_BATCH_BEFORE = re.compile(PROJECT_BATCH.pattern + r"$")
# Words that refer back to a park, a company, a place (the article's, the one just named).
PARK_PRONOUNS = re.compile(
    r"(?:该|本|我|全|这个|整个)(?:高新区|经开区|开发区|园区|新区|区)|区内|园内|园区内|全园|"
    r"(?<![\u4e00-\u9fff])(?:高新区|经开区|开发区|园区|新区)(?=[\u4e00-\u9fff])"
)
COMPANY_PRONOUNS = re.compile(r"该公司|该企业|该集团|(?<![\u4e00-\u9fff])公司(?=[\u4e00-\u9fff])")
REGION_PRONOUNS = {"全市": "city", "全省": "province", "全国": "country", "全县": "county"}
REGION_PRONOUN = re.compile("|".join(REGION_PRONOUNS))
NATIONAL = re.compile(r"国家级|国家|省级")


class Mention(NamedTuple):
    start: int
    end: int
    name: str  # as written (a pronoun: the pronoun)
    kind: str  # park | enterprise | region | platform | project | group
    key: str  # the same for every mention of one entity; "" for a pronoun
    pronoun: str = ""  # park | enterprise | city | province | country | county, for a pronoun


@lru_cache(maxsize=1)
def places() -> dict[str, tuple[str, str, str]]:
    """name or short name -> (full name, level, the province's short name), for provinces and
    prefecture-level cities."""
    found = {}
    path = Path(__file__).resolve().parent / "data" / "places.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        full, short, level, province = [*line.split("\t"), "", "", ""][:4]
        found.setdefault(full, (full, level, province))
        if len(short) >= 2:
            found.setdefault(short, (full, level, province))
    return found


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    return re.compile(trie_pattern(places()))


def _park_key(head: str, suffix: str) -> str:
    """One key for 常州国家高新区, 常州高新区 and 常州高新技术产业开发区."""
    head = NATIONAL.sub("", head)
    family = (
        "hitech"
        if "高新" in suffix
        else "etdz"
        if "经济技术" in suffix or "经开" in suffix
        else suffix
    )
    return f"park:{head}:{family}"


def _head(text: str, reverse: str, start: int, floor: int) -> str:
    match = REVERSED_HEAD.match(reverse, len(text) - start, len(text) - floor)
    head = text[start - (match.end() - match.start()) : start]
    begin = start - len(head)
    while head and head[0] in MEASURE and begin and text[begin - 1] in NUMERAL:
        head, begin = head[1:], begin + 1  # 136个省级以上开发区: the count is no part of the name
    return head


MEASURE = set("个家所座批类项大")
NUMERAL = set("0123456789一二三四五六七八九十百千两几多余")


def _named(text: str, head: str, suffix: str, start: int, end: int) -> Mention | None:
    """The mention a suffix and its head make, or None (a verb-led phrase, a head too short)."""
    kind = SUFFIX_KIND[suffix]
    if VERB_LEAD.match(head):
        return None
    scope = SCOPE.fullmatch(head) if head else None
    if kind == "project":
        batch = PROJECT_BATCH_BEFORE.search(text, max(0, start - 12), start)
        if not head or PROJECT_BATCH.fullmatch(head) or scope or batch:
            return None  # a count of projects (签约项目, 亿元以上项目): the park's figures
        if len(head) < 2:
            return None
        return Mention(start - len(head), end, head + suffix, "project", f"project:{head}")
    if scope is not None and kind == "park":
        return Mention(start - len(head), end, head + suffix, "group", f"group:{head}{suffix}")
    if len(head) < 2 and not (len(head) == 1 and head not in GENERIC_CHARS):
        return None
    if kind == "enterprise" and GENERIC_COMPANY.match(head):
        return None
    if kind == "platform" and (GENERIC_PLATFORM.match(head) or COUNTED.match(text, end)):
        return None  # 院士工作站5家, 省级以上孵化器12个: what is counted, not who holds it
    name = head + suffix
    key = _park_key(head, suffix) if kind == "park" else f"{kind}:{name}"
    return Mention(start - len(head), end, name, kind, key)


def find_mentions(text: str) -> list[Mention]:
    """Every mention in the (normalised) text, in order, none overlapping another."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    reverse = text[::-1]
    floor = 0
    for match in SUFFIX.finditer(text):
        start, end = match.span()
        if start < floor:
            continue
        suffix = match[0]
        head = _head(text, reverse, start, floor)
        mention = _named(text, head, suffix, start, end)
        if mention is not None:
            found.append(mention)
            taken.append((mention.start, mention.end))
        floor = end
    for match in UNNAMED_COMPANY.finditer(text):
        if _free(match.start(), match.end(), taken):
            found.append(
                Mention(
                    match.start(), match.end(), match[0], "enterprise", f"enterprise:{match[0]}"
                )
            )
            taken.append(match.span())
    found += _short_companies(text, taken)
    found += _pronouns(text, taken + [(m.start, m.end) for m in found])
    found += _regions(text, taken + [(m.start, m.end) for m in found])
    found.sort(key=lambda m: (m.start, -m.end))
    return _scoped_sets(text, _without_overlaps(found))


# A company's short name, as the news writes it without a suffix (精创测控, 恒远精密): a head and
# an ending that names a trade, where a subject stands (followed by 的, 是, a verb of results).
COMPANY_ENDINGS = (
    "科技 电子 智能 精密 股份 新材 材料 医药 生物 能源 光电 测控 机电 装备 机械 动力 环保 化工 传感 "
    "半导体 微电子 软件 信息 网络 数据 通信 电气 电器 制药 药业 食品 纺织 钢铁 光伏 储能 锂电 新能 "
    "汽车 重工 科创 智造 智控 芯片 微纳"
).split()
SHORT_COMPANY = re.compile(
    rf"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{2,3}}(?:{trie_pattern(COMPANY_ENDINGS)}))"
    r"(?=的|是|在|于|今年|去年|[0-9]{4}年|成立|创立|落户|入驻|实现|营收|现有|已|将|计划|作为|凭借|"
    r"已经|通过|依托|聚焦|专注|拥有|年产|产品|，|。)"
)
INDUSTRY_AFTER = ("产业", "行业", "领域", "企业", "集群", "赛道")


def _short_companies(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for match in SHORT_COMPANY.finditer(text):
        start, end = match.span(1)
        head = match[1]
        if text.startswith(INDUSTRY_AFTER, end) or GENERIC_COMPANY.match(head) or SCOPE.match(head):
            continue
        if _free(start, end, taken):
            found.append(Mention(start, end, head, "enterprise", f"enterprise:{head}"))
    return found


def _scoped_sets(text: str, mentions: list[Mention]) -> list[Mention]:
    """全省 + [136个] + 省级以上开发区 is one set: 全省省级以上开发区 (the count inside it)."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.pronoun in ("province", "city", "country", "county")
            and mention.kind == "group"
            and COUNT_BETWEEN.fullmatch(text, previous.end, mention.start)
        ):
            name = previous.name + mention.name
            merged[-1] = Mention(previous.start, mention.end, name, "group", f"group:{name}")
            continue
        merged.append(mention)
    return merged


COUNT_BETWEEN = re.compile(r"(?:[0-9一二三四五六七八九十百两]+[个家所座])?")


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return not any(a < end and start < b for a, b in taken)


def _pronouns(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for pattern, kind, pronoun in (
        (PARK_PRONOUNS, "park", "park"),
        (COMPANY_PRONOUNS, "enterprise", "enterprise"),
    ):
        for match in pattern.finditer(text):
            if _free(match.start(), match.end(), taken):
                found.append(Mention(match.start(), match.end(), match[0], kind, "", pronoun))
    for match in REGION_PRONOUN.finditer(text):
        after = text[match.end() : match.end() + 3]
        if SUFFIX.match(text, match.end()) or after.startswith(("开发区", "园区", "各类")):
            continue  # 全省开发区: a set, found above
        if _free(match.start(), match.end(), taken):
            found.append(
                Mention(
                    match.start(), match.end(), match[0], "region", "", REGION_PRONOUNS[match[0]]
                )
            )
    return found


def _regions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Provinces and prefecture-level cities named outside other names (常州市, 江苏, 苏州)."""
    found = []
    table = places()
    for match in _place_pattern().finditer(text):
        start, end = match.span()
        if not _free(start, end, taken):
            continue
        following = text[end : end + 1]
        if following and following in "市省" and match[0] + following in table:
            end += 1  # 常州 + 市
        full = table[match[0]][0]
        found.append(Mention(start, end, text[start:end], "region", f"region:{full}"))
    return found


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
