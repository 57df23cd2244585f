"""The shipped nginx configuration holds the portal's own limits, and nginx accepts it."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CONF = Path(__file__).resolve().parents[1] / "deploy" / "nginx" / "yuanqu.conf"


def test_nginx_refuses_what_the_portal_refuses():
    size = re.search(r"client_max_body_size (\d+)m;", CONF.read_text())[1]
    assert int(size) * 2**20 == settings.YUANQU_REQUEST_MAX_BYTES


@pytest.mark.skipif(not shutil.which("nginx") or not shutil.which("openssl"), reason="no nginx")
def test_nginx_accepts_the_configuration(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=yuanqu.test",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    site = CONF.read_text().replace("/etc/ssl/yuanqu/fullchain.pem", str(cert))
    site = site.replace("/etc/ssl/yuanqu/privkey.pem", str(key))
    (tmp_path / "site.conf").write_text(site)
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}; include {tmp_path}/site.conf; }}\n"
    )
    checked = subprocess.run(
        ["nginx", "-t", "-q", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
