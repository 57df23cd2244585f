"""The sensitive-word matcher: an Aho-Corasick automaton (pyahocorasick) over the operator's
list, rebuilt when the list changes. Text is matched in NFKC form without spaces, so full-width
letters and words spaced out (敏 感 词) are found too."""

import re
import unicodedata

import ahocorasick
from django.db.models import Count, Max

from ..models import SensitiveWord

SPACES = re.compile(r"\s+")
_cache: tuple[tuple, ahocorasick.Automaton | None] | None = None


def _fold(text: str) -> str:
    return SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()


def _automaton() -> ahocorasick.Automaton | None:
    global _cache
    active = SensitiveWord.objects.filter(active=True)
    version = tuple(active.aggregate(n=Count("id"), at=Max("updated_at")).values())
    if _cache is None or _cache[0] != version:
        automaton = None
        words = [_fold(word) for word in active.values_list("word", flat=True)]
        if any(words):
            automaton = ahocorasick.Automaton()
            for word in filter(None, words):
                automaton.add_word(word, word)
            automaton.make_automaton()
        _cache = (version, automaton)
    return _cache[1]


def sensitive_hits(text: str) -> list[str]:
    """The listed words the text contains, each once, in the order they first appear."""
    automaton = _automaton()
    if automaton is None:
        return []
    return list(dict.fromkeys(word for _, word in automaton.iter(_fold(text))))
