"""The real path a newcomer takes: init, load-demo and serve in a fresh data directory."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

YUANQU = [sys.executable, "-m", "yuanqu"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    # The embedded default, whatever database the rest of the suite runs on.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "YUANQU_DATA_DIR": str(data)
    }

    def run(*args):
        return subprocess.run([*YUANQU, *args], env=env, capture_output=True, text=True, check=True)

    outputs = [
        run("init").stdout,
        run("load-demo").stdout,
        run("init").stdout,
        run("load-demo").stdout,
    ]
    port = free_port()
    server = subprocess.Popen(
        [*YUANQU, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            fetch(base + "/about/")
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(server.stdout.read())
            time.sleep(0.3)
    yield base, outputs, Path(data)
    server.terminate()
    server.wait(timeout=20)


def test_reruns_of_init_and_load_demo_change_nothing(served):
    _, outputs, data = served
    assert "新增 51 篇" in outputs[1]
    assert "数据库已就绪" in outputs[2]
    assert "新增 0 篇，更新 0 篇，未变 51 篇" in outputs[3]
    assert (data / "yuanqu.sqlite3").exists() and (data / "secret_key").exists()


def test_server_serves_channels_articles_and_its_own_static_files(served):
    base, _, _ = served
    status, _, home = fetch(base + "/")
    assert status == 200 and "切换地区" in home
    status, _, jiangsu = fetch(base + "/js/")
    assert status == 200 and "三十二载再出发" in jiangsu
    css = re.search(r'href="(/static/yuanqu/site\.[0-9a-f]+\.css)"', home)
    assert css, "static files are served with hashed names"
    status, content_type, body = fetch(base + css[1])
    assert status == 200 and content_type.startswith("text/css") and ".switcher" in body
    article = re.search(r'href="(/news/\d+/)"', jiangsu)[1]
    status, _, page = fetch(base + article)
    assert status == 200 and "来源：" in page and ">举报</a>" in page


def test_server_answers_unknown_pages_with_the_chinese_404(served):
    base, _, _ = served
    status, _, page = fetch(base + "/js/?page=999")
    assert status == 404 and "页面不存在" in page
