"""Reading enterprises, their recognitions and park memberships, innovation platforms and
investment projects out of an article's text. No database here: `read_entities` takes the text
and matchers and returns what it found, each with the span of the sentence it came from.

These are heuristics over the sentence (documented in docs/knowledge-base.md); editors correct
what they get wrong, and their corrections survive the next reading.
"""

import re
from dataclasses import dataclass, field

from yuanqu.facts.meaning import names_in
from yuanqu.facts.normalize import normalize
from yuanqu.facts.tries import trie_pattern

SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
CLAUSE_BREAK = re.compile(r"[，,：:]")
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团")
# What says an enterprise is in a park: registered there, or working there.
REGISTERED = re.compile(r"注册|总部")
OPERATING = re.compile(r"落户|入驻|基地|工厂|厂房|投产|设立|建成|生产线|扎根|布局|区内|园内|新区内")
SUBJECT_PRONOUN = re.compile(
    r"^(?:该公司|公司|该企业|企业)"
)  # 公司成立于2009年: the one just named
PLANNED = re.compile(r"预计|计划|将|拟|力争|争取|有望|目标")
RECOGNITIONS = (  # (kind, words), the more specific first
    ("little_giant", ("专精特新“小巨人”", '专精特新"小巨人"', "专精特新小巨人", "小巨人企业")),
    ("specialised", ("专精特新中小企业", "专精特新企业")),
    ("champion", ("单项冠军",)),
    ("hitech", ("高新技术企业",)),
    ("global500", ("世界500强",)),
)
STATED_AS = re.compile(r"(?:是|为|获评|获批|认定为|入选|荣获|被评为|成为|列入|跻身)[^，。；]*$")
LEVELS = (
    ("国家级", "国家级"),
    ("全国", "国家级"),
    ("国家", "国家级"),
    ("省级", "省级"),
    ("省", "省级"),
    ("市级", "市级"),
)
PLATFORM_KINDS = {
    "全国重点实验室": "laboratory",
    "国家重点实验室": "laboratory",
    "重点实验室": "laboratory",
    "工程技术研究中心": "engineering",
    "工程研究中心": "engineering",
    "技术创新中心": "innovation",
    "制造业创新中心": "innovation",
    "产业创新中心": "innovation",
    "企业技术中心": "enterprise",
    "研究院": "institute",
    "新型研发机构": "institute",
    "院士工作站": "workstation",
    "博士后科研工作站": "workstation",
    "孵化器": "incubator",
    "众创空间": "incubator",
}
PLATFORM = re.compile(trie_pattern(PLATFORM_KINDS))
HEAD_STOP = set(
    "，。；：、（）()《》“”\"' \n的在从于与和及是为了对将把向到由据经以并等其该各个家座项批"
)
HEAD_STOP_WORDS = (
    "建有",
    "拥有",
    "获批",
    "设立",
    "成立",
    "建成",
    "入选",
    "获评",
    "认定",
    "新增",
    "共有",
    "已有",
    "全区",
    "全市",
    "园区",
    "区内",
    "依托",
    "联合",
    "牵头",
    "集聚",
    "聚集",
    "新建",
    "组建",
    "打造",
    "建设",
    "引进",
    "培育",
    "还将",
    "已",
    "将",
)
GENERIC_HEADS = {"国家级", "省级", "市级", "国家", "省", "市", "新型", "重点", "国家重点", "省重点"}
STAGES = (  # the most advanced stage a clause reports wins
    ("full", ("达产",)),
    ("operating", ("投产", "投用", "运营")),
    ("completed", ("竣工", "建成", "完工")),
    ("started", ("开工", "动工", "在建", "奠基")),
    ("signed", ("签约", "签署", "落地")),
    ("intent", ("洽谈", "意向")),
)
PROJECT_NAME = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{0,16})项目")
# What comes before the kind of project in a clause: time, scope, the stage verb, the count.
PROJECT_NAME_LEAD = re.compile(
    r"^.*(?:签约|签署|开工|动工|落地|竣工|投产|建成|新|举行|集中|现场|上半年|季度|以来|累计|共|已|个|内)"
)
INVESTMENT_LEAD = re.compile(r"投资[额为达约超逾近]*$|总投资.{0,4}$")
QUALIFIER_AFTER = re.compile(r"^(?:以上|以下)?(?:的)?(?:重大|产业|优质|外资)?项目")


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Found:
    """One thing read from one sentence; `what` depends on the list it is in."""

    sentence: Sentence
    what: str
    kind: str = ""
    level: str = ""
    parks: list[int] = field(default_factory=list)


