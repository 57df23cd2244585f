import json

import pytest

from yuanqu.news.importers import count_records, parse_text_article, read_records


def test_text_article_header_and_body():
    record = parse_text_article("title: 标题\nregions: 320400\n\n## 一、小标题\n段落")
    assert record == {"title": "标题", "regions": "320400", "body": "## 一、小标题\n段落"}


def test_text_article_needs_a_blank_line_and_known_headers():
    with pytest.raises(ValueError, match="空行"):
        parse_text_article("title: 标题\n正文")
    with pytest.raises(ValueError, match="无法识别"):
        parse_text_article("colour: red\n\n正文")


def test_read_records_walks_folders_and_reports_each_bad_item(tmp_path):
    (tmp_path / "a.txt").write_text("title: 甲\n\n正文", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"key": "c1", "title": "乙"}, ensure_ascii=False) + "\n\n{oops\n",
        encoding="utf-8",
    )
    items = list(read_records([tmp_path]))
    assert [where.split("/")[-1] for where, _ in items] == [
        "a.txt",
        "b.pdf",
        "c.jsonl:1",
        "c.jsonl:3",
    ]
    assert items[0][1]["key"] == "a"
    assert "不支持的文件类型" in str(items[1][1])
    assert items[2][1]["title"] == "乙"
    assert "JSON" in str(items[3][1])
    assert count_records([tmp_path]) == 4
