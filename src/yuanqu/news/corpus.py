"""Deterministic synthetic park news for benchmarks: `generate_records(count, seed)`.

Each article is built from its own random generator seeded by (seed, index), so any article can
be regenerated alone and the same arguments always give the same corpus. The text mixes the
number styles real articles use (1549.2亿元, 超2100家, 三千, 百分之七点四, 10—15亿元, 约, 左右 …)
across many parks, industries and periods. Parks are named from real prefecture-level cities;
every figure is invented.
"""

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from yuanqu.regions.services import read_division_rows

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2019, 1, 1, 8, 0, tzinfo=SHANGHAI)
SPAN_MINUTES = 7 * 365 * 24 * 60

INDUSTRIES = [
    "新能源汽车",
    "集成电路",
    "生物医药",
    "高端装备",
    "新材料",
    "人工智能",
    "光伏",
    "新型储能",
    "合成生物",
    "工业互联网",
    "软件和信息服务",
    "智能终端",
    "医疗器械",
    "航空航天",
    "节能环保",
    "现代物流",
    "数字创意",
    "海洋工程装备",
    "氢能",
    "机器人",
    "低空经济",
    "绿色食品",
    "纺织服装",
]
PARK_KINDS = [
    "高新技术产业开发区",
    "经济技术开发区",
    "高新区",
    "经开区",
    "工业园区",
    "产业园",
    "综合保税区",
    "科技城",
    "新区",
]
COMPANY_WORDS = ["恒远", "启衡", "华创", "中科", "博源", "瑞丰", "天成", "鼎新", "联芯", "远景"]
COMPANY_KINDS = ["智能装备", "新能源科技", "生物科技", "精密制造", "电子", "新材料", "软件"]
AMOUNTS = [
    ("规上工业总产值", "亿元", 50, 8000),
    ("主导产业产值", "亿元", 30, 3000),
    ("营业收入", "亿元", 20, 5000),
    ("固定资产投资", "亿元", 10, 900),
    ("进出口总额", "亿元", 5, 3000),
    ("实际使用外资", "亿美元", 0.5, 40),
    ("税收收入", "亿元", 5, 600),
    ("高新技术企业", "家", 50, 6000),
    ("专精特新“小巨人”企业", "家", 3, 120),
    ("外资企业", "家", 20, 2500),
    ("研发机构", "个", 5, 400),
    ("从业人员", "人", 3000, 300000),
    ("标准厂房", "万平方米", 5, 300),
    ("盘活低效用地", "亩", 100, 9000),
]
PERIODS = ["今年上半年", "前三季度", "一季度", "1—8月", "去年", "2023年", "今年以来", "1—5月"]
APPROX_BEFORE = ["", "", "", "约", "超", "近", "逾"]
APPROX_AFTER = ["", "", "", "", "左右", "以上", "余"]
FILLERS = [
    "园区持续优化营商环境，推动产业链与创新链深度融合。",
    "下一步，将围绕主导产业精准招商，加快重点项目建设。",
    "相关负责人表示，将坚持项目为王，以高质量发展为主线。",
    "活动现场，多家企业代表进行了交流发言。",
    "园区还将加快完善配套设施，提升产业承载能力。",
]
# Narrative sentences, combined from these, give the corpus a realistic vocabulary: common words,
# names, and rare technical terms (what a search benchmark needs).
TECHNOLOGIES = (
    "固态电池 钙钛矿光伏 车规级芯片 工业母机 氢燃料电池 碳化硅功率器件 人形机器人 低空飞行器 生物制造 "
    "创新药 高端医疗影像 智能网联汽车 算力中心 行业大模型 卫星互联网 量子通信 数字孪生 工业软件 光刻胶 "
    "电子特气 储能变流器 风电叶片 锂电隔膜 特种钢材 航空发动机叶片 无人机整机 基因检测 细胞治疗 "
    "医用耗材 智慧物流 跨境电商 冷链物流 新型显示面板 传感器 激光雷达 工业互联网平台 第三代半导体 "
    "柔性电子 生物基材料 高端轴承 精密减速器 光伏逆变器 海上风电装备 绿色甲醇 合成氨 智能家电"
).split()
EVENTS = (
    "项目集中签约仪式 招商推介会 产业对接会 人才招聘会 营商环境座谈会 创新创业大赛 产学研合作洽谈会 "
    "企业家沙龙 投融资路演 产业链供需对接会 专精特新企业培训班 安全生产现场会"
).split()
PARTNERS = (
    "清华大学 浙江大学 南京大学 上海交通大学 华中科技大学 中国科学院 西安交通大学 同济大学 "
    "哈尔滨工业大学 北京理工大学 省工业技术研究院 国家技术转移中心"
).split()
PLACES = "长三角 粤港澳大湾区 德国 新加坡 日本 韩国 中东 东盟 欧洲 港澳".split()
POLICIES = (
    "亩均效益评价 优化营商环境 工业上楼 数字化转型 绿色低碳改造 惠企政策免申即享 企业服务专员 "
    "标准地出让 拿地即开工 链长制"
).split()
CN_DIGITS = "零一二三四五六七八九"
COUNTED = {"家", "个", "人", "亩"}
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def chinese_numeral(number: int) -> str:
    """0 < number < 10**8 in Chinese numerals (三千, 一千五百万, 十二)."""
    if number >= 10_000:
        high, low = divmod(number, 10_000)
        rest = chinese_numeral(low) if low else ""
        return chinese_numeral(high) + "万" + ("零" if 0 < low < 1000 else "") + rest
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            if zero:
                parts.append("零")
            parts.append(CN_DIGITS[digit] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


class Writer:
    """Writes one article with its own random generator."""

    def __init__(self, rng: random.Random, cities: list[dict], provinces: dict[str, str]):
        self.rng = rng
        self.city = rng.choice(cities)
        self.province = provinces[self.city["parent_code"]]
        self.park = self.city["short_name"] + rng.choice(PARK_KINDS)
        self.industry = rng.choice(INDUSTRIES)
        self.company = (
            self.city["short_name"]
            + rng.choice(COMPANY_WORDS)
            + rng.choice(COMPANY_KINDS)
            + "有限公司"
        )

    def number(self, low: float, high: float, *, whole: bool = False) -> str:
        rng = self.rng
        value = rng.uniform(low, high)
        style = rng.random()
        if style < 0.12 and value >= 1:
            return chinese_numeral(int(value))
        decimal = not whole and (value < 100 or rng.random() < 0.3)
        text = f"{value:.1f}" if decimal else f"{max(1, int(value))}"
        if style > 0.95:
            text = text.translate(FULL_WIDTH)
        return text

    def quantity(self, low: float, high: float, unit: str) -> str:
        rng = self.rng
        if unit == "家" and rng.random() < 0.1:
            return f"{chinese_numeral(int(rng.uniform(low, high)))}家"
        if unit == "亿元" and rng.random() < 0.1:
            first = int(rng.uniform(low, high))
            return f"{first}—{first + rng.randint(2, 20)}亿元"
        number = self.number(low, high, whole=unit in COUNTED)
        if rng.random() < 0.5:
            return rng.choice(APPROX_BEFORE) + number + unit
        return number + unit + rng.choice(APPROX_AFTER)

    def change(self) -> str:
        rng = self.rng
        pct = rng.uniform(0.5, 35)
        if rng.random() < 0.15:
            return f"下降{pct / 4:.1f}%"
        if rng.random() < 0.1:
            whole, tenth = divmod(round(pct * 10), 10)
            return f"增长百分之{chinese_numeral(whole) or '零'}点{CN_DIGITS[tenth]}"
        return f"增长{pct:.1f}%"

    def sentence(self) -> str:
        rng = self.rng
        metric, unit, low, high = rng.choice(AMOUNTS)
        period = rng.choice(PERIODS)
        pick = rng.random()
        if pick < 0.3:
            return f"{period}，{self.park}{metric}达到{self.quantity(low, high, unit)}，同比{self.change()}。"
        if pick < 0.45:
            share = rng.uniform(5, 90)
            return f"其中，{self.industry}产业{metric}{self.quantity(low / 3, high / 3, unit)}，占全区的比重为{share:.1f}%。"
        if pick < 0.55:
            year = rng.randint(2025, 2030)
            return f"力争到{year}年，{self.industry}产业规模突破{self.number(50, 2000)}亿元。"
        if pick < 0.68:
            signed = rng.randint(3, 60)
            return (
                f"{period}，{self.park}新签约{self.industry}项目{signed}个，"
                f"总投资约{self.number(10, 800)}亿元，其中{rng.choice(['外资', '亿元以上', '十亿元以上'])}项目"
                f"{rng.randint(1, signed)}个。"
            )
        if pick < 0.78:
            return (
                f"{self.company}{rng.randint(2005, 2022)}年落户{self.park}，去年营收{self.number(0.5, 90)}亿元，"
                f"研发投入占比{rng.uniform(2, 15):.1f}%，拥有专利{rng.randint(10, 600)}项。"
            )
        if pick < 0.85:
            return f"{period}，园区空气质量优良天数比率为{rng.uniform(60, 95):.1f}%，提高{rng.uniform(0.1, 6):.1f}个百分点。"
        return self.narrative() if rng.random() < 0.7 else rng.choice(FILLERS)

    def narrative(self) -> str:
        """A sentence without figures, of the kinds park news is full of."""
        rng = self.rng
        technology = rng.choice(TECHNOLOGIES)
        forms = (
            f"{self.park}举办{rng.choice(EVENTS)}，聚焦{technology}领域。",
            f"{self.company}与{rng.choice(PARTNERS)}共建{technology}联合实验室。",
            f"园区组织企业赴{rng.choice(PLACES)}开展{self.industry}产业招商推介。",
            f"{self.park}深入推进{rng.choice(POLICIES)}改革，服务企业发展。",
            f"{self.company}{technology}项目启动建设，预计明年投产。",
            f"围绕{technology}，{self.park}加快补链强链延链。",
        )
        return rng.choice(forms)

    def title(self) -> str:
        rng = self.rng
        metric = rng.choice(AMOUNTS[:8])[0]
        choices = [
            f"{self.park}{rng.choice(PERIODS)}{metric}{self.change()}",
            f"{self.park}集中签约{rng.randint(5, 40)}个{self.industry}项目",
            f"{self.industry}产业加速集聚 {self.park}打造千亿级集群",
            f"{self.company}在{self.park}投资建设新基地",
        ]
        return rng.choice(choices)

    def body(self) -> str:
        rng = self.rng
        lines, headings = [], 0
        for section in range(rng.randint(2, 4)):
            if section or rng.random() < 0.4:
                headings += 1
                lines.append(
                    f"## {chinese_numeral(headings)}、{rng.choice(['产业发展', '项目建设', '创新驱动', '开放合作', '绿色发展'])}"
                )
            lines.extend(self.sentence() for _ in range(rng.randint(3, 6)))
        return "\n".join(lines)


def generate_records(count: int, seed: int = 1, *, start: int = 0) -> Iterator[dict]:
    """Yield `count` import records (the `yuanqu import` JSON Lines format), from index `start`."""
    rows = read_division_rows()
    provinces = {row["code"]: row["short_name"] for row in rows if row["level"] == "province"}
    cities = [row for row in rows if row["level"] == "prefecture"]
    for index in range(start, start + count):
        rng = random.Random(f"{seed}:{index}")
        writer = Writer(rng, cities, provinces)
        published = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
        yield {
            "key": f"synthetic-{seed}-{index}",
            "title": writer.title(),
            "body": writer.body(),
            "published_at": published.strftime("%Y-%m-%d %H:%M"),
            "source": rng.choice(
                ["园区网编辑部", writer.park + "管委会", writer.province + "日报"]
            ),
            "regions": [writer.city["code"]],
            "origin": "user" if rng.random() < 0.1 else "editorial",
        }