def sentences(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end(), m[0]) for m in SENTENCE.finditer(text) if m[0].strip()]


def company_names(text: str) -> list[tuple[int, str]]:
    """Names with a company suffix (昆山恒远精密制造有限公司), in the original characters."""
    found = []
    for start, name in names_in(normalize(text)):
        if name.endswith(COMPANY_SUFFIXES):
            found.append((start, text[start : start + len(name)]))
    return found


def level_of(text: str) -> str:
    for word, level in LEVELS:
        if word in text:
            return level
    return ""


def recognitions_in(clause: str) -> list[tuple[str, str]]:
    """(kind, level) of each recognition the clause says its enterprise holds."""
    found = []
    for kind, words in RECOGNITIONS:
        for word in words:
            at = clause.find(word)
            if at < 0:
                continue
            before = clause[:at]
            if kind == "global500" or STATED_AS.search(before):
                found.append((kind, level_of(before[-8:])))
            break
    return found


def membership_kind(sentence: str) -> str:
    if REGISTERED.search(sentence):
        return "registered"
    if OPERATING.search(sentence):
        return "operating"
    return ""


def _after_is_count(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isdigit() or text[end] in "一二三四五六七八九十两数多")


def _head(text: str, end: int, longest: int = 16) -> str:
    """The words before a suffix that name the thing, walking left to a stop."""
    start = end
    while start > 0 and end - start < longest and text[start - 1] not in HEAD_STOP:
        start -= 1
    head = text[start:end]
    for word in HEAD_STOP_WORDS:
        cut = head.rfind(word)
        if cut >= 0:
            head = head[cut + len(word) :]
    return head.lstrip("0123456789.")


def platforms_in(sentence: Sentence) -> list[Found]:
    found = []
    for match in PLATFORM.finditer(sentence.text):
        if _after_is_count(sentence.text, match.end()):
            continue  # 新型研发机构30余家: a count of a kind, not a platform's name
        head = _head(sentence.text, match.start())
        bare = head
        for word, _ in LEVELS:
            bare = bare.replace(word, "")
        if len(bare) < 2 or head in GENERIC_HEADS:
            continue  # 14个重点实验室, 国家级孵化器: a count or a kind, not a name
        found.append(
            Found(sentence, head + match[0], PLATFORM_KINDS[match[0]], level_of(head + match[0]))
        )
    return found


def _stage(clause: str, before: str) -> str:
    """The most advanced stage the clause reports as reached (not one planned: 将开工, 预计投产)."""
    for stage, words in STAGES:
        for word in words:
            at = clause.find(word)
            if at >= 0 and not PLANNED.search(before + clause[:at]):
                return stage
    return ""


def project_name(clause: str) -> str:
    """The kind of project a clause counts: 亿元以上项目 in 新开工亿元以上项目32个; else 项目."""
    for match in PROJECT_NAME.finditer(clause):
        kind = PROJECT_NAME_LEAD.sub("", match[1]).lstrip("其该")
        return kind + "项目"
    return "项目"


def project_clauses(sentence: Sentence) -> list[tuple[int, int, str, str]]:
    """(start, end in the sentence, stage, name) of each clause reporting projects at a stage."""
    found, offset = [], 0
    for clause in CLAUSE_BREAK.split(sentence.text):
        if "项目" in clause:
            stage = _stage(clause, sentence.text[:offset])
            if stage:
                found.append((offset, offset + len(clause), stage, project_name(clause)))
        offset += len(clause) + 1
    return found


def is_investment(text: str, start: int, end: int) -> bool:
    """A sum is a project's investment when 投资 leads to it (总投资约186亿元), not when it
    qualifies the projects (投资超50亿元的项目, 过10亿元项目)."""
    return bool(INVESTMENT_LEAD.search(text[max(0, start - 8) : start])) and not (
        QUALIFIER_AFTER.match(text[end : end + 8])
    )
