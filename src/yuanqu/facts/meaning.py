"""What a quantity means, read from the words around it: kind cues, the metric, the subject.

These read the normalised text; they are heuristics, kept small and cheap because they run for
every figure in every article.
"""

import re
from functools import lru_cache

from .tries import trie_pattern

CLAUSE_BREAKS = "，,；;：:"
CHANGE_CUES = re.compile(
    r"同比|比上年|较上年|比去年|较去年|环比|增速|增幅|降幅|涨幅|增长率|年均增长|提高|下降|增长"
)
TARGET_CUES = re.compile(
    r"(?=[力目预计争确规有将])(?:力争|(?<!年度)目标(?!的)|预计|(?<!年度)计划(?!的)|争取|确保|规划到|有望|预期|将(?!近))"
)
# Cues that scope over the rest of their sentence (力争到2027年，A…，B…); the others (预计, 将,
# 有望) over their own clause only.
STRONG_TARGET_CUES = ("力争", "目标", "争取", "确保", "规划到", "预期", "计划")
# 将 is a future before a verb (将达到, 将建成); before a noun it is 把 (将沿河企业全部关停).
FUTURE_AFTER_JIANG = re.compile(
    r"(?:达到|达|实现|建成|超过|突破|形成|新增|带动|投产|完成|增长|提升|提高|成为|迎来|开工|落户|建设|打造|"
    r"推动|加快|继续|进一步|全面|力争|有|新建|拉动|吸纳|贡献|增加|扩大|达成|启动|引进|吸引|培育|聚集|集聚|"
    r"迈上|跃升|跨越|再|年产|年|可|在|于|从|由|按|以|对|向|为|逐步|基本|全部建成|总投资)"
)
# Without a period phrase of its own, a figure of what stands now (现有, 累计, 已集聚) is not
# dated by the period of the sentences before it.
STOCK_CUES = re.compile(
    r"现有|目前|累计|共有|拥有|建有|已|以来|年来|历年|给予|奖励|补贴|最高|距离|底价|租金|规划|每分钟|每小时|每天"
)
# What stands, rather than what happened in a period: standing counts, areas, cumulative totals,
# rates per day or minute. Such a figure has no period, whatever period is in force.
STOCK_WORDS = re.compile(
    r"现有|目前|累计|共有|拥有|已有|已设立|已集聚|已建成|已入驻|已落户|已引进|已形成|建有|存量|总数|"
    r"总量|总计|至今|迄今|历年|规划|占地|注册资本|每日|每天|每小时|每分钟|每秒|每周|日产|日处理|年产能|"
    r"年设计|设计产能|产能达|集聚了?|聚集了?|汇聚|入驻企业|在孵|在库|年发电量|年供电|年处理能力|"
    r"年吞吐能力|在建|平均年龄|容积率|建筑密度|覆盖率|距离|距|租金|底价|地价|给予|奖励|补贴|资助|补助|最高"
)
FLOW_VERBS = re.compile(
    r"新增|新认定|新引进|新签约|新开工|新设|新注册|新入驻|新落户|新培育|新建|引进|签约|开工|竣工|投产|"
    r"落户|落地|完成|实现|培育|认定|入选|获批|建成|招引|吸引|举办|组织|开展|服务|接待|注册|入驻|减少|"
    r"增加|增长|下降|提高|提升|出口|进口|生产|销售|交易|成交|发放|兑现|拨付|投入|支出|收入|营收|产值|"
    r"税收|利润|实缴|到位|使用|吞吐|处理|发电|供应|出让|供地|征收|盘活|整治|改造|申报|获得|荣获|入围|"
    r"带动|拉动|吸纳|突破|首次"
)
AREA_UNITS = {"平方公里", "平方米", "亩", "公顷", "平方千米", "万平方米"}
HEAD_COUNT = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:企业|公司|工厂|项目|机构|平台|园区|人才|院士|专家|团队|户|国家|地区|城市|省份)"
)


def is_stock(
    norm: str,
    sentence_from: int,
    clause_from: int,
    start: int,
    end: int,
    unit: str | None,
    periods_before: list[int],
) -> bool:
    """A figure of what stands (高新技术企业1371家, 规划面积18平方公里, 累计…, 每日…), not of what
    happened in a period. A word of what stands (现有, 目前, 拥有) scopes over the rest of its
    sentence (园区现有企业1352家，从业人员约6.8万人); a period phrase after it (今年以来累计签约…)
    or a flow verb (新增) in the figure's clause makes the figure a flow again."""
    word = None
    for found in STOCK_WORDS.finditer(norm, sentence_from, start):
        word = found
    if word is not None:
        flowing = any(word.start() < p < start for p in periods_before) or (
            word[0] == "累计" and any(sentence_from <= p < word.start() for p in periods_before)
        )
        verbs = NEW_FLOW if word.start() >= clause_from else FLOW_VERBS
        if not flowing and not verbs.search(norm, max(clause_from, word.end()), start):
            return True
    before = norm[clause_from:start]
    if unit in AREA_UNITS or unit in CAPACITY_UNITS:
        return not FLOW_VERBS.search(before)
    if (
        unit in COUNT_UNITS
        and unit not in ("次", "名", "位")
        and not FLOW_VERBS.search(norm, sentence_from, start)
    ):
        noun = before[-12:] + norm[end : end + 8]  # a count of things that exist (企业420家)
        return bool(HEAD_COUNT.search(noun))
    return False


