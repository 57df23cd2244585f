"""Rows for tests, named after the state they are in."""

from datetime import timedelta

import factory
from django.utils import timezone

from yuanqu.news.models import Article
from yuanqu.regions.models import Region


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class PublishedArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"测试园区新闻第{n}篇")
    summary = "园区上半年经济运行平稳。"
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "text": "一、总体情况"},
            {"type": "paragraph", "text": "今年上半年，园区规上工业总产值增长7.4%。"},
        ]
    )
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    source_name = "园区网编辑部"
    status = Article.Status.PUBLISHED
    origin = Article.Origin.EDITORIAL

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)


class UserSubmittedArticleFactory(PublishedArticleFactory):
    origin = Article.Origin.USER
    source_name = "常州启衡储能科技有限公司"


class DraftArticleFactory(PublishedArticleFactory):
    status = Article.Status.DRAFT
    published_at = None


class WithdrawnArticleFactory(PublishedArticleFactory):
    status = Article.Status.WITHDRAWN


class ScheduledArticleFactory(PublishedArticleFactory):
    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


def user_with_role(name: str, role: str | None = "publisher", **account):
    """A user with an account and a role (publisher, trusted, moderator, administrator)."""
    from django.contrib.auth.models import User

    from yuanqu.accounts.models import Account
    from yuanqu.accounts.services import role_add

    user = User.objects.create_user(
        name, password="a-long-test-password", email=f"{name}@example.cn"
    )
    mobile = account.get("mobile") or f"138{user.pk:08d}"
    Account.objects.create(
        user=user, kind=account.get("kind", "individual"),
        display_name=account.get("display_name", name), mobile=mobile,
    )  # fmt: skip
    if role:
        role_add(user, role)
    return user


VALID_CREDIT_CODE = "91110000600037341L"
