import json
import os
import subprocess
import sys


def run(*args, stdin: str = "") -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE", "YUANQU"))
    }
    return subprocess.run(
        [sys.executable, "-m", "yuanqu", "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
    )


def test_the_library_never_imports_django():
    code = "import sys, yuanqu.facts, yuanqu.facts.cli; print('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_extract_prints_json_facts_without_settings_or_database():
    result = run(
        "--date", "2024-08-29", "-", stdin="今年上半年，园区产值1549.2亿元，同比增长7.4%。"
    )
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert [(f["text"], f["value"], f["period"]) for f in facts] == [
        ("1549.2亿元", 154920000000, "2024-H1"),
        ("增长7.4%", 7.4, "2024-H1"),
    ]
    assert set(facts[0]) == {
        "text",
        "start",
        "end",
        "value",
        "unit",
        "approx",
        "range_to",
        "kind",
        "metric",
        "subject",
        "subject_kind",
        "period",
        "sentence",
    }


def test_table_format_and_clear_errors(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("企业超2100家。", encoding="utf-8")
    table = run("--format", "table", str(path))
    assert table.returncode == 0 and "超2100家" in table.stdout and "over" in table.stdout
    missing = run(str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and "No such file" in missing.stderr
    bad_date = run("--date", "2024-13-01", str(path))
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
