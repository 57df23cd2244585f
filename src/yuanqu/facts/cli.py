"""`yuanqu extract [--date YYYY-MM-DD] [--format json|table] FILE|-`: the facts in a text.

Runs without a database and without Django settings: the `yuanqu` command dispatches here first.
"""

import argparse
import json
import sys
from datetime import date

from .extract import extract

COLUMNS = (
    "text",
    "value",
    "unit",
    "approx",
    "range_to",
    "kind",
    "period",
    "metric",
    "subject",
    "subject_kind",
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yuanqu extract", description="Print the facts (figures) found in a Chinese text."
    )
    parser.add_argument("file", help="a UTF-8 text file, or - for standard input")
    parser.add_argument("--date", type=_date, help="publication date, resolves 今年, 上半年 …")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    return parser


def table(facts) -> str:
    rows = [COLUMNS] + [
        tuple("" if (v := getattr(f, c)) is None else str(v) for c in COLUMNS) for f in facts
    ]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    )


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"yuanqu extract: {error}", file=sys.stderr)
        return 2
    facts = extract(text, published=args.date)
    if args.format == "json":
        json.dump([fact.to_dict() for fact in facts], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(table(facts))
    return 0
