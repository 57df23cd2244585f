"""Chinese text analysis, done here once, for indexing and for queries alike.

- normalise: NFKC (full-width letters and digits become half-width), traditional characters
  become simplified (OpenCC), letters lower-cased;
- words: rjieba's search-mode segmentation (jieba's dictionary, in Rust) with a user dictionary of
  the knowledge base's names (park, enterprise and industry names and aliases), so that
  中新天津生态城 is one word and not five characters that match anything;
- grams: overlapping character bigrams of every run of Chinese characters, letters and digits,
  and the run's last character alone. Searching a query's bigrams as a phrase finds every
  occurrence of it in the text, whatever the segmenter did — 超过8 inside 超过80万辆 included:
  the recall of any query of two or more characters is guaranteed, as the CJK analysers of
  search engines do.

Both backends index the same words and grams; nothing here depends on the database.
"""

import re
import threading
import unicodedata

import opencc
import rjieba

_t2s = opencc.OpenCC("t2s")
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RUNS = re.compile(rf"[{CJK}a-z0-9]+")
WORD = re.compile(rf"[{CJK}a-z0-9]")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_dictionary_lock = threading.Lock()
_dictionary: set[str] = set()


def normalise(text: str) -> str:
    """The one form text is indexed and queried in."""
    text = CONTROL.sub(" ", unicodedata.normalize("NFKC", text or ""))
    return _t2s.convert(text).lower()


def add_words(names) -> int:
    """Teach the segmenter names it does not know (once each, per process); returns how many."""
    fresh = [
        n
        for n in {normalise(name).strip() for name in names}
        if len(n) >= 2 and n not in _dictionary
    ]
    if fresh:
        with _dictionary_lock:
            for name in fresh:
                rjieba.add_word(name, 100_000, None)
                _dictionary.add(name)
    return len(fresh)


def words(normalised: str) -> list[str]:
    """Search-mode words: long words and the shorter words inside them."""
    return [token for token in rjieba.cut_for_search(normalised) if WORD.search(token)]


def grams(normalised: str) -> list[str]:
    """Bigrams of every run of Chinese characters, letters and digits, then the run's last
    character alone: every character starts a token, so that a one-character query (a prefix)
    finds it too."""
    found = []
    for match in RUNS.finditer(normalised):
        run = match[0]
        found.extend(run[i : i + 2] for i in range(len(run) - 1))
        found.append(run[-1])
    return found


def phrase(part: str) -> list[str]:
    """A query part as the tokens its text is indexed as: its bigrams in order (the run-final
    character the index adds is not part of the phrase); one character is a prefix (光*)."""
    if len(part) == 1:
        return [part + "*"]
    return [part[i : i + 2] for i in range(len(part) - 1)]


def query_parts(query: str, longest: int = 64) -> list[str]:
    """A query's parts (split at spaces), normalised, cut to a sane length, without syntax."""
    text = normalise(query)[:longest]
    return [part for part in re.split(rf"[^{CJK}a-z0-9]+", text) if part]
