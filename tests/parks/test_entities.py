from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from tests.factories import PublishedArticleFactory
from yuanqu.parks.models import (
    ArticleEnterprise,
    Enterprise,
    Membership,
    Origin,
    Park,
    ParkFact,
    Project,
    Recognition,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_corpus):
    """The demo corpus (loaded once for the module)."""


def test_the_changzhou_article_places_its_enterprises_in_the_park_with_their_sentences(
    demo, client
):
    park = Park.objects.get(name="常州高新技术产业开发区")
    members = {m.enterprise.name: m for m in Membership.objects.filter(park=park)}
    assert set(members) >= {"比亚迪", "梅特勒·托利多"}
    assert members["比亚迪"].kind == Membership.Kind.OPERATING
    assert members["比亚迪"].sentence == "在比亚迪常州基地，总装车间平均每分钟就有一辆新车下线。"
    page = client.get(park.get_absolute_url()).content.decode()
    for name in ("比亚迪", "梅特勒·托利多"):
        assert f'">{name}</a>' in page
    assert members["比亚迪"].get_absolute_url() in page.replace("&amp;", "&")
    assert "院士工作站" in page and "5家" in page  # the platforms the article counts
    assert "在建及拟建项目 × 31" in page and "已开工" in page and "约226亿元" in page


def test_signed_projects_show_their_stage_and_never_count_as_output(demo, client):
    park = Park.objects.get(name="南通经济技术开发区")
    signed = Project.objects.get(park=park, stage=Project.Stage.SIGNED, count=12)
    assert signed.investment == 18_600_000_000 and signed.investment_approx == "about"
    stages = set(Project.objects.filter(park=park).values_list("stage", flat=True))
    assert stages == {"signed", "started", "operating"}
    assert not ParkFact.objects.filter(park=park).exclude(indicator="").exists()
    page = client.get(park.get_absolute_url()).content.decode()
    assert "不是产值" in page and "已签约" in page and "约186亿元" in page


def test_a_new_article_adds_enterprises_recognitions_and_platforms(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        article = PublishedArticleFactory(
            title="常州启衡储能科技有限公司获评国家级专精特新“小巨人”企业",
            body=[
                {
                    "type": "paragraph",
                    "text": "近日，常州启衡储能科技有限公司获评国家级专精特新“小巨人”企业。",
                },
                {
                    "type": "paragraph",
                    "text": "公司2016年落户常州高新区，依托江苏省储能材料工程技术研究中心开展研发，是国家高新技术企业。",
                },
            ],
            published_at=datetime(2025, 3, 1, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
        )
    enterprise = Enterprise.objects.get(name="常州启衡储能科技有限公司")
    assert ArticleEnterprise.objects.get(article=article, enterprise=enterprise).mentions == 2
    assert set(enterprise.recognitions.values_list("kind", "level")) == {
        ("little_giant", "国家级"),
        ("hitech", "国家级"),
    }
    membership = enterprise.memberships.get()
    assert (membership.park.name, membership.kind) == ("常州高新技术产业开发区", "operating")
    platform = membership.park.platforms.get()
    assert (platform.name, platform.level) == ("江苏省储能材料工程技术研究中心", "省级")


def test_editors_rows_and_removals_survive_reading_again(demo):
    park = Park.objects.get(name="常州高新技术产业开发区")
    byd = Membership.objects.get(park=park, enterprise__name="比亚迪")
    byd.removed = True
    byd.save()
    huawei = Enterprise.objects.get(name="华为")
    Membership.objects.create(enterprise=huawei, park=park, kind="operating", origin=Origin.EDITOR)
    call_command("reextract", no_progress=True, stdout=StringIO())
    assert Membership.objects.get(pk=byd.pk).removed
    assert Membership.objects.filter(enterprise=huawei, park=park, origin=Origin.EDITOR).exists()
    assert Membership.objects.filter(park=park, enterprise__name="梅特勒·托利多").exists()


def test_enterprise_pages_show_recognitions_parks_and_news(demo, client):
    kunshan = Enterprise.objects.get(name="昆山恒远精密制造有限公司")
    assert Recognition.objects.filter(enterprise=kunshan, kind="specialised", level="省级").exists()
    page = client.get(kunshan.get_absolute_url()).content.decode()
    assert "省级专精特新中小企业" in page and "昆山高新技术产业开发区" in page
    assert "昆山恒远精密新厂房封顶" in page
    listing = client.get("/enterprises/", {"q": "比亚迪"}).content.decode()
    assert '">比亚迪</a></h2>' in listing
    assert client.get("/enterprises/nope/").status_code == 404


def test_articles_are_linked_to_the_industries_and_regions_they_name(demo, client):
    from yuanqu.news.models import Article
    from yuanqu.parks.models import ArticleIndustry, Industry

    article = Article.objects.get(title__startswith="三十二载再出发")
    industries = set(
        ArticleIndustry.objects.filter(article=article).values_list("industry__name", flat=True)
    )
    assert {
        "新能源汽车",
        "合成生物",
        "生物产业",
    } <= industries  # a sub-industry counts for its parent
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/industries/synthetic_biology/">合成生物</a>' in page
    bio = client.get("/industries/bio/").content.decode()
    assert "三十二载再出发" in bio and "合成生物" in bio
    listing = client.get(
        "/parks/", {"industry": "biomedicine", "level": "national"}
    ).content.decode()
    assert '<option value="biomedicine" selected>' in listing
    assert (
        Industry.objects.filter(parent=None).count() == 10
    )  # the nine strategic emerging + future


def test_an_article_shows_in_the_channels_of_the_parks_it_names(
    django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        article = PublishedArticleFactory(
            title="苏州工业园区与中关村签署合作协议",
            body=[{"type": "paragraph", "text": "双方将在人工智能领域开展合作。"}],
        )
    assert set(article.regions.values_list("code", flat=True)) == {"320500", "110000"}
    assert "苏州工业园区与中关村" in client.get("/js/320500/").content.decode()