NEW_FLOW = re.compile(r"新增|新认定|新引进|新签约|新开工|新设|新注册|新落户|新培育|新建|当年")
CAPACITY_UNITS = {"瓦", "千瓦", "兆瓦", "吉瓦", "千伏", "万千瓦", "伏"}


# A heading that announces plans (二、2025年主要预期目标) makes the figures below it targets.
TARGET_HEADING = re.compile(r"目标|预期|计划|展望|任务")
HEADING_MAX = 30
PER_BEFORE = re.compile(r"每(平方米|平方公里|亩|公顷|吨|人|户|家|千瓦时|辆|台|年|月)$")
RANK_CUES = re.compile(r"(位居|位列|排名|排在|名列|居|列|跻身|保持|稳居|位于|进入)[^，。；]{0,8}$")
RANK_REGIONS = re.compile(
    r"(全国|全省|全市|全区|全球|世界|国内|省内|市内|行业|同类)[^，。；]{0,4}$"
)
NOT_RANK_AFTER = re.compile(r"[届批期次个季号章条款代轮阶年月周天家座项版大产类级]")

_SUFFIXES = (
    "高新技术产业开发区 经济技术开发区 高新区 经开区 开发区 工业园区 产业园区 产业园 科技园 工业园 新区 "
    "综合保税区 保税区 科技城 科学城 实验区 示范区 合作区 自贸区 片区 园区 股份有限公司 有限责任公司 "
    "有限公司 集团"
).split()
PARK_SUFFIX = re.compile(
    f"(?=[{''.join(sorted({w[0] for w in _SUFFIXES} | {'国'}))}])(?:国家级)?{trie_pattern(_SUFFIXES)}"
)
NAME_STOP = set(
    "的在从于与和及是为了对将把向到由据经以并等其该各年月日，。、；：（）《》“”\"' —-·0123456789\n!！?？[]【】<>{}/|~*#"
)
NAME_STOP_WORDS = {
    "跻身",
    "获悉",
    "位于",
    "落户",
    "入驻",
    "举行",
    "召开",
    "全国",
    "首批",
    "以及",
    "打造",
    "成为",
    "进入",
    "支持",
    "推动",
    "加快",
    "全省",
    "全市",
    "记者",
    "今年",
    "去年",
    "目前",
    "其中",
    "已有",
}
MAX_NAME_HEAD = 10
_STOP_CLASS = (
    "".join(sorted(NAME_STOP)).replace("\\", "\\\\").replace("-", "\\-").replace("]", "\\]")
)
REVERSED_HEAD = re.compile(
    rf"(?:(?!{trie_pattern(w[::-1] for w in NAME_STOP_WORDS)})[^{_STOP_CLASS}]){{0,{MAX_NAME_HEAD}}}"
)

LEADING_NOISE = re.compile(  # matched at the clause's start: no ^
    r"(?:其中|此外|同时|目前|截至[^，]*|[到至]?[0-9]{4}年底?|今年以来|全年|上半年|下半年|前三季度|一季度|"
    r"去年|今年|是|全区|全市|全省|园区|该区|新区|区内|全县|共|累计|已|还|并|均|分别|当年|这里|"
    r"拥有|共有|现有|建有|集聚|聚集|实现|完成|力争|争取|预计|计划|确保|目标是?|将)+"
)
# Words that end a clause's lead-in but are not part of the metric: 产值(实现了)1549.2亿元.
VERB_ENDINGS = tuple(
    sorted(
        "实现 实现了 完成 完成了 达到 达到了 达 为 是 有 拥有 共有 现有 集聚 聚集 累计 共 约 超过 突破 "
        "增长 增长至 增长到 提高 提高至 提高到 提升 提升至 提升到 下降 下降至 下降到 同比 比上年 较上年 "
        "分别 仅 已 就 将 新增".split(),
        key=len,
        reverse=True,
    )
)
REVERSED_VERB_ENDING = re.compile(f"(?:{trie_pattern(w[::-1] for w in VERB_ENDINGS)})+")
INNER_VERB = re.compile(r"实现|完成|获得|获批|引进|签约|落地|开工|竣工|投产|设立|达到")
FOLLOWING_NOUN = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9“”·]{2,14}?)(?=[，。；、：（）\s的]|投资|落户|设立|入驻|参加|签约|$)"
)
COUNT_UNITS = set("家个项座条台套辆株件所户名位批种类款艘架")


