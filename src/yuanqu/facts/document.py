"""What every figure in an article shares, found once for the whole text and then looked up by
position: sentences, clause breaks, period phrases, target cues, names, paragraphs and headings."""

import re
from bisect import bisect_right
from datetime import date

from . import meaning
from .holders import Holders
from .normalize import normalize
from .periods import find_periods

SENTENCE_END = re.compile(r"[。！？!?\n]")
CLAUSE_BREAK = re.compile(f"[{meaning.CLAUSE_BREAKS}]")


class Sentence:
    __slots__ = ("end", "start", "text")

    def __init__(self, doc: "Document", start: int, end: int):
        self.start, self.end, self.text = start, end, doc.text[start:end].strip()


def is_heading(line: str) -> bool:
    """A short line without a full stop: a heading, or one line of a post that gives a figure a line."""
    if len(line) > meaning.HEADING_MAX and len(line.strip()) > meaning.HEADING_MAX:
        return False  # most lines: no need to look further
    return not line.rstrip().endswith(("。", "！", "；"))


def _target_sections(norm: str, published: date | None) -> list[tuple[int, int, str | None]]:
    """(start, end, period) of the text under a heading that announces plans, up to the next
    heading; a heading is a short line without a full stop."""
    sections, heading, offset = [], None, 0
    for line in norm.split("\n"):
        if is_heading(line):
            if heading is not None:
                sections.append((heading[0], offset, heading[1]))
                heading = None
            if meaning.TARGET_HEADING.search(line):
                periods = find_periods(line, published)
                heading = (offset + len(line), periods[-1][1] if periods else None)
        offset += len(line) + 1
    if heading is not None:
        sections.append((heading[0], offset, heading[1]))
    return sections


class Document:
    """The text, its normalised twin and what all figures in it share, each found once for the
    whole text and then looked up by position: sentences, clause breaks, period phrases, target
    cues and names."""

    def __init__(self, text: str, published: date | None):
        self.text = text
        self.norm = norm = normalize(text)
        self.published = published
        self.sentence_starts = [0] + [m.end() for m in SENTENCE_END.finditer(norm)]
        self.breaks = [m.end() for m in CLAUSE_BREAK.finditer(norm)]
        self.periods = find_periods(norm, published)
        self.period_starts = [start for start, _, _, _ in self.periods]
        self.period_ends = [end for _, _, _, end in self.periods]
        cues = list(meaning.TARGET_CUES.finditer(norm))
        self.targets = [m.end() for m in cues]
        self.target_cues = [m[0] for m in cues]
        self.title_end = norm.find("\n") if "\n" in norm else len(norm)
        self.holders = Holders(norm, title_end=self.title_end)
        self.names = [(m.start, m.name) for m in self.holders.mentions if not m.pronoun]
        self.target_sections = (
            _target_sections(norm, published) if "目标" in norm or "预期" in norm else []
        )
        self.name_ends = [start + len(name) for start, name in self.names]
        self._sentences: dict[int, Sentence] = {}
        self._last_sentence: Sentence | None = None
        self.inherited: dict[int, str | None] = {}  # by sentence start: the period in force

    def sentence(self, position: int) -> Sentence:
        last = self._last_sentence
        if last is not None and last.start <= position < last.end:
            return last
        index = bisect_right(self.sentence_starts, position) - 1
        sentence = self._sentences.get(index)
        if sentence is None:
            starts = self.sentence_starts
            end = starts[index + 1] if index + 1 < len(starts) else len(self.norm)
            sentence = self._sentences[index] = Sentence(self, starts[index], end)
        self._last_sentence = sentence
        return sentence

    def line(self, position: int) -> tuple[int, int]:
        """(start, end) of the line holding the position, without its newline."""
        norm = self.norm
        end = norm.find("\n", position)
        return norm.rfind("\n", 0, position) + 1, len(norm) if end < 0 else end

    def clause_start(self, sentence: Sentence, position: int) -> int:
        """Where the clause holding the position starts (after ，；：), within its sentence."""
        index = bisect_right(self.breaks, position) - 1
        return max(sentence.start, self.breaks[index]) if index >= 0 else sentence.start
