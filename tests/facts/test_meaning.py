"""What a figure means — whose it is, for which period, what it measures — on sentences written
for this project in the way park news is written (each test a class of error met on real
articles; the probes in shared/probes/ are other examples of the same classes)."""

import pytest

from yuanqu.facts import extract

PUBLISHED = "2024-11-06"


def read(text: str, published: str = PUBLISHED) -> dict[str, object]:
    return {fact.text: fact for fact in extract(text, published=published)}


def meaning(text: str, published: str = PUBLISHED) -> dict[str, tuple]:
    return {t: (f.period, f.subject, f.kind) for t, f in read(text, published).items()}


# Periods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        ("1月至9月,临江园区规上工业增加值同比增长5.8%。", "增长5.8%", "2024-01..2024-09"),
        ("2023年3月至11月,临江园区完成投资62亿元。", "62亿元", "2023-03..2023-11"),
        ("截至9月底,临江园区实际使用外资3.2亿美元。", "3.2亿美元", "2024-01..2024-09"),
        ("截至10月20日,临江港完成集装箱吞吐量86万标箱。", "86万标箱", "2024-01..2024-10"),
        ("今年前8个月,临江园区实现进出口总额210亿元。", "210亿元", "2024-01..2024-08"),
        ("年初以来,临江园区新开工项目38个。", "38个", "2024-01..2024-11"),
        ("前三季度,临江园区实现营业收入1260亿元。", "1260亿元", "2024-01..2024-09"),
        ("1—2月,全省开发区营业收入同比增长9.5%。", "增长9.5%", "2024-01..2024-02"),
    ],
)
def test_period_phrases(text, figure, period):
    assert read(text)[figure].period == period


def test_a_line_that_is_only_a_period_governs_what_follows_through_subheadings():
    text = (
        "临江高新区经济运行综述\n今年上半年——\n工业稳中有进\n"
        "全区规上工业总产值达到680亿元,同比增长7.2%。\n外贸逆势增长\n进出口总额135亿元。\n"
        "7月份\n当月新签约项目12个。"
    )
    found = read(text)
    for figure in ("680亿元", "增长7.2%", "135亿元"):
        assert found[figure].period == "2024-H1", figure
    assert found["12个"].period == "2024-07"


def test_comparison_bases_founding_and_since_years_are_never_the_period():
    found = read(
        "1—5月,临江园区营业收入增长8%,保持上年度良好势头。数据显示,园区工业总产值增长6%。\n"
        "临江园区是2006年经省政府批准设立的,规划面积为25平方公里。\n"
        "自2015年以来,园区累计引进项目320个。"
    )
    assert found["增长6%"].period == "2024-01..2024-05"
    assert found["25平方公里"].period is None
    assert found["320个"].period is None


def test_stocks_have_no_period_whatever_period_is_in_force():
    found = read(
        "2023年,临江园区实现产值90亿元,已设立外资企业64家,每日可创造2,500万元的产值,"
        "现有高新技术企业210家。"
    )
    assert found["90亿元"].period == "2023"
    for stock in ("64家", "2,500万元", "210家"):
        assert found[stock].period is None, stock


def test_estimates_and_plans_scope_over_their_own_clause_only():
    found = read("1~9月,预计临江园区固定资产投资完成320亿元,工业投资完成105亿元。")
    assert (found["320亿元"].kind, found["320亿元"].period) == ("target", "2024-01..2024-09")
    assert (found["105亿元"].kind, found["105亿元"].period) == ("amount", "2024-01..2024-09")


def test_jiang_as_ba_is_not_a_future():
    found = read("近年来,临江园区将沿江2公里范围内化工企业全部关停,新增绿地达60公顷。")
    assert found["60公顷"].kind == "amount"


def test_a_target_takes_the_year_of_the_sentence_that_announces_it():
    found = read("会议对2025年工作作出部署。主要预期目标是:地区生产总值实现160亿元,增长8%。")
    assert (found["160亿元"].kind, found["160亿元"].period) == ("target", "2025")
    assert (found["增长8%"].kind, found["增长8%"].period) == ("target", "2025")


# Subjects -----------------------------------------------------------------------------------


