import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from yuanqu.news.models import Article

pytestmark = pytest.mark.django_db
DEMO_DIR = Path(__file__).resolve().parents[1] / "src/yuanqu/news/demo/articles"


def run(*args, **options) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_init_is_idempotent():
    assert "数据库已就绪" in run("init")
    assert "数据库已就绪" in run("init")


def test_load_demo_loads_the_corpus_once_and_then_changes_nothing():
    assert "新增 51 篇" in run("load_demo")
    before = list(Article.objects.order_by("pk").values_list("pk", "updated_at"))
    assert "未变 51 篇" in run("load_demo")
    assert list(Article.objects.order_by("pk").values_list("pk", "updated_at")) == before


def test_load_demo_dry_run_writes_nothing():
    assert "演练模式" in run("load_demo", dry_run=True)
    assert Article.objects.count() == 0


def test_demo_corpus_meets_the_brief():
    run("load_demo")
    published = Article.objects.published()
    assert published.count() >= 40
    provinces = {
        (r.parent or r).code
        for a in published.prefetch_related("regions__parent")
        for r in a.regions.all()
    }
    assert len(provinces) >= 10
    assert published.filter(regions__code__startswith="32").distinct().count() >= 8
    assert published.filter(origin=Article.Origin.USER).count() >= 3


def test_the_changzhou_article_carries_the_reported_figures():
    run("load_demo")
    article = Article.objects.get(import_key="2024-08-29-changzhou-hitech-32")
    text = article.text
    for figure in (
        "1992年",
        "32周年",
        "两特三新一智能",
        "1549.2亿元",
        "545.6亿元",
        "7.4%",
        "近3000家",
        "每分钟",
        "870万元",
        "37.11亿元",
        "3座工厂",
        "单项冠军企业8家",
        "45家",
        "304家",
        "347家",
        "68个国家和地区",
        "超2100家",
        "36家世界500强",
        "52个项目",
        "40个",
        "50%",
        "2027年",
        "300亿元",
        "14个",
        "2575亿元",
        "68.8%",
        "9项",
        "1371家",
        "5家",
        "86.4%",
        "56平方公里",
        "24个",
        "31个",
        "约226亿元",
        "220公顷",
        "80.6%",
        "超10万株",
        "76.3%",
    ):
        assert figure in text, figure
    assert article.source_name == "常州发布"
    assert article.published_at.astimezone().strftime("%Y/%m/%d") == "2024/08/29"


def test_import_command_reports_rejections_and_imports_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "title: 测试\npublished_at: 2024-01-02 09:30\nregions: 常州\n\n正文。", encoding="utf-8"
    )
    bad = tmp_path / "bad.txt"
    bad.write_text("title: 坏\npublished_at: 不知道\n\n正文", encoding="utf-8")
    err = StringIO()
    out = StringIO()
    call_command("import", str(tmp_path), no_progress=True, stdout=out, stderr=err)
    assert "新增 1 篇" in out.getvalue() and "拒绝 1 篇" in out.getvalue()
    assert re.search(r"已拒绝 .*bad\.txt：发布时间格式无效", err.getvalue())
    assert Article.objects.get().title == "测试"


def test_an_interrupted_import_still_says_what_it_did(tmp_path):
    from django.core.management.base import BaseCommand

    from yuanqu.news.management.commands._importing import run_import

    def records():
        yield (
            "a.jsonl:1",
            {"key": "a1", "title": "第一篇", "body": "正文。", "published_at": "2024-01-02 09:30"},
        )
        yield "a.jsonl:2", {"key": "a2", "title": ""}
        raise KeyboardInterrupt  # Ctrl-C on the third

    out, err = StringIO(), StringIO()
    command = BaseCommand(stdout=out, stderr=err)
    with pytest.raises(KeyboardInterrupt):
        run_import(command, records(), total=3, dry_run=False, progress=False)
    assert "新增 1 篇" in out.getvalue() and "拒绝 1 篇" in out.getvalue()
    assert "a.jsonl:2：缺少标题" in err.getvalue()


def test_every_demo_file_is_well_formed():
    for path in DEMO_DIR.glob("*.txt"):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert re.search(r"^published_at: \d{4}-\d\d-\d\d \d\d:\d\d$", header, re.M), path.name
        assert re.search(r"^source: .+$", header, re.M), path.name


def test_bench_extract_says_how_to_install_jieba_where_it_is_missing(monkeypatch):
    monkeypatch.setattr("yuanqu.management.commands.bench.find_spec", lambda name: None)
    with pytest.raises(CommandError, match=r"需要 jieba：请运行 pip install 'yuanqu\[bench\]'"):
        run("bench", "extract")
