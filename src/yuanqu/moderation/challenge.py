"""A simple question that people answer and scripts posting blindly do not: the sum of two small
numbers, signed so that the server keeps no state, valid for half an hour. It is readable by
screen readers and needs no script or image; rate limits do the rest."""

import secrets

from django.core import signing

SALT = "yuanqu.challenge"
MAX_AGE = 30 * 60


def new() -> tuple[str, str]:
    """(question, token)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return f"{a} + {b} = ?", signing.dumps([a, b], salt=SALT)


def passed(token: str, answer: str) -> bool:
    try:
        a, b = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return False
    return (answer or "").strip() == str(a + b)