def test_subjects_never_hold_punctuation_or_clause_fragments():
    found = read(
        "临江高新区三季度运行平稳\n上半年,临江高新区完成规上工业总产值820亿元。"
        "截至9月底,临江高新区新增市场主体4200户。"
    )
    for fact in found.values():
        assert fact.subject == "临江高新区", fact
        assert not set(fact.subject) & set(",，。:：;；底")


def test_descriptive_phrases_are_not_park_names():
    found = read(
        "临江经开区召开会议,研究规范提升开发区工作。临江经开区综合实力位居全省五大新区首位,"
        "营业收入突破900亿元。"
    )
    assert found["突破900亿元"].subject == "临江经开区"


def test_quan_qu_is_the_articles_park_and_quan_shi_the_city():
    found = read(
        "常州高新区前三季度经济运行稳中有进\n前三季度,全区实现营业收入3150亿元。"
        "全市开发区合计实现营业收入9800亿元,全市规上工业总产值增长6.5%。"
    )
    assert found["3150亿元"].subject == "常州高新区"
    assert found["9800亿元"].subject == "全市开发区"
    assert (found["增长6.5%"].subject, found["增长6.5%"].subject_kind) == ("常州市", "region")


def test_a_company_figure_is_the_companys_not_the_parks():
    found = read(
        "武进高新区打造新能源产业高地\n武进高新区今年新增高新技术企业86家。"
        "区内企业常州恒创储能科技有限公司2015年营业收入500万元,去年已突破8亿元。"
    )
    assert found["86家"].subject == "武进高新区"
    assert found["500万元"].subject == "常州恒创储能科技有限公司"
    assert found["500万元"].subject_kind == "enterprise"


def test_a_sub_area_figure_is_the_sub_areas():
    found = read("常州高新区加快建设\n园区内的高铁新城规划面积56平方公里,已入驻企业130家。")
    assert found["56平方公里"].subject == "高铁新城"


def test_a_threshold_describes_its_set_and_the_count_is_the_parks():
    found = read("徐州经开区拥有营收超100亿元的龙头企业3家。")
    assert found["超100亿元"].subject == "龙头企业"
    assert found["3家"].subject == "徐州经开区"


def test_a_rankings_population_is_the_set_and_the_rank_has_no_unit():
    found = read("临江园区在全省60个园区中综合排名27位,较上年度提升12个位次。")
    assert (found["60个"].subject, found["60个"].subject_kind) == ("全省园区", "group")
    rank = next(f for t, f in found.items() if t.startswith("27"))
    assert (rank.kind, rank.unit, rank.subject) == ("rank", None, "临江园区")
    change = next(f for t, f in found.items() if "12" in t)
    assert (change.kind, change.unit, change.value) == ("change", "位", 12)


def test_a_lists_joint_figure_belongs_to_the_list_and_respectively_to_each():
    found = read(
        "苏州工业园区、昆山开发区和吴江经开区合计实现营业收入1.2万亿元。"
        "苏州工业园区、昆山开发区分别实现营业收入7200亿元、3100亿元。"
    )
    assert found["1.2万亿元"].subject_kind == "group"
    assert "吴江经开区" in found["1.2万亿元"].subject
    assert found["7200亿元"].subject == "苏州工业园区"
    assert found["3100亿元"].subject == "昆山开发区"


# Metrics and kinds --------------------------------------------------------------------------


def test_the_noun_after_a_count_and_a_shares_part():
    found = read("临江园区集聚超1800家外资企业,高新技术产业产值占规上工业总产值比重达62.5%。")
    assert found["超1800家"].metric == "外资企业"
    assert "高新技术产业产值" in found["62.5%"].metric


def test_a_park_industry_segment_stays_the_parks_with_the_industry_in_the_metric():
    found = read("上半年,临江高新区规上工业总产值1200亿元,其中新能源汽车产业产值545.6亿元。")
    segment = found["545.6亿元"]
    assert segment.subject == "临江高新区" and "新能源汽车" in segment.metric


def test_wording_is_no_fact():
    found = read(
        "临江园区成为全省唯一一个试点,这一成绩来之不易。考核设五大类,集七个省级平台于一体。"
        "工业增加值达260亿。"
    )
    assert set(found) == {"260亿"}
    assert found["260亿"].unit == "元"
