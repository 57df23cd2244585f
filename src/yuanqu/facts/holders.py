"""Whose figure is it: the holder of each quantity, from the mentions of the text (`mentions`).

A figure belongs to, in this order:

1. the set a threshold describes (营收超100亿元的龙头企业 → 龙头企业), or the set a ranking counts
   (在全省60个园区中 → 全省园区);
2. the subject of its clause — a mention at the clause's start, after time and scope words only
   (上半年，常州高新区实现…; 其中比亚迪…) — or one member of a list the clause reads in order
   (A、B、C分别为…), or the list itself when the clause gives one figure for it;
3. the subject of an earlier clause of its sentence, then of an earlier sentence of its
   paragraph; an enterprise, a project or a platform holds no figure past its paragraph;
4. the article's park (named in the title, else the park the text names most).

Pronouns resolve: 全区, 该区, 园区 to the article's park; 公司, 该公司 to the enterprise just
named; 全市, 全省 to the city or province the text names (else the one the park's name starts
with). A park is named at its fullest, as the text names it anywhere (常州国家高新区).
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from .mentions import Mention, find_mentions, places

# What may stand between a clause's start and its subject: time, scope and linking words.
LEAD = re.compile(
    r"(?:其中|此外|另外|同时|而|但|并且?|与此同时|据[^，。]{0,8}?(?:统计|显示|了解|介绍)|数据显示|"
    r"[今去明本上前]年|[0-9]{4}年度?|[上下]半年|前三季度|[一二三四1-4]季度|第[一二三四]季度|全年|当年|年内|"
    r"[0-9一二三四五六七八九十]{1,2}[—–\-~～至到][0-9一二三四五六七八九十]{1,2}月份?|"
    r"[0-9一二三四五六七八九十]{1,2}月份?|前[0-9一二三四五六七八九十]{1,2}个月|截至[^，。]{0,10}|截止[^，。]{0,10}|"
    r"年初以来|今年以来|近年来|目前|当前|如今|[ ，、：]|一是|二是|三是|四是|五是|首先|其次|最后)*"
)
# Between a whole and its part: 园区内的高铁新城, 区内企业常州恒创…, 常州高新区旗下的…
PART_OF = re.compile(r"(?:内的?|的|下属的?|下辖的?|所属的?|旗下的?|内企业|企业|园区企业|龙头企业)")
# A clause where the figures are read one by one against a list: 分别, 分列, 依次.
RESPECTIVELY = re.compile(r"分别|分列|依次")
# A subject introduced as what something is (单体投资最大的是一个锂电池材料项目，总投资…).
INTRODUCED = re.compile(r"(?:是|为|即)(?:一个|一家|这个|这家|该)?$")
LIST_JOINERS = re.compile(r"^(?:、|和|及|与|以及|，)$")
# A threshold: the figure is followed by 的 and the set it describes (营收超100亿元的龙头企业).
THRESHOLD = re.compile(
    r"(?:以上|以下|及以上)?(?:的([\u4e00-\u9fff“”]{0,10}?(?:企业|公司|项目|园区|开发区|集群|平台|机构|"
    r"单位|工厂|客户|品牌|高新区|经开区))|((?:企业|公司|项目)(?=[0-9一二三四五六七八九十两]|[，。；])))"
)
# The set a ranking counts: 在全省60个园区中, 全国169个国家高新区中.
POPULATION = re.compile(
    r"([\u4e00-\u9fff]{0,12}?(?:园区|开发区|高新区|经开区|新区|城市|地区|园|区|企业))(?:之?中|里)"
)
SCOPE_BEFORE = re.compile(
    r"(全国|全省|全市|全区|全球|世界|国内|省内|同批|同类|全部|所有)[^，。；]{0,3}$"
)


class Holders:
    """The holders of the figures of one text, worked out once per text."""

    def __init__(self, norm: str, title_end: int):
        self.norm = norm
        self.mentions = find_mentions(norm)
        self.starts = [m.start for m in self.mentions]
        self.fullest: dict[str, str] = {}
        for mention in self.mentions:
            if mention.key and len(mention.name) > len(self.fullest.get(mention.key, "")):
                self.fullest[mention.key] = mention.name
        self.main = self._main_park(title_end)
        self.city, self.province = self._places()
        self.carried: dict[int, tuple[Mention, int] | None] = {}  # by sentence start

    def _main_park(self, title_end: int) -> Mention | None:
        parks = [m for m in self.mentions if m.kind == "park" and m.key]
        if not parks:
            return None
        in_title = [m for m in parks if m.start < title_end]
        if in_title:
            return in_title[0]
        most, _ = Counter(m.key for m in parks).most_common(1)[0]
        return next(m for m in parks if m.key == most)

    def _places(self) -> tuple[str | None, str | None]:
        """The city and the province the text is about: the ones it names (the fullest form),
        else the ones the article's park is named after (常州高新区 → 常州市, 江苏省)."""
        table = places()
        city = province = None
        for mention in self.mentions:
            if mention.kind == "region" and mention.key:
                full, level, _ = table[mention.key.removeprefix("region:")]
                named = self.fullest[mention.key]
                if level == "prefecture" and city is None:
                    city = named
                elif level == "province" and province is None:
                    province = named
        if self.main is not None and (city is None or province is None):
            name = self.main.name
            for size in range(min(4, len(name)), 1, -1):
                found = table.get(name[:size]) or table.get(name[:size] + "市")
                if found:
                    full, level, parent = found
                    if level == "prefecture" and city is None:
                        city = full
                        if province is None and parent:
                            province = table.get(parent, (None,))[0]
                    elif level == "province" and province is None:
                        province = full
                    break
        return city, province

    def name_of(self, mention: Mention) -> tuple[str | None, str]:
        """The holder's name, at its fullest, and kind (a pronoun resolved)."""
        if mention.pronoun == "park":
            return self.name_of(self.main) if self.main else (None, "park")
        if mention.pronoun == "enterprise":
            before = self._last_named(mention.start, "enterprise")
            return self.name_of(before) if before else (None, "enterprise")
        if mention.pronoun == "city":
            return self.city or "全市", "region"
        if mention.pronoun == "province":
            return self.province or "全省", "region"
        if mention.pronoun == "country":
            return "全国", "region"
        if mention.pronoun:
            return mention.name, mention.kind
        return self.fullest.get(mention.key, mention.name), mention.kind

    def _last_named(self, position: int, kind: str) -> Mention | None:
        index = bisect_left(self.starts, position) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.kind == kind and not mention.pronoun:
                return mention
            index -= 1
        return None

    def _in(self, start: int, end: int) -> list[Mention]:
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def clause_subject(self, clause_from: int, position: int) -> Mention | None:
        """The mention at the clause's start (after time and scope words only); a part named
        after it (园区内的高铁新城, 区内企业常州恒创…) is the subject instead."""
        inside = self._in(clause_from, position)
        for index, mention in enumerate(inside):
            if not LEAD.fullmatch(self.norm, clause_from, mention.start):
                return None
            while index + 1 < len(inside) and PART_OF.fullmatch(
                self.norm, inside[index].end, inside[index + 1].start
            ):
                index += 1
            return inside[index]
        return None

    def listed(self, first: Mention, position: int) -> list[Mention]:
        """The list a clause's subject starts (A、B和C), or just the subject."""
        members, last = [first], first
        for mention in self._in(first.end, position):
            between = self.norm[last.end : mention.start]
            if mention.kind != first.kind or not LIST_JOINERS.match(between):
                break
            members.append(mention)
            last = mention
        return members

    def holder(
        self,
        *,
        clause_starts: list[int],
        paragraph_from: int,
        start: int,
        end: int,
        figure_starts: list[int],
    ) -> tuple[str | None, str | None]:
        """(name, kind) of the holder of the figure at [start, end); `clause_starts` are the
        starts of the clauses of its sentence up to its own (the last one)."""
        norm, clause_from = self.norm, clause_starts[-1]
        around = self._around(start, end)
        if around is not None:  # 全省136个省级以上开发区: the figure counts the set it is in
            return self.name_of(around)
        threshold = THRESHOLD.match(norm, end)
        if threshold:
            described = threshold[1] or threshold[2]
            return described, _set_kind(described)
        described = self._described(end)
        if described is not None:  # 规划面积56平方公里的高铁新城: the figure describes what follows
            return self.name_of(described)
        population = POPULATION.match(norm, end)
        if population and "在" in norm[clause_from:start]:
            scope = SCOPE_BEFORE.search(norm, clause_from, start)
            return (scope[1] if scope else "") + population[1], "group"
        for index in range(len(clause_starts) - 1, -1, -1):
            own = index == len(clause_starts) - 1
            until = start if own else clause_starts[index + 1]
            subject = self.clause_subject(clause_starts[index], until)
            if subject is None and not own:
                subject = self.introduced(clause_starts[index], until)
            if subject is not None:
                return self._subject(subject, start, figure_starts)
        carried = self._carried(paragraph_from, clause_starts[0])
        if carried is not None:
            return carried
        return self.name_of(self.main) if self.main is not None else (None, None)

    def _described(self, end: int) -> Mention | None:
        """The named entity right after the figure and 的 (总投资50亿元的智能终端项目)."""
        at = end + 1 if self.norm.startswith("的", end) else -1
        index = bisect_left(self.starts, at)
        if at < 0 or index >= len(self.mentions):
            return None
        mention = self.mentions[index]
        if mention.start != at or mention.pronoun or mention.kind in ("region", "group"):
            return None
        return mention

    def _around(self, start: int, end: int) -> Mention | None:
        index = bisect_right(self.starts, start) - 1
        if index >= 0 and self.mentions[index].end >= end and self.mentions[index].kind == "group":
            return self.mentions[index]
        return None

    def _subject(self, subject: Mention, start: int, figure_starts: list[int]):
        members = self.listed(subject, start)
        if len(members) == 1:
            return self.name_of(subject)
        found = RESPECTIVELY.search(self.norm, members[-1].end, start + 1)
        respectively = found.start() if found else -1
        if respectively < 0:
            written = self.norm[members[0].start : members[-1].end]
            return written, "group"
        order = bisect_left(figure_starts, start) - bisect_left(figure_starts, respectively)
        return self.name_of(members[min(order, len(members) - 1)])

    def _carried(self, paragraph_from: int, sentence_from: int) -> tuple | None:
        """The subject of the last sentence before this one in its paragraph that has one; an
        enterprise, project or platform is not carried past its sentence's paragraph."""
        if sentence_from in self.carried:
            return self.carried[sentence_from]
        found = None
        position = sentence_from
        while position > paragraph_from and found is None:
            previous = max(
                self.norm.rfind(mark, paragraph_from, position - 1) for mark in "。！？；"
            )
            begin = paragraph_from if previous < 0 else previous + 1
            subject = self._sentence_subject(begin, position)
            if subject is not None:
                found = self.name_of(subject)
            position = begin
        self.carried[sentence_from] = found
        return found

    def _sentence_subject(self, begin: int, end: int) -> Mention | None:
        clause = begin
        for mark in re.finditer(r"[，；：]", self.norm[begin:end]):
            subject = self.clause_subject(clause, begin + mark.start())
            if subject is None:
                subject = self.introduced(clause, begin + mark.start())
            if subject is not None:
                return subject
            clause = begin + mark.end()
        return self.clause_subject(clause, end)

    def introduced(self, clause_from: int, clause_end: int) -> Mention | None:
        """A mention a clause introduces as what something is (…的是一个锂电池材料项目): the
        subject of the clauses after it."""
        for mention in self._in(clause_from, clause_end):
            if INTRODUCED.search(self.norm, clause_from, mention.start) and mention.kind in (
                "enterprise",
                "project",
                "platform",
                "park",
            ):
                return mention
        return None


def _set_kind(name: str) -> str:
    if name.endswith(("企业", "公司", "工厂", "车间", "客户", "品牌")):
        return "enterprise"
    if name.endswith("项目"):
        return "project"
    if name.endswith(("平台", "机构")):
        return "platform"
    if name.endswith("产业") or name.endswith("集群"):
        return "industry"
    return "group"
