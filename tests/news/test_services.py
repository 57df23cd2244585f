import json

import pytest

from yuanqu.news.models import Article
from yuanqu.news.services import ImportReport, articles_bulk_insert, articles_import

pytestmark = pytest.mark.django_db


def record(**overrides):
    base = {
        "key": "t-1",
        "title": "常州高新区上半年产值1549.2亿元",
        "body": "## 一、总体\n今年上半年，主导产业产值1549.2亿元。\n第二段。",
        "published_at": "2024-08-29 15:53",
        "source": "常州发布",
        "regions": ["320400"],
    }
    return base | overrides


def run(*records) -> ImportReport:
    return articles_import((f"item{n}", r) for n, r in enumerate(records, start=1))


def test_import_creates_a_structured_article_in_beijing_time():
    report = run(record())
    assert (report.created, report.rejected) == (1, [])
    article = Article.objects.get(import_key="t-1")
    assert article.body[0] == {"type": "heading", "text": "一、总体"}
    assert [b["type"] for b in article.body] == ["heading", "paragraph", "paragraph"]
    assert article.summary == "今年上半年，主导产业产值1549.2亿元。"
    assert article.published_at.isoformat() == "2024-08-29T07:53:00+00:00"
    assert list(article.regions.values_list("code", flat=True)) == ["320400"]
    assert article.status == Article.Status.PUBLISHED


def test_reimport_is_unchanged_then_updates_in_place():
    run(record())
    assert run(record()).unchanged == 1
    report = run(record(title="新标题", regions="江苏,常州"))
    assert report.updated == 1
    article = Article.objects.get(import_key="t-1")
    assert article.title == "新标题"
    assert set(article.regions.values_list("code", flat=True)) == {"320000", "320400"}
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"title": ""}, "缺少标题"),
        ({"title": "长" * 201}, "超过 200 个字符"),
        ({"body": ""}, "缺少正文"),
        ({"body": [{"type": "script", "text": "x"}]}, "类型未知"),
        ({"body": [{"type": "image", "src": "../../etc/passwd.png"}]}, "图片路径无效"),
        ({"published_at": "昨天"}, "发布时间格式无效"),
        ({"published_at": ""}, "必须有发布时间"),
        ({"regions": ["火星"]}, "未知地区：火星"),
        ({"original_url": "javascript:alert(1)"}, "原文链接无效"),
        ({"origin": "robot"}, "来源类型无效"),
        ({"title": 5}, "必须是文本"),
        ({"published_at": "0001-01-01 00:00"}, "超出范围"),
        ({"published_at": "9999-12-31 23:59"}, "超出范围"),
        ({"title": "园区\ud800新闻"}, "无法保存的字符"),
        ({"title": "园区\x00新闻"}, "无法保存的字符"),
        ({"body": [{"type": "paragraph", "text": "正文\x00"}]}, "无法保存的字符"),
        ({"regions": 5}, "地区代码或名称"),
        ({"summary": 5}, "必须是文本"),
        ({"body": 5}, "正文必须是文本"),
        ({"body": [{"type": "paragraph", "text": 5}]}, "不是文本"),
        ({"published_at": 20240829}, "必须是文本"),
    ],
)
def test_each_bad_record_is_rejected_with_its_reason_and_the_rest_imported(bad, reason):
    report = run(record(key="bad", **bad), record(key="good"))
    assert report.created == 1
    assert len(report.rejected) == 1
    where, message = report.rejected[0]
    assert where == "item1"
    assert reason in message
    assert list(Article.objects.values_list("import_key", flat=True)) == ["good"]


def test_reading_errors_are_reported_not_raised():
    report = articles_import(
        [("a.jsonl:3", ValueError("JSON 格式错误")), ("x", ["not", "a", "dict"])]
    )
    assert [where for where, _ in report.rejected] == ["a.jsonl:3", "x"]


def test_bulk_insert_skips_keys_already_present_and_links_regions():
    records = [(f"k{n}", record(key=f"k{n}", regions=["320400", "320000"])) for n in range(5)]
    report = articles_bulk_insert(records[:3], batch_size=2)
    assert report.created == 3
    report = articles_bulk_insert(records, batch_size=2)
    assert (report.created, report.unchanged) == (2, 3)
    assert Article.objects.count() == 5
    assert Article.regions.through.objects.count() == 10


def test_a_bad_byte_costs_its_own_line_only(tmp_path):
    from yuanqu.news.importers import read_records

    lines = [
        json.dumps(record(key=f"line{n}", title=f"第{n}篇园区新闻"), ensure_ascii=False).encode()
        for n in range(1, 101)
    ]
    lines[49] = lines[49].replace("第50篇".encode(), b"\xff\xfe")  # an invalid byte on line 50
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = articles_import(read_records([path]))
    assert report.created == 99
    [(where, reason)] = report.rejected
    assert where.endswith("feed.jsonl:50") and "UTF-8" in reason
