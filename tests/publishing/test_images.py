"""What is stored of a picture is its pixels: no EXIF, no comment, no trailing data."""

import io

from PIL import Image

from yuanqu.publishing.images import clean_image


def jpeg_with_secrets() -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    Image.new("RGB", (64, 48), (10, 120, 200)).save(
        out, format="JPEG", comment=b"GPS 31.78N 119.95E", exif=exif.tobytes()
    )
    return out.getvalue() + b"trailing data"


def test_a_jpeg_comment_exif_and_trailing_data_are_not_kept():
    data = jpeg_with_secrets()
    assert b"GPS 31.78N" in data and b"CameraMaker" in data  # the premise
    stored, facts = clean_image(data)
    kept = stored.read()
    assert b"GPS" not in kept and b"CameraMaker" not in kept and b"trailing" not in kept
    with Image.open(io.BytesIO(kept)) as picture:
        assert "comment" not in picture.info and not picture.getexif()
    assert (facts["width"], facts["height"], facts["content_type"]) == (64, 48, "image/jpeg")


def test_a_file_upload_is_read_in_chunks_from_its_file(tmp_path):
    path = tmp_path / "p.jpg"
    path.write_bytes(jpeg_with_secrets())
    with path.open("rb") as upload:
        stored, facts = clean_image(upload, path.stat().st_size)
    assert facts["sha256"] and stored.size > 0
