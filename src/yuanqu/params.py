"""Reading numbers and identifiers from a request: one way, for every view. Only ASCII digits
count (`str.isdigit` takes ², ① and full-width digits, which either break `int()` or mean nothing
to a reader), and every number is bounded, so that no input reaches the database out of range."""

from django.urls import register_converter

ID_MAX = 10**18 - 1  # below PostgreSQL's bigint and SQLite's integer


def ascii_int(value: object, *, maximum: int, minimum: int = 0, default: int | None = None):
    """The integer `value` spells in ASCII digits, between `minimum` and `maximum`; else
    `default`."""
    text = value if isinstance(value, str) else ""
    if not (0 < len(text) <= len(str(maximum)) and text.isascii() and text.isdigit()):
        return default
    number = int(text)
    return number if minimum <= number <= maximum else default


class IdConverter:
    """`<id:pk>` in URLs: a row's id, 1 to 18 ASCII digits (`<int:…>` takes any length, and a
    number past the database's range answers 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
