from typing import NamedTuple


class Fact(NamedTuple):
    """One figure found in a text; field names and values follow the fact contract in DESIGN.md.

    A NamedTuple rather than a dataclass: extract builds one for every figure in every article,
    and a tuple is several times cheaper to make.
    """

    text: str
    start: int
    end: int
    value: int | float
    unit: str | None
    approx: str | None  # over | under | about | None
    range_to: int | float | None
    kind: str  # amount | change | share | target | rank
    metric: str | None
    subject: str | None
    subject_kind: str | None  # park | enterprise | region | industry | platform | project | group
    period: str | None
    sentence: str

    def to_dict(self) -> dict:
        return self._asdict()
