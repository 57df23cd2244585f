"""Sending one-time codes by text message, through a pluggable sender chosen by
``YUANQU_SMS_BACKEND`` (a dotted path). The embedded default, ``ConsoleSender``, writes the
message to the log and keeps the last ones in memory (`outbox`) for development and tests; a
deployment plugs in its SMS provider's client with the same one method."""

import logging
from collections import deque

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("yuanqu.sms")
outbox: deque[tuple[str, str]] = deque(maxlen=100)


class ConsoleSender:
    def send(self, mobile: str, message: str) -> None:
        outbox.append((mobile, message))
        logger.warning("SMS to %s: %s", mobile, message)
        print(f"[SMS] {mobile}: {message}", flush=True)  # the demo's operator reads it here


def sender():
    return import_string(settings.YUANQU_SMS_BACKEND)()
