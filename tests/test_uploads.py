"""Request bodies and uploads are bounded before they are read: a 300 MB upload is refused
without reading it, and no file keeps a byte past 10 MB, whatever the request claims."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client
from django.test.client import encode_multipart

from tests.factories import png_bytes, user_with_role
from tests.html import text_of
from yuanqu.uploads import LimitedUploadHandler

pytestmark = pytest.mark.django_db


class CountingInput(io.RawIOBase):
    """A request body of `size` bytes that is never held anywhere: it counts what is read."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.size - self.read_bytes)
        buffer[:n] = b"x" * n
        self.read_bytes += n
        return n


def wsgi_post(path: str, body: CountingInput, content_type: str) -> tuple[str, list]:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": body,
        "CONTENT_LENGTH": str(body.size),
        "CONTENT_TYPE": content_type,
        "wsgi.errors": io.StringIO(),
        "HTTP_HOST": "127.0.0.1",
    }
    started = {}
    chunks = WSGIHandler()(environ, lambda status, headers: started.update(status=status))
    return started["status"], b"".join(chunks)


def test_a_300_mb_upload_is_refused_before_a_byte_of_it_is_read():
    body = CountingInput(300 * 2**20)
    status, page = wsgi_post("/notice/", body, "multipart/form-data; boundary=x")
    assert status.startswith("413") and body.read_bytes == 0
    assert "32 MB" in page.decode() and "园区网" in page.decode()  # in the layout, in Chinese


def test_no_file_keeps_a_byte_past_the_limit(settings):
    """A 15 MB picture in a request small enough to be read: the handler keeps 10 MB of it on
    disk (none in memory), and the picture keeps its true size, so its check refuses it."""
    settings.YUANQU_UPLOAD_MAX_BYTES = 2**20  # scaled down: 1 MB kept of a 1.5 MB file
    publisher = Client()
    publisher.force_login(user_with_role("publisher"))
    big = io.BytesIO(png_bytes() + b"\0" * (3 * 2**19))
    big.name = "big.png"
    response = publisher.post("/submit/", {"title": "园区动态", "body": "正文。", "image1": big})
    assert "图片超过 1 MB" in text_of(response)

    handler = LimitedUploadHandler()
    handler.new_file("image1", "big.png", "image/png", 3 * 2**19)
    for start in range(0, 3 * 2**19, 2**16):
        handler.receive_data_chunk(b"\0" * 2**16, start)
    kept = handler.file_complete(3 * 2**19)
    assert kept.size == 3 * 2**19  # what was sent …
    assert len(kept.read()) == 2**20  # … and what was kept


def test_a_request_within_the_limit_goes_through():
    publisher = Client()
    publisher.force_login(user_with_role("publisher"))
    picture = io.BytesIO(png_bytes((40, 30)))
    picture.name = "p.png"
    body = encode_multipart("B", {"title": "园区动态", "body": "正文。", "image1": picture})
    assert len(body) < 2**20
    picture.seek(0)
    response = publisher.post(
        "/submit/", {"title": "园区动态", "body": "正文。", "image1": picture}
    )
    assert response.status_code == 302
