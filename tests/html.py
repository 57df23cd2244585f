"""Reading rendered pages as a reader does: the text, without markup."""

import html
import re

from django.http import HttpResponse


def text_of(page: str | bytes | HttpResponse) -> str:
    """The visible text of a page or fragment: no tags, scripts or styles, entities decoded,
    whitespace collapsed (one space)."""
    if isinstance(page, HttpResponse):
        page = page.content
    if isinstance(page, bytes):
        page = page.decode()
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", "", page)
    return re.sub(r"\s+", " ", html.unescape(page)).strip()
