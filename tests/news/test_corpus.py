import json

import pytest
from django.core.management import call_command

from yuanqu.news.corpus import chinese_numeral, generate_records
from yuanqu.news.models import Article
from yuanqu.news.services import articles_import


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (101, "一百零一"),
        (1010, "一千零一十"),
        (3000, "三千"),
        (10001, "一万零一"),
        (15_000_000, "一千五百万"),
    ],
)
def test_chinese_numerals(number, text):
    assert chinese_numeral(number) == text


def test_same_seed_same_corpus_and_articles_regenerate_alone():
    first = list(generate_records(50, seed=9))
    assert first == list(generate_records(50, seed=9))
    assert first[30:] == list(generate_records(20, seed=9, start=30))
    assert first != list(generate_records(50, seed=10))


def test_corpus_is_varied():
    records = list(generate_records(300, seed=1))
    text = "".join(r["body"] for r in records)
    assert len({r["regions"][0] for r in records}) > 150
    for style in ("亿元", "%", "百分之", "约", "左右", "家", "个百分点", "—", "力争到"):
        assert style in text, style
    assert any(ch in text for ch in "０１２３４５６７８９")


@pytest.mark.django_db
def test_every_generated_record_imports_cleanly():
    report = articles_import((r["key"], r) for r in generate_records(60, seed=4))
    assert report.rejected == []
    assert report.created == 60


@pytest.mark.django_db
def test_command_writes_jsonl_and_fills_the_database_idempotently(tmp_path):
    out = tmp_path / "c.jsonl"
    call_command("generate_corpus", articles=25, seed=2, output=str(out), no_progress=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 25 and json.loads(lines[0])["key"] == "synthetic-2-0"
    call_command("generate_corpus", articles=25, seed=2, into_db=True, no_progress=True)
    call_command("generate_corpus", articles=30, seed=2, into_db=True, no_progress=True)
    assert Article.objects.count() == 30
    assert Article.objects.published().filter(regions__isnull=False).distinct().count() == 30
