"""yuanqu.facts: figures in Chinese park news as typed facts. A pure library: no Django.

>>> from yuanqu.facts import extract
>>> [f.text for f in extract("今年上半年，产值1549.2亿元，同比增长7.4%。", published="2024-08-29")]
['1549.2亿元', '增长7.4%']
"""

from .extract import extract
from .model import Fact
from .numbers import NotANumber, parse_number

__all__ = ["Fact", "NotANumber", "extract", "parse_number"]
