"""Writes of the knowledge base, by noun:

- `registry`: the curated parks, industries and enterprises (`yuanqu init` loads them);
- `matchers`: finding their names in a text;
- `pipeline`: `article_read`, everything taken from a published article, extracted once;
- `linking`: an article's park and industry links and region tags;
- `facts`: figures stored with their provenance, and editors' decisions on them;
- `entities`: enterprises, memberships, recognitions, platforms, projects read from an article;
- `editing`: editors' corrections of links and rows;
- `rows`: the one rule that re-reading follows the text and never undoes an editor.
"""

from .editing import (
    EditError,
    article_park_add,
    article_park_remove,
    article_park_restore,
    row_remove,
    row_restore,
)
from .facts import FactDecisionError, article_store_facts, fact_confirm, fact_correct, fact_reject
from .linking import article_add_park_regions, article_link_industries, article_link_parks
from .matchers import (
    EnterpriseMatcher,
    IndustryMatcher,
    ParkMatcher,
    enterprise_matcher,
    industry_matcher,
    park_matcher,
    reset_park_matcher,
)
from .pipeline import article_read
from .registry import enterprises_sync, industries_sync, parks_sync, registry_sync

__all__ = [
    "EditError",
    "EnterpriseMatcher",
    "FactDecisionError",
    "IndustryMatcher",
    "ParkMatcher",
    "article_add_park_regions",
    "article_link_industries",
    "article_link_parks",
    "article_park_add",
    "article_park_remove",
    "article_park_restore",
    "article_read",
    "article_store_facts",
    "enterprise_matcher",
    "enterprises_sync",
    "fact_confirm",
    "fact_correct",
    "fact_reject",
    "industries_sync",
    "industry_matcher",
    "park_matcher",
    "parks_sync",
    "registry_sync",
    "reset_park_matcher",
    "row_remove",
    "row_restore",
]
