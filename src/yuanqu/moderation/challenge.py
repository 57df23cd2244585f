"""A simple question that people answer and scripts posting blindly do not: the sum of two small
numbers, signed so that the server keeps no state until it is answered, valid for half an hour
and accepted once (a solved one is remembered until it would expire). It is readable by screen
readers and needs no script or image; rate limits do the rest."""

import hashlib
import secrets
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

SALT = "yuanqu.challenge"
MAX_AGE = 30 * 60


def new() -> tuple[str, str]:
    """(question, token)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return f"{a} + {b} = ?", signing.dumps([a, b], salt=SALT)


def passed(token: str, answer: str) -> bool:
    """The answer is right, the question ours and not yet answered; answering uses it up."""
    try:
        a, b = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return False
    if (answer or "").strip() != str(a + b):
        return False
    return _first_use(hashlib.sha256(token.encode()).hexdigest())


def _first_use(digest: str) -> bool:
    from .models import ChallengeUse

    now = timezone.now()
    try:
        with transaction.atomic():
            ChallengeUse.objects.create(digest=digest, used_at=now)
    except IntegrityError:
        return False
    ChallengeUse.objects.filter(used_at__lt=now - timedelta(seconds=MAX_AGE)).delete()
    return True
