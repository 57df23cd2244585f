"""What a figure measures, where the words before it in its clause do not say it alone:

- a list read in order (汽车零部件、智能装备、新材料分别实现产值312.4、208.7和146.5亿元): each
  figure is measured by its item and the measure (汽车零部件产值 …), and a later 分别 in the
  sentence (同比分别增长…) reuses the items;
- a post that gives each figure a line, under a line naming it (地区生产总值 / 763亿元);
- a share, labelled by its part (高新技术产业产值占…比重), whatever the length of its base;
- a rank, labelled by what is ranked (综合评价, 亩均效益), not by the verb (位列全国);
- a sum followed by what it is (给予最高3000万元奖励);
- a label that is only a comparison, a time word or a cut-off fragment (上年的, 环比, 降至, 208.7和)
  is none: the figure then takes the metric of the one before it.
"""

import re

RESPECTIVELY = re.compile(r"分别|分列|依次")
ITEM_SPLIT = re.compile(r"、|和|及|与")
COUNTER = re.compile(r"(?:[两二三四五六七八九十]|[0-9]+)(?:个|大|项|类|家)")
MEASURE_AFTER = re.compile(
    r"(?:分别|分列|依次)(?:实现|完成|达到|达|为|是|占)?([\u4e00-\u9fff]{0,8}?)(?=[0-9一二三四五六七八九十百]|为|达|是)"
)
ITEM_NOISE = re.compile(r"^(?:其中|[^，]*?(?:主导|先导|支柱|新兴|重点|特色)?产业(?!链))")
NOISE_LABEL = re.compile(
    r"^(?:上年的?|去年的?|上年同期的?|同期的?|前年的?|[0-9]{4}年的?|年的?|(?:[一二三四五六七八九十0-9]+年)?年均|"
    r"环比|按年|同比|分别|降至|升至|增至|年降至|"
    r"回落至|达到?|为|是|比[^，]*|较[^，]*|高于[^，]*|低于[^，]*|中排名|排名|跃居[^，]*|位列[^，]*|位居[^，]*|"
    r"居[^，]*|给予最?高?|(?![^，]*[0-9]+强)[^，]*[0-9%][^，]*)$"
)
LINE_NUMBER = re.compile(r"^[0-9]{1,2}[ 、.．]*|^[一二三四五六七八九十]+、")
RANKED = re.compile(
    r"([\u4e00-\u9fff“”]{2,10}?(?:综合评价|综合排名|评价|排名|榜单|排行榜|榜|考核|指数|效益|竞争力|实力))"
)
RANK_VERBS = re.compile(r"^(?:在|年度|全国|全省|全市|的|最新|发布|公布|中)+")
SUM_AFTER = re.compile(
    r"(?:的)?(奖励|补贴|资助|奖金|补助|扶持资金|扶持|专项资金|资金|贷款|租金补贴|房租补贴|一次性奖励|"
    r"配套资金|启动资金|融资|授信|补偿)"
)
MONEY = {"元", "美元", "港元", "欧元", "日元"}


def is_noise(label: str | None) -> bool:
    """A label that says nothing of what is measured: a comparison, a time word, a fragment."""
    return label is None or bool(NOISE_LABEL.match(label))


def listed(norm: str, clause_from: int, start: int, figure_starts: list[int]) -> str | None:
    """The label of a figure read against a list (分别): its item and the measure."""
    found = None
    for match in RESPECTIVELY.finditer(norm, clause_from, start):
        found = match
    if found is None:
        return None
    items, measure = _items(norm[clause_from : found.start()])
    if len(items) < 2:
        return None
    after = MEASURE_AFTER.match(norm, found.start())
    if after and after[1]:
        measure = after[1]
    order = sum(1 for s in figure_starts if found.end() <= s < start)
    item = items[min(order, len(items) - 1)]
    return item + measure


def list_items(norm: str, sentence_from: int, start: int) -> list[str]:
    """The items of the first list of the sentence read in order (for a later 分别 that names
    none: 同比分别增长…)."""
    found = RESPECTIVELY.search(norm, sentence_from, start)
    if found is None:
        return []
    clause_from = max(norm.rfind(mark, sentence_from, found.start()) for mark in "，；：") + 1
    items, measure = _items(norm[max(clause_from, sentence_from) : found.start()])
    after = MEASURE_AFTER.match(norm, found.start())
    if after and after[1]:
        measure = after[1]
    return [item + measure for item in items] if len(items) >= 2 else []


def _items(text: str) -> tuple[list[str], str]:
    """(items, the measure written after the last) of 汽车零部件、智能装备、新材料 or 新能源、新材料
    两个产业的签约额."""
    parts = [part for part in ITEM_SPLIT.split(text) if part]
    if len(parts) < 2:
        return parts, ""
    measure = ""
    counted = COUNTER.search(parts[-1])
    if counted:
        rest = parts[-1][counted.end() :]
        parts[-1] = parts[-1][: counted.start()]
        measure = rest.rsplit("的", 1)[-1]
        for word in ("产业", "行业", "领域", "板块"):
            if measure.startswith(word):
                measure = measure[len(word) :]
    first = ITEM_NOISE.sub("", parts[0])
    parts[0] = first or parts[0]
    items = [part.strip() for part in parts if part.strip()]
    return items, measure


def line_label(norm: str, line_from: int, start: int) -> str | None:
    """The line before, when the figure starts its own line and that line names it (a post that
    gives each figure a line): 地区生产总值 / 763亿元."""
    if norm[line_from:start].strip(" 同比增长下降约超近达") and not norm[
        line_from:start
    ].startswith("同比"):
        return None
    if line_from < 2:
        return None
    previous_from = norm.rfind("\n", 0, line_from - 1) + 1
    label = LINE_NUMBER.sub("", norm[previous_from : line_from - 1].strip())
    if not label or len(label) > 16 or re.search(r"[0-9%，。]", label):
        return None
    return label


def share_label(norm: str, clause_from: int, start: int) -> str | None:
    """A share's part and base: 高新技术产业产值占规上工业总产值比重."""
    clause = norm[clause_from:start]
    at = clause.find("占")
    if at <= 0:
        return None
    part = clause[:at]
    for lead in ("其中", "全区", "全市", "园区", "该区"):
        part = part.removeprefix(lead)
    if len(part) < 2:
        return None
    base = re.sub(r"(?:的|比重|比例|达到?|为|约|超过?|近)+$", "", clause[at + 1 :])
    if base in ("", "比"):
        return f"{part}占比"  # 生态岸线占比达80.6%
    label = f"{part}占{base}比重"
    return label if len(label) <= 28 else part


def rank_label(norm: str, sentence_from: int, start: int, title_end: int) -> str | None:
    """What a rank ranks: the nearest evaluation named before it in its sentence, else in the
    title (综合评价, 亩均效益评价)."""
    for begin, end in ((sentence_from, start), (0, title_end)):
        found = None
        for match in RANKED.finditer(norm, begin, end):
            found = match
        if found is not None:
            label = RANK_VERBS.sub("", found[1].strip("“”"))
            if len(label) >= 2:
                return label
    return None


def sum_label(norm: str, end: int, unit: str | None) -> str | None:
    """What a sum is when its name follows it: 最高3000万元奖励, 2000万元专项资金."""
    if unit not in MONEY:
        return None
    after = SUM_AFTER.match(norm, end)
    return after[1] if after else None
