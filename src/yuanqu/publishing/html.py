"""Pasted HTML to body blocks. The HTML is sanitised by nh3 (a maintained Rust sanitiser) first;
then only its text and structure are kept: headings become headings, paragraphs and list items
become paragraphs. Nothing of the HTML itself is ever rendered."""

import re
from html.parser import HTMLParser

import nh3

ALLOWED = {
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "div",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "span",
    "section",
    "article",
    "table",
    "tr",
    "td",
    "th",
}
HEADINGS = {"h1", "h2", "h3", "h4"}
BLOCKS = {"p", "div", "li", "blockquote", "section", "article", "tr"}
LOOKS_LIKE_HTML = re.compile(r"<\s*(p|div|h[1-6]|br|span|section|article|li|table)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(LOOKS_LIKE_HTML.search(text))


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.kind, self.text = "paragraph", []

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if text:
            self.blocks.append({"type": self.kind, "text": text})
        self.kind, self.text = "paragraph", []

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS or tag in BLOCKS:
            self._flush()
            self.kind = "heading" if tag in HEADINGS else "paragraph"
        elif tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag in HEADINGS or tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.text.append(data)


def html_to_blocks(html: str) -> list[dict]:
    clean = nh3.clean(html, tags=ALLOWED, attributes={}, strip_comments=True)
    parser = _Blocks()
    parser.feed(clean)
    parser.close()
    parser._flush()
    return parser.blocks
