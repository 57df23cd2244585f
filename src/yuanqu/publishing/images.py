"""Uploaded pictures: checked by their content, not their name, then re-encoded without EXIF.

A picture is refused when it is not a JPEG, PNG, WebP or GIF by its bytes, when the file is too
large, or when it has too many pixels (a small file that decompresses into a huge image, a
"decompression bomb", is caught by its header before any pixel is read). What is stored is a
new file written from the pixels alone: no EXIF (location, camera), no comments, no trailing
data, at most MAX_SIDE pixels on its longer side. An upload is read from its (temporary) file in
chunks and its size checked first: a large one is never held in memory.
"""

import hashlib
import io
import warnings
from typing import BinaryIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
MAX_SIDE = 1600


class ImageRejected(ValueError):
    """The upload is not an image we accept; the message says why, in the reader's language."""


def _open(upload: BinaryIO) -> PILImage.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(upload)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ImageRejected(_("The picture has too many pixels.")) from None
        except (UnidentifiedImageError, OSError):
            raise ImageRejected(_("The file is not a picture we can read.")) from None
    if image.format not in FORMATS:
        raise ImageRejected(_("Only JPEG, PNG, WebP and GIF pictures are accepted."))
    width, height = image.size
    if width * height > settings.YUANQU_UPLOAD_MAX_PIXELS:
        raise ImageRejected(
            _("The picture has too many pixels (%(w)d×%(h)d).") % {"w": width, "h": height}
        )
    return image


def _digest(upload: BinaryIO) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: upload.read(2**16), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def clean_image(upload: BinaryIO | bytes, size: int | None = None) -> tuple[ContentFile, dict]:
    """The re-encoded file and its facts (width, height, content type, sha256 of the upload).
    The upload is a file (read in chunks, never whole) or bytes; its size is checked first."""
    if isinstance(upload, bytes):
        upload, size = io.BytesIO(upload), len(upload)
    if size is None:
        size = upload.seek(0, io.SEEK_END)
        upload.seek(0)
    if size > settings.YUANQU_UPLOAD_MAX_BYTES:
        raise ImageRejected(
            _("The picture is larger than %(mb)d MB.")
            % {"mb": settings.YUANQU_UPLOAD_MAX_BYTES // 2**20}
        )
    digest = _digest(upload)
    image = _open(upload)
    try:
        image.seek(0)  # an animation keeps its first frame
        image.load()
        image = ImageOps.exif_transpose(image)  # keep the orientation the EXIF asked for
    except (OSError, ValueError, SyntaxError):
        raise ImageRejected(_("The picture is damaged.")) from None
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    has_alpha = image.mode in ("RGBA", "LA", "P") and (
        image.mode != "P" or "transparency" in image.info
    )
    out = io.BytesIO()
    clean = image.convert("RGBA" if has_alpha else "RGB")
    clean.info = {}  # convert() copies the metadata (a JPEG comment, ICC, XMP): none is written
    if has_alpha:
        clean.save(out, format="PNG", optimize=True)
        content_type, extension = "image/png", "png"
    else:
        clean.save(out, format="JPEG", quality=85, optimize=True)
        content_type, extension = "image/jpeg", "jpg"
    facts = {
        "width": image.width,
        "height": image.height,
        "content_type": content_type,
        "sha256": digest,
    }
    return ContentFile(out.getvalue(), name=f"{digest[:16]}.{extension}"), facts
