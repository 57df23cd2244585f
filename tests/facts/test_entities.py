"""The readers of enterprises, recognitions, platforms and projects, on sentences of the kind
park news is written in."""

from yuanqu.facts import entities as reading


def sentence(text: str) -> reading.Sentence:
    return reading.Sentence(0, len(text), text)


def test_company_names_keep_their_original_characters():
    text = (
        "9月28日，昆山恒远精密制造有限公司二期厂房顺利封顶。順德高新區的佛山順睿電器有限公司投產。"
    )
    assert [name for _, name in reading.company_names(text)] == [
        "昆山恒远精密制造有限公司",
        "佛山順睿電器有限公司",
    ]


def test_recognitions_are_what_a_sentence_says_an_enterprise_is():
    assert reading.recognitions_in("公司成立于2009年，是江苏省专精特新中小企业。") == [
        ("specialised", "省级")
    ]
    assert reading.recognitions_in(
        "该公司先后获评国家级专精特新“小巨人”企业、制造业单项冠军。"
    ) == [
        ("little_giant", "国家级"),
        ("champion", ""),
    ]
    assert reading.recognitions_in("全区现有高新技术企业1371家。") == []  # a count, no claim


def test_platforms_are_named_ones_not_counts_of_a_kind():
    found = reading.platforms_in(sentence("公司依托江苏省先进结构材料重点实验室开展攻关。"))
    assert [(p.what, p.kind, p.level) for p in found] == [
        ("江苏省先进结构材料重点实验室", "laboratory", "省级")
    ]
    for text in (
        "常州高新区建有重点创新平台14个，院士工作站5家。",
        "松山湖高新区已集聚新型研发机构30余家。",
        "新增国家级孵化器2家。",
    ):
        assert reading.platforms_in(sentence(text)) == []


def test_projects_are_read_clause_by_clause_at_the_stage_reached():
    text = "今年以来已累计签约亿元以上项目68个，新开工项目41个，竣工投产项目25个。"
    assert [(stage, name) for _, _, stage, name in reading.project_clauses(sentence(text))] == [
        ("signed", "亿元以上项目"),
        ("started", "项目"),
        ("operating", "项目"),
    ]
    planned = "下半年将紧盯全年目标，推动20个以上重大产业项目开工建设。"
    assert reading.project_clauses(sentence(planned)) == []


def test_an_investment_is_what_the_projects_cost_not_what_qualifies_them():
    text = "12个项目现场签约，总投资约186亿元。其中投资超50亿元的项目2个，过10亿元项目23个。"
    spans = {
        part: (text.index(part), text.index(part) + len(part))
        for part in ("约186亿元", "超50亿元", "10亿元")
    }
    assert reading.is_investment(text, *spans["约186亿元"])
    assert not reading.is_investment(text, *spans["超50亿元"])
    assert not reading.is_investment(text, *spans["10亿元"])
