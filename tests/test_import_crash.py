"""kill -9 in the middle of a real `yuanqu import`, then the same import again: every article of
the file is stored once, read into the knowledge base and found by search."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

YUANQU = [sys.executable, "-m", "yuanqu"]


def test_kill_9_during_an_import_then_a_rerun_leaves_every_article_findable(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "YUANQU_DATA_DIR": str(tmp_path / "data")
    }
    subprocess.run([*YUANQU, "init"], env=env, check=True, capture_output=True)
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for n in range(1, 201):
            record = {
                "key": f"crash-{n}",
                "title": f"常州高新区第{n}批项目集中签约",
                "body": f"常州高新区第{n}批项目集中签约，总投资{n}亿元，新增高新技术企业{n}家。",
                "published_at": "2025-03-01 09:00",
                "regions": ["320400"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    database = tmp_path / "data" / "yuanqu.sqlite3"

    def stored() -> int:
        with sqlite3.connect(database, timeout=20) as db:
            return db.execute("SELECT count(*) FROM news_article").fetchone()[0]

    running = subprocess.Popen(
        [*YUANQU, "import", "--no-progress", str(feed)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while stored() < 40 and running.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    running.send_signal(signal.SIGKILL)
    running.wait()
    assert 0 < stored() < 200  # killed in the middle

    again = subprocess.run(
        [*YUANQU, "import", "--no-progress", str(feed)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "拒绝 0 篇" in again.stdout
    with sqlite3.connect(database) as db:
        articles = db.execute("SELECT count(*) FROM news_article").fetchone()[0]
        indexed = db.execute(
            "SELECT count(*) FROM search_searchdocument WHERE kind = 'article'"
        ).fetchone()[0]
        read = db.execute("SELECT count(*) FROM parks_articlereading").fetchone()[0]
    assert articles == indexed == read == 200
    found = subprocess.run(
        [
            *YUANQU,
            "shell",
            "-c",
            "from yuanqu.search.selectors import search; print(search('第37批项目').total)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip().splitlines()[-1] == "1"
