import pytest

from tests.factories import PublishedArticleFactory
from yuanqu.parks.models import ArticlePark, Park
from yuanqu.parks.services import ParkMatcher, article_link_parks, parks_sync

pytestmark = pytest.mark.django_db


def test_the_official_catalogue_is_seeded_with_its_source():
    catalogue = Park.objects.exclude(code="")
    assert catalogue.count() == 2543
    assert catalogue.filter(level=Park.Level.NATIONAL).count() == 552
    assert Park.objects.filter(level=Park.Level.NATIONAL, kind=Park.Kind.HITECH).count() == 156
    park = Park.objects.get(name="常州高新技术产业开发区")
    assert (park.province.name, park.city.name, park.approved) == ("江苏省", "常州市", "1992.11")
    assert "常州国家高新区" in park.aliases
    assert park.source.startswith("中国开发区审核公告目录（2018年版）")
    assert parks_sync() == 0  # idempotent


def test_the_supplement_adds_the_new_areas_and_news_names_find_catalogue_zones():
    assert Park.objects.filter(kind=Park.Kind.NEW_AREA).count() == 19
    liangjiang = Park.objects.get(slug="liangjiang-new-area")
    assert (liangjiang.name, liangjiang.province.name, liangjiang.approved) == (
        "重庆两江新区",
        "重庆市",
        "2010",
    )
    matcher = ParkMatcher(Park.objects.all())
    found = matcher.find("光谷、张江、中关村和两江新区的企业")
    names = set(Park.objects.filter(pk__in=found).values_list("name", flat=True))
    assert names == {
        "武汉东湖新技术开发区",
        "上海张江高新技术产业开发区",
        "中关村科技园区",
        "重庆两江新区",
    }


def test_the_shared_catalogue_code_gets_two_slugs():
    parks = Park.objects.filter(code="S377018")
    assert parks.count() == 2
    assert len({park.slug for park in parks}) == 2


def test_publishing_links_an_article_to_the_parks_it_names(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = PublishedArticleFactory(
            title="常州国家高新区上半年产值1549.2亿元",
            body=[{"type": "paragraph", "text": "常州高新区与苏州工业园区签约合作。"}],
        )
    names = set(ArticlePark.objects.filter(article=article).values_list("park__name", flat=True))
    assert names == {"常州高新技术产业开发区", "苏州工业园区"}
    assert ArticlePark.objects.get(article=article, park__name__startswith="常州").mentions == 2


def test_editor_corrections_survive_relinking():
    article = PublishedArticleFactory(
        title="无锡高新区与南京高新区", body=[{"type": "paragraph", "text": "两地合作。"}]
    )
    article_link_parks(article=article)
    wuxi = ArticlePark.objects.get(article=article, park__name="无锡高新技术产业开发区")
    wuxi.removed = True
    wuxi.save()
    changzhou = Park.objects.get(name="常州高新技术产业开发区")
    ArticlePark.objects.create(article=article, park=changzhou, origin=ArticlePark.Origin.EDITOR)
    linked = article_link_parks(article=article)
    links = {link.park.name: link for link in ArticlePark.objects.filter(article=article)}
    assert links["无锡高新技术产业开发区"].removed
    assert links["常州高新技术产业开发区"].origin == ArticlePark.Origin.EDITOR
    assert Park.objects.get(pk=linked[0]).name == "南京高新技术产业开发区"


def test_a_name_shared_by_two_parks_links_neither_unless_one_is_national():
    one = Park(pk=1, name="甲乙经济开发区", aliases=["甲乙开发区"], level="provincial")
    two = Park(pk=2, name="甲乙开发区", aliases=[], level="provincial")
    matcher = ParkMatcher([one, two])
    assert matcher.find("甲乙开发区举行签约") == {}
    two.level = "national"
    assert ParkMatcher([one, two]).find("甲乙开发区举行签约") == {2: 1}


def test_link_parks_command_catches_up_and_is_idempotent():
    from io import StringIO

    from django.core.management import call_command

    from yuanqu.news.services import articles_bulk_insert

    records = [
        (
            "k",
            {
                "key": "k",
                "title": "无锡高新区产值",
                "body": "增长。",
                "published_at": "2024-01-02 09:00",
            },
        )
    ]
    articles_bulk_insert(records)  # no signals: nothing linked yet
    assert not ArticlePark.objects.exists()
    out = StringIO()
    call_command("link_parks", dry_run=True, no_progress=True, stdout=out)
    assert "演练模式" in out.getvalue() and not ArticlePark.objects.exists()
    call_command("link_parks", no_progress=True, stdout=StringIO())
    call_command("link_parks", no_progress=True, stdout=StringIO())
    assert ArticlePark.objects.get().park.name == "无锡高新技术产业开发区"


def test_every_slug_fits_its_column():
    # SQLite does not enforce a column's length; PostgreSQL does.
    limit = Park._meta.get_field("slug").max_length
    assert all(len(slug) <= limit for slug in Park.objects.values_list("slug", flat=True))


def test_reading_an_article_extracts_its_facts_once(
    monkeypatch, django_capture_on_commit_callbacks
):
    """One reading feeds the park links, the facts, the enterprises, platforms and projects."""
    from yuanqu.parks.services import pipeline

    calls = []

    def counted(text, **options):
        calls.append(text)
        return extract(text, **options)

    from yuanqu.facts import extract

    monkeypatch.setattr(pipeline, "extract", counted)
    with django_capture_on_commit_callbacks(execute=True):
        article = PublishedArticleFactory(
            title="常州高新区新增高新技术企业120家",
            body=[
                {
                    "type": "paragraph",
                    "text": "常州高新区新增高新技术企业120家，总投资50亿元的项目开工。",
                }
            ],
        )
    assert calls == [article.title + "\n" + article.text]
    assert article.park_facts.count() >= 2
