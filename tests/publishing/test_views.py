"""Publishers write and submit; hostile input is refused with a clear message and loses nothing."""

import io
import struct
import zlib

import pytest
from django.test import Client
from PIL import Image as PILImage

from tests.factories import user_with_role
from yuanqu.news.models import Article, Image

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = Client()
    client.force_login(user_with_role("publisher"))
    return client


def png(width=40, height=30, exif=False) -> bytes:
    image = PILImage.new("RGB", (width, height), (11, 92, 173))
    out = io.BytesIO()
    if exif:
        data = PILImage.Exif()
        data[0x010F] = "CameraMaker"  # Make
        image.save(out, format="JPEG", exif=data.tobytes())
    else:
        image.save(out, format="PNG")
    return out.getvalue()


def bomb_png(width=60_000, height=60_000) -> bytes:
    """A tiny PNG whose header claims 3.6 billion pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


FORM = {
    "title": "常州高新区新能源项目开工",
    "body": "今年上半年，园区规上工业总产值增长7.4%。",
    "action": "submit",
}


def test_a_submission_waits_for_review_and_keeps_its_first_revision(publisher):
    response = publisher.post(
        "/submit/", {**FORM, "image1": upload("site.jpg", png(exif=True)), "caption1": "开工现场"}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/"
    article = Article.objects.get()
    assert article.status == "pending" and article.origin == "user"
    revision = article.revisions.get()
    assert revision.ip == "127.0.0.1" and revision.raw_body == FORM["body"]
    image = Image.objects.get()
    assert image.content_type == "image/jpeg"
    with PILImage.open(image.file.path) as stored:
        assert not stored.getexif()  # the camera's EXIF is gone
    assert article.body[-1] == {"type": "image", "upload": image.pk, "caption": "开工现场"}
    publisher.post(f"/submit/{article.pk}/", {**FORM, "title": "改过的标题", "action": "save"})
    assert [r.title for r in article.revisions.all()] == [FORM["title"], "改过的标题"]
    media = Client().get(image.get_absolute_url())
    assert media["Content-Type"] == "image/jpeg" and media["X-Content-Type-Options"] == "nosniff"
    assert Client().get(article.get_absolute_url()).status_code == 404  # not published yet


def test_pasted_html_keeps_its_text_and_loses_every_script(publisher):
    hostile = (
        '<h2>标题<script>alert(1)</script></h2><p onclick="x()">正文<img src=x onerror=alert(2)>'
        '<a href="javascript:alert(3)">链接</a></p><style>p{}</style>'
    )
    publisher.post("/submit/", {**FORM, "body": hostile, "action": "save"})
    article = Article.objects.get()
    assert article.body == [
        {"type": "heading", "text": "标题"},
        {"type": "paragraph", "text": "正文链接"},
    ]
    page = publisher.get(f"/submit/{article.pk}/preview/").content.decode()
    for bad in ("<script>alert", "onerror", "javascript:", "onclick"):
        assert bad not in page


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("fake.jpg", b"<html><script>alert(1)</script></html>", "不是可以识别的图片"),
        ("bomb.png", bomb_png(), "像素过多"),
        ("big.png", b"\x89PNG" + b"0" * (11 * 2**20), "超过 10 MB"),
    ],
)
def test_bad_pictures_are_refused_and_what_was_typed_is_kept(publisher, name, data, message):
    response = publisher.post(
        "/submit/", {**FORM, "image1": upload(name, data), "caption1": "说明"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert f'value="{FORM["title"]}"' in page and FORM["body"] in page and 'value="说明"' in page
    assert not Article.objects.exists() and not Image.objects.exists()


def test_nobody_reaches_another_users_draft(publisher):
    publisher.post("/submit/", {**FORM, "action": "save"})
    article = Article.objects.get()
    other = Client()
    other.force_login(user_with_role("other"))
    assert other.get(f"/submit/{article.pk}/").status_code == 404
    assert other.get(f"/submit/{article.pk}/preview/").status_code == 404
    assert other.post(f"/submit/{article.pk}/withdraw/").status_code == 404
    assert other.post(f"/submit/{article.pk}/", {**FORM, "title": "篡改"}).status_code == 404
    article.refresh_from_db()
    assert article.title == FORM["title"] and article.status == "draft"
    reader = Client()
    reader.force_login(user_with_role("reader", role=None))
    assert reader.get("/submit/").status_code == 403


def test_a_post_without_its_csrf_token_is_refused(publisher):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user_with_role("strict"))
    assert strict.post("/submit/", FORM).status_code == 403
    assert not Article.objects.exists()


def test_rapid_saves_are_slowed_down_without_losing_the_text(publisher, settings):
    settings.YUANQU_RATES = {**settings.YUANQU_RATES, "submit": "2/h"}
    for _ in range(2):
        assert publisher.post("/submit/", {**FORM, "action": "save"}).status_code == 302
    response = publisher.post("/submit/", {**FORM, "action": "save"})
    page = response.content.decode()
    assert response.status_code == 200 and "保存过于频繁" in page and FORM["body"] in page
    assert Article.objects.count() == 2