def is_rank(
    norm: str, start: int, end: int, clause_from: int, marker: str, unit: str | None
) -> bool:
    """第一 / 前三 are ranks after 位居, 排名, 全国 … or with 名/位; not 第三季度, 第二批."""
    following = norm[end : end + 2]
    if following[:1] and NOT_RANK_AFTER.match(following):
        return False
    if marker == "前" and (following.startswith("季度") or following.startswith("个月")):
        return False
    if norm[end : end + 1] == "的":
        return False  # 进入前十的开发区: a rank used to name a group
    before = norm[clause_from:start]
    return bool(unit or RANK_CUES.search(before) or RANK_REGIONS.search(before))


def names_in(text: str) -> list[tuple[int, str]]:
    """Park and company names (常州国家高新区, 昆山恒远精密制造有限公司) with their offsets.

    A name is a suffix (高新区, 有限公司 …) and the characters before it, walking left for at most
    ten, until a stop character or a stop word. The walk runs as a regex over the reversed text.
    """
    names, floor, reverse, size = [], 0, None, len(text)
    seen: dict[str, int] = {}  # an article names its park again and again: walk each lead-in once
    for suffix in PARK_SUFFIX.finditer(text):
        start = suffix.start()
        if start < floor:
            continue
        lead_in = text[max(floor, start - MAX_NAME_HEAD - 2) : start]
        length = seen.get(lead_in)
        if length is None:
            if reverse is None:
                reverse = text[::-1]
            head = REVERSED_HEAD.match(reverse, size - start, size - floor)
            length = seen[lead_in] = head.end() - head.start()
        if length >= 2:
            names.append((start - length, text[start - length : suffix.end()]))
        floor = suffix.end()
    return names


def metric_of(
    norm: str,
    clause_from: int,
    start: int,
    end: int,
    unit: str | None,
    name: tuple[int, str] | None,
) -> str | None:
    """A short label of what is measured: the noun after a count (超2100家外资企业) or the words
    before the figure in its clause, without time words, scope words and verbs."""
    if name is not None:  # the clause names the park: what follows the name is the metric
        clause_from = max(clause_from, name[0] + len(name[1]))
    if unit in COUNT_UNITS:
        after = FOLLOWING_NOUN.match(norm, end, end + 16)
        if after and after[1][0] not in "以左上同比增较占":
            return after[1].strip("“”")
    before = norm[clause_from:start]
    earlier = EARLIER_FIGURE.search(before)
    if earlier:  # 营收超10亿元企业10家: what follows the figure before it in the clause
        before = before[earlier.end() :]
    return _metric(before, unit in COUNT_UNITS)


# A figure earlier in the clause, with its unit: the label of a later one starts after it.
EARLIER_FIGURE = re.compile(
    r".*[0-9]+(?:\.[0-9]+)?[万亿千百]*(?![年月日号时])(?:美元|港元|欧元|元|[%\u4e00-\u9fff])(?:以上|以下|左右)?"
)


SEGMENT_ENDS = ("产业", "行业", "板块", "集群", "领域")
TOTAL_SEGMENTS = ("主导产业",)


@lru_cache(maxsize=16_384)
def _metric(before: str, count: bool = False) -> str | None:
    """metric_of over the clause's words before the figure: park reports repeat their phrasing
    (同比增长, 实现规上工业总产值), so each is worked out once. (The words after a count differ
    from figure to figure and are read in metric_of, outside the cache.)"""
    before = before[max(before.rfind(mark) for mark in "、）)") + 1 :]
    lead = LEADING_NOISE.match(before)
    if lead:
        before = before[lead.end() :]
    ending = REVERSED_VERB_ENDING.match(before[::-1])  # every trailing verb at once
    if ending:
        before = before[: -ending.end()]
    before = before.strip(' “”"')
    # A count keeps its verb (新开工亿元以上项目, 引进企业): what was done is what is counted.
    parts = INNER_VERB.split(before) if not count and INNER_VERB.search(before) else ()
    if len(parts) > 1:
        head, tail = parts[0], parts[-1]
        # 主导产业|实现|产值; a segment keeps its name (生物医药产业|实现|规上工业产值)
        segment = head.endswith(SEGMENT_ENDS) and not head.endswith(TOTAL_SEGMENTS)
        before = tail if (len(tail) >= 4 and not segment) or not head else head + tail
    if len(before) < 2 or (before.startswith("占") and before.endswith("的")):
        return None
    return before[-16:]
