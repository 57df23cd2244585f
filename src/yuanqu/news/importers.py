"""Reading article records from files: one text article per file, or JSON Lines.

A text article starts with `name: value` header lines, then a blank line, then the body
(see `body.text_to_blocks`):

    title: 常州高新区建区32周年……
    published_at: 2024-08-29 15:53
    source: 常州发布
    regions: 320400
    origin: editorial

    ## 一、……
    正文段落……

Each JSON Lines line is one record with the same names (`body` as text or a list of blocks).
"""

import json
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HEADER_NAMES = {
    "key",
    "title",
    "summary",
    "published_at",
    "source",
    "original_url",
    "original_author",
    "original_title",
    "regions",
    "origin",
    "status",
}


class RecordError(ValueError):
    """A file or line that could not be read as a record."""


def parse_text_article(text: str) -> dict:
    header, separator, body = text.lstrip("\ufeff").partition("\n\n")
    if not separator:
        raise RecordError(_("No blank line between the header and the body."))
    record = {}
    for line in header.splitlines():
        name, colon, value = line.partition(":")
        name = name.strip()
        if not colon or name not in HEADER_NAMES:
            raise RecordError(_("Unknown header line: %(line)s") % {"line": line[:60]})
        record[name] = value.strip()
    record["body"] = body
    return record


def iter_files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def decoded(data: bytes, where: str) -> str:
    """UTF-8 text, or a RecordError that says where the first invalid byte is."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RecordError(
            _("%(where)s is not valid UTF-8 text (line %(line)d, byte %(byte)d).")
            % {"where": where, "line": line, "byte": error.start + 1}
        ) from None


def read_records(paths: list[Path]) -> Iterator[tuple[str, dict | Exception]]:
    """Yield (where, record) for every article in the paths; unreadable items yield an error."""
    for path in iter_files(paths):
        suffix = path.suffix.lower()
        try:
            if suffix in TEXT_SUFFIXES:
                record = parse_text_article(decoded(path.read_bytes(), path.name))
                record.setdefault("key", path.stem)
                yield str(path), record
            elif suffix in JSONL_SUFFIXES:
                yield from read_jsonl(path)
            else:
                yield (
                    str(path),
                    RecordError(_("Unsupported file type: %(suffix)s") % {"suffix": suffix or "-"}),
                )
        except (OSError, UnicodeDecodeError, RecordError) as error:
            yield str(path), error if isinstance(error, RecordError) else RecordError(str(error))


def read_jsonl(path: Path) -> Iterator[tuple[str, dict | Exception]]:
    """One record a line. Each line is decoded on its own, so that a bad byte costs its own line
    only (reported with its number), never its neighbours."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                line = decoded(raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw, where)
                yield where, json.loads(line)
            except RecordError as error:
                yield where, error
            except (json.JSONDecodeError, RecursionError) as error:
                message = getattr(error, "msg", "")
                yield where, RecordError(_("Invalid JSON: %(error)s") % {"error": message})


def count_records(paths: list[Path]) -> int:
    """A quick count for the progress bar: one per text file, one per non-empty JSON line (the
    same lines `read_jsonl` reads)."""
    total = 0
    for path in iter_files(paths):
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total
