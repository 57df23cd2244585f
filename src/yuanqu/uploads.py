"""Bounded request bodies and uploads, checked before anything is read.

- `BodyLimitMiddleware` refuses a request whose declared body is larger than
  `YUANQU_REQUEST_MAX_BYTES` with a 413 page, without reading a byte of it (browsers declare the
  length of every form they send; the shipped nginx configuration has the same limit).
- `LimitedUploadHandler` streams every uploaded file to a temporary file (never into memory) and
  keeps no byte of one past `YUANQU_UPLOAD_MAX_BYTES`, whatever the request said of its length:
  the rest is read off the request and dropped, and the file keeps its true size, so that the
  form's own check (`size` first, before any content is read) tells the reader it is too large.
"""

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.shortcuts import render

from .params import ascii_int


def _declared_length(request) -> int | None:
    return ascii_int(request.META.get("CONTENT_LENGTH") or "", maximum=10**15)


class BodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = _declared_length(request)
        if length is not None and length > settings.YUANQU_REQUEST_MAX_BYTES:
            limit = settings.YUANQU_REQUEST_MAX_BYTES // 2**20
            return render(request, "413.html", {"limit": limit}, status=413)
        return self.get_response(request)


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Every file to a temporary file, chunk by chunk; past the limit, chunks are dropped (the
    parser still counts them, so the file's `size` is the size that was sent)."""

    def new_file(self, *args, **kwargs):
        self.received = 0
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.YUANQU_UPLOAD_MAX_BYTES:
            return None  # read and dropped: nothing past the limit is kept
        return super().receive_data_chunk(raw_data, start)
