"""The same tests for both backends (CI runs them on PostgreSQL too)."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PublishedArticleFactory, region, user_with_role
from yuanqu.news import services as articles
from yuanqu.news.models import Article
from yuanqu.parks.models import Park
from yuanqu.search import selectors
from yuanqu.search.backends import get_backend
from yuanqu.search.models import SearchDocument
from yuanqu.search.services import registry_sync

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def titles(query, **options) -> list[str]:
    return [hit.document.title for hit in selectors.search(query, **options).hits]


def found_key(text: str, key: int, kind="article") -> bool:
    query = selectors.analysed(text, kind, selectors.Filters(), False)
    return query is not None and key in get_backend().keys(query, stage="phrase", limit=100_000)


@pytest.fixture
def corpus(demo_corpus):
    """The demo articles, published and indexed (loaded once for the module)."""


@pytest.fixture
def registry(corpus):
    """… and the parks and enterprises (indexed in bulk, as `yuanqu init` does)."""
    registry_sync()


def test_every_substring_of_a_title_finds_its_article(corpus):
    keys = {
        Article.objects.get(pk=document.object_id).title: document.sort_key
        for document in SearchDocument.objects.filter(kind="article")
    }
    assert len(keys) == Article.objects.published().count() == 51

    @settings(
        max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.sampled_from(sorted(keys)), st.data())
    def check(title, data):
        start = data.draw(st.integers(0, len(title) - 2))
        end = data.draw(st.integers(start + 2, len(title)))
        assert found_key(title[start:end], keys[title]), title[start:end]

    check()


def test_every_national_park_name_and_alias_finds_the_park_first(registry):
    parks = Park.objects.filter(level="national")
    assert parks.count() == 573
    keys = dict(SearchDocument.objects.filter(kind="park").values_list("object_id", "sort_key"))
    for park in parks:
        for name in (park.name, *park.aliases):
            # The first stage of a park search: the exact names (see selectors._stages).
            assert selectors.exact_names(name, "park", [])[0] == keys[park.pk], name
    assert (
        titles("常州国家高新区", kind="park")[0] == "常州高新技术产业开发区"
    )  # the whole search agrees


def test_names_find_parks_and_enterprises_first_and_news_by_recency(registry):
    assert titles("常州", kind="park")[0] == "常州高新技术产业开发区"
    assert titles("光谷", kind="park") == ["武汉东湖新技术开发区"]
    assert titles("比亚迪", kind="enterprise") == ["比亚迪"]
    news = selectors.search("苏州工业园区", kind="article")
    assert news.counts == {"article": 4, "park": 1, "enterprise": 0}
    dates = [hit.document.published_at for hit in news.hits]
    assert news.hits[0].document.title.startswith("苏州工业园区")  # title match first
    newest = selectors.search("苏州工业园区", kind="article", newest_first=True)
    assert [h.document.published_at for h in newest.hits] == sorted(dates, reverse=True)


def test_exact_text_comes_before_scattered_words(corpus):
    hits = selectors.search("常州 新能源", kind="article").hits
    assert hits and all("常州" in h.document.body and "新能源" in h.document.body for h in hits)
    contiguous = selectors.search("新能源汽车", kind="article").hits
    assert contiguous[0].document.body.count("新能源汽车") >= 1
    assert (
        "<mark>新能源汽车</mark>" in contiguous[0].snippet
        or "<mark>新能源汽车</mark>" in contiguous[0].title
    )


def test_titles_holding_the_query_come_first_then_newer_ones(corpus):
    hits = selectors.search("高新区", kind="article", per_page=100).hits
    in_title = ["高新区" in hit.document.title for hit in hits]
    assert True in in_title and False in in_title
    assert in_title == sorted(in_title, reverse=True)  # every title match before the others
    for group in (True, False):
        keys = [hit.document.sort_key for hit in hits if ("高新区" in hit.document.title) == group]
        assert keys == sorted(keys, reverse=True)  # newer first
    newest = selectors.search("高新区", kind="article", per_page=100, newest_first=True).hits
    assert [h.document.sort_key for h in newest] == sorted(
        (h.document.sort_key for h in hits), reverse=True
    )


def test_a_query_led_by_its_rare_tokens_finds_what_it_finds_otherwise(corpus, monkeypatch):
    """Each backend reaches a stage's matches in two ways: through the query's rarest tokens,
    the text confirmed in each candidate; or, when every token is common, the query as it is
    (SQLite) or a walk through the newest rows (PostgreSQL). In a small corpus every token is
    rare; counting none rare must find the same."""
    from yuanqu.search.backends import postgres, sqlite

    backend, cap, plan = get_backend(), sqlite.DRIVER_CAP, postgres.PostgresBackend._plan
    walked, walk = [], postgres.PostgresBackend._walk
    monkeypatch.setattr(
        postgres.PostgresBackend,
        "_walk",
        lambda self, *a: walked.append(walk(self, *a)) or walked[-1],
    )
    backend.optimize()  # the table's rows counted: a walk has rows to walk
    monkeypatch.setattr(postgres.PostgresBackend, "_statistics", {})
    monkeypatch.setattr(postgres, "PROBE", 100)  # one window holds the corpus: no giving way
    monkeypatch.setattr(postgres, "WALK_COST", 0)
    texts = [
        "常州高新区",
        "新能源汽车",
        "常州 新能源",
        "合成生物 产业",
        "高新技术企业",
        "光伏",
        "亿元 增长",
        "集成电路设计",
        "不存在的词语组合",
        "园区 企业 项目",
        "企业园区",
        "高新区企业",
        "产值增长",
        "光 园区",
        "光",
        "p",
        "k",
    ]

    def found(text, stage, led, tags=()):
        # Counted rare, or every token common (on PostgreSQL: common and dense, so walked).
        monkeypatch.setattr(sqlite, "DRIVER_CAP", cap if led else 0)
        monkeypatch.setattr(
            postgres.PostgresBackend,
            "_plan",
            plan if led else lambda self, query, stage, needed: ([], 1.0),
        )
        query = selectors.analysed(text, "article", selectors.Filters(), False)
        query.tags = list(tags)
        walked.clear()
        keys = backend.keys(query, stage=stage, limit=10_000, by_time=True)
        assert backend.count(query, stage=stage, cap=10_000) == len(keys)
        if connection.vendor == "sqlite":
            tokens = [t for p in query.phrases for t in p if not t.endswith("*")]
            assert bool(query.memo.get(("drivers", "search_fts"))) == (led and len(tokens) > 1)
        else:
            assert bool(walked and walked[0] is not None) == (not led)  # walked to the end
        return keys

    for text in texts:
        for tags in ((), ("prov_js",)):
            assert found(text, "phrase", True, tags) == found(text, "phrase", False, tags), text
            # Confirmed in the text, a word is found anywhere, not only where the segmenter cut
            # it: led on SQLite, walked on PostgreSQL.
            led, other = (
                set(found(text, "words", True, tags)),
                set(found(text, "words", False, tags)),
            )
            tokens, anywhere = (other, led) if connection.vendor == "sqlite" else (led, other)
            assert tokens <= anywhere, text
    assert found("新能源汽车", "phrase", True)  # the comparison is not between empty lists
    assert found("产业", "phrase", False, ("prov_js",))
    assert set(found("产业", "phrase", False, ("prov_js",))) < set(found("产业", "phrase", False))


def test_a_common_stage_stops_at_the_page_once_its_count_is_sure(corpus, monkeypatch):
    """PostgreSQL walks the newest rows for a common stage and stops once it holds the page and
    a sample from which there are surely more than ROWS matches (scaled down here: a corpus of
    51 articles played as one of 100,000). The page is the one the whole walk gives, and the
    count is reported capped only when the sample makes it sure. (SQLite's index hands over
    the newest ROWS matches at little cost and keeps them all.)"""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps a stage's newest ROWS matches whatever the page needs")
    from yuanqu.search.backends import postgres

    backend = get_backend()
    # The table holds the corpus alone, so that the rows holding the (patched) rarest token are
    # the corpus's: the registry's parks would let the sampled bound run past the real count.
    SearchDocument.objects.exclude(kind="article").delete()
    backend.optimize()  # the planner's statistics, the quantiles of the keys among them
    monkeypatch.setattr(postgres.PostgresBackend, "_statistics", {})
    monkeypatch.setattr(
        postgres.PostgresBackend, "_plan", lambda self, query, stage, needed: ([], 1.0)
    )
    for name, value in (("ROWS", 30), ("PROBE", 10), ("SAMPLE", 4), ("SLACK", 1.0)):
        monkeypatch.setattr(postgres, name, value)

    def stage(rows_in_range, page_end):
        monkeypatch.setattr(
            postgres.PostgresBackend, "_rows_between", lambda self, low, high: rows_in_range
        )
        query = selectors.analysed("亿元", "article", selectors.Filters(), False)
        query.page_end = page_end
        return query, backend._found(query, "phrase")

    every = SearchDocument.objects.filter(kind="article", body__contains="亿元").count()
    assert every > 30  # a common stage in this corpus
    whole_query, whole = stage(0, 2)  # no estimate of the rows in range: walked to ROWS
    assert len(whole.keys) == 30 and not whole.complete and whole.at_least == 0
    query, sampled = stage(100_000, 2)
    assert 4 <= len(sampled.keys) < 30 and not sampled.complete
    assert 30 <= sampled.at_least <= postgres.PostgresBackend._shares(backend, "grams_tsv")[0]
    assert sampled.keys == whole.keys[: len(sampled.keys)]  # the newest, in order
    with CaptureQueriesContext(connection) as asked:  # the page and a sure count: at hand
        assert backend.keys(query, stage="phrase", limit=2) == whole.keys[:2]
        assert backend.count(query, stage="phrase", cap=20) == 20  # surely more than 20
    assert len(asked) == 0
    assert backend.count(query, stage="phrase", cap=1_000) == every  # not sure: counted
    assert backend.keys(query, stage="phrase", limit=5, offset=40) == backend.keys(
        whole_query, stage="phrase", limit=5, offset=40
    )  # a page past the sample is asked for
    _, small = stage(10, 2)  # a sample of a range this small proves nothing
    assert small.at_least == 0


def test_a_sample_bounds_a_count_from_below():
    from yuanqu.search.backends.postgres import SAMPLE, PostgresBackend

    at_least = PostgresBackend._at_least
    assert at_least(100, 1_000, 1_000_000, 10**9) == 80_000  # (100 - 2·10) per 1,000 rows
    assert at_least(100, 1_000, 1_000_000, 5_000) == 5_000  # no more than its rarest token
    assert at_least(SAMPLE - 1, 10, 1_000_000, 10**9) == 0  # too few to tell
    assert at_least(100, 1_000, 0, 10**9) == 0  # rows in range unknown


def test_traditional_and_full_width_queries_find_simplified_text(corpus):
    assert titles("常州國家高新區")[:1] == titles("常州国家高新区")[:1]
    assert titles("ＢＹＤ") == titles("byd")
    assert (
        selectors.search("產業", kind="article").total
        == selectors.search("产业", kind="article").total
    )


def test_filters_narrow_and_the_region_can_be_widened(corpus):
    jiangsu = selectors.search("产值", filters=selectors.Filters(region=region("320000")))
    national = selectors.search("产值")
    assert 0 < jiangsu.total < national.total
    assert all("苏" in h.document.tags or "prov_js" in h.document.tags for h in jiangsu.hits)
    changzhou = Park.objects.get(name="常州高新技术产业开发区")
    by_park = selectors.search("产业", filters=selectors.Filters(park=changzhou))
    assert by_park.total >= 1 and all(
        f"park_{changzhou.pk}" in h.document.tags for h in by_park.hits
    )
    bio = selectors.search("产业", filters=selectors.Filters(industry="synthetic_biology"))
    assert "合成生物" in bio.hits[0].document.body
    since = selectors.search(
        "产值", filters=selectors.Filters(date_from=datetime(2025, 6, 1, tzinfo=SHANGHAI))
    )
    assert since.total and all(
        h.document.published_at >= datetime(2025, 6, 1, tzinfo=SHANGHAI) for h in since.hits
    )
    source = selectors.search("产值", filters=selectors.Filters(source="常州发布"))
    assert [h.document.source_name for h in source.hits] == ["常州发布"]


def test_publishing_withdrawing_and_taking_down_update_the_index_at_once(
    django_capture_on_commit_callbacks,
):
    author, moderator = user_with_role("author", "trusted"), user_with_role("mod", "moderator")
    with django_capture_on_commit_callbacks(execute=True):
        article = PublishedArticleFactory(
            title="嘉兴秀洲高新区氢能项目签约", submitted_by=author, origin="user"
        )
    assert titles("秀洲高新区氢能") == ["嘉兴秀洲高新区氢能项目签约"]
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_take_down(
            article=article, actor=moderator, now=article.published_at, reason="不实"
        )
    assert titles("秀洲高新区氢能") == []
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_restore(
            article=article, actor=moderator, now=article.published_at, reason="核实"
        )
    assert titles("秀洲高新区氢能") == ["嘉兴秀洲高新区氢能项目签约"]
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_withdraw(article=article, actor=author, now=article.published_at)
    assert titles("秀洲高新区氢能") == []


HOSTILE = [
    '"',
    "'",
    "*",
    "AND",
    "OR NEAR(a b)",
    "a NOT b",
    "title:x",
    "{a b}",
    "^",
    "-",
    "\\",
    "(",
    ")",
    "\x00\x01\x7f",
    "\u202e" * 10,
    "常" * 5000,
    "😀" * 30,
    "<script>alert(1)</script>",
    "%_",
    "':* & | !",
    "产业'; DROP TABLE search_searchdocument; --",
    "光",
    "a",
    "1",
]


def test_hostile_queries_never_fail(client, registry):
    for query in HOSTILE:
        for kind in ("article", "park", "enterprise"):
            response = client.get("/search/", {"q": query, "kind": kind, "sort": "date"})
            assert response.status_code == 200, query
            assert "<script>alert" not in response.content.decode()
    assert SearchDocument.objects.count() > 2500


def test_the_search_page_guides_filters_highlights_and_paginates(client, registry):
    empty = client.get("/search/").content.decode()
    assert "搜索资讯、园区和企业" in empty
    page = client.get("/search/", {"q": "产业", "region": "js"}).content.decode()
    assert "仅在江苏范围内" in page and "扩大到全国" in page and "<mark>产业</mark>" in page
    first = client.get("/search/", {"q": "高新区", "kind": "park"}).content.decode()
    assert 'rel="next"' in first and "page=2" in first
    assert (
        client.get("/search/", {"q": "高新区", "kind": "park", "page": "9999"}).status_code == 404
    )
    assert (
        client.get(
            "/search/",
            {
                "q": "高新区",
                "kind": "nope",
                "region": "zz",
                "city": "999999",
                "from": "2024-13-45",
                "park": "<x>",
            },
        ).status_code
        == 200
    )


def test_reindex_rebuilds_everything_and_drops_what_is_gone(corpus):
    article = Article.objects.published().first()
    Article.objects.filter(pk=article.pk).update(status="withdrawn")  # behind the index's back
    out = StringIO()
    call_command("reindex", no_progress=True, stdout=out)
    assert "文章 50 篇" in out.getvalue() and "园区 2564 个" in out.getvalue()
    assert not SearchDocument.objects.filter(kind="article", object_id=article.pk).exists()
    assert get_backend().size_bytes() > 0
