"""The structured article body: a list of blocks, stored as JSON and rendered without raw HTML.

A block is one of
    {"type": "heading", "text": "..."}
    {"type": "paragraph", "text": "..."}
    {"type": "image", "src": "yuanqu/demo/x.svg", "caption": "..."}   (src: a static path)
    {"type": "image", "upload": 12, "caption": "..."}                 (an uploaded Image)
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

BLOCK_TYPES = {"heading", "paragraph", "image"}
IMAGE_LINE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<src>[^)\s]+)\)$")
STATIC_SRC = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*\.(svg|png|jpe?g|webp)$")


def validate_blocks(blocks) -> None:
    if not isinstance(blocks, list):
        raise ValidationError(_("The body must be a list of blocks."))
    for number, block in enumerate(blocks, start=1):
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            raise ValidationError(_("Block %(n)d has an unknown type.") % {"n": number})
        if block["type"] == "image":
            if "upload" in block:
                if not isinstance(block["upload"], int) or block["upload"] <= 0:
                    raise ValidationError(_("Block %(n)d has an invalid image.") % {"n": number})
            elif not STATIC_SRC.match(str(block.get("src", ""))) or ".." in block["src"]:
                raise ValidationError(_("Block %(n)d has an invalid image path.") % {"n": number})
        elif not isinstance(block.get("text", ""), str):
            raise ValidationError(_("Block %(n)d has text that is not text.") % {"n": number})
        elif not block.get("text", "").strip():
            raise ValidationError(_("Block %(n)d is empty.") % {"n": number})


def text_to_blocks(text: str) -> list[dict]:
    """Plain text to blocks: `## ` starts a heading, `![caption](path)` an image, other lines paragraphs."""
    blocks = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            blocks.append({"type": "heading", "text": line[3:].strip()})
        elif match := IMAGE_LINE.match(line):
            blocks.append({"type": "image", "src": match["src"], "caption": match["caption"]})
        else:
            blocks.append({"type": "paragraph", "text": line})
    return blocks


def blocks_to_text(blocks: list[dict]) -> str:
    lines = []
    for block in blocks:
        line = block.get("caption", "") if block.get("type") == "image" else block.get("text", "")
        if line:
            lines.append(line)
    return "\n".join(lines)


SENTENCE_END = "。！？!?；"


def highlighted(title: str, blocks: list[dict], start: int, end: int) -> list[dict]:
    """The blocks, with the sentence holding [start, end) of `title + "\n" + text` split out.

    Facts keep their place as a character span of that text (their provenance); a link to a
    fact shows its sentence marked and its figure in bold. The hit block gets `highlight`: its
    text cut into before, lead, figure, tail and after. An impossible span changes nothing.
    """
    offset = len(title) + 1
    shown = []
    for block in blocks:
        line = block.get("caption", "") if block.get("type") == "image" else block.get("text", "")
        if line and block.get("type") != "image" and offset <= start < end <= offset + len(line):
            local_start, local_end = start - offset, end - offset
            begin = max(line.rfind(mark, 0, local_start) for mark in SENTENCE_END) + 1
            stops = [line.find(mark, local_end) for mark in SENTENCE_END]
            finish = min((stop + 1 for stop in stops if stop >= 0), default=len(line))
            block = {
                **block,
                "highlight": {
                    "before": line[:begin],
                    "lead": line[begin:local_start],
                    "figure": line[local_start:local_end],
                    "tail": line[local_end:finish],
                    "after": line[finish:],
                },
            }
        if line:
            offset += len(line) + 1
        shown.append(block)
    return shown


def first_paragraph(blocks: list[dict]) -> str:
    return next((b["text"] for b in blocks if b.get("type") == "paragraph"), "")
