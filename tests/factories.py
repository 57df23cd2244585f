"""Rows for tests, named after the state they are in. An article reaches its state the way a
real one does, through the state machine (`yuanqu.news.services`): it is created as a draft and
published, submitted, taken down or withdrawn, each step with its audit entry and signals."""

from datetime import timedelta

import factory
from django.utils import timezone

from yuanqu.news import services as articles
from yuanqu.news.models import Article
from yuanqu.regions.models import Region


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class DraftArticleFactory(factory.django.DjangoModelFactory):
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
    published_at = None
    source_name = "园区网编辑部"
    status = Article.Status.DRAFT
    origin = Article.Origin.EDITORIAL

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)


class PublishedArticleFactory(DraftArticleFactory):
    """Published an hour ago (by the state machine's `publish`, as an import does)."""

    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def state(self, create, extracted, **kwargs):
        if create:
            articles.article_publish(article=self, now=timezone.now(), label="测试")


class ScheduledArticleFactory(PublishedArticleFactory):
    """Published for tomorrow: readers see it from then on."""

    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


class UserSubmittedArticleFactory(PublishedArticleFactory):
    origin = Article.Origin.USER
    source_name = "常州启衡储能科技有限公司"


def _author():
    return user_with_role(f"author{Article.objects.count()}-{timezone.now().timestamp()}")


class WithdrawnArticleFactory(UserSubmittedArticleFactory):
    """Published by its author, then withdrawn by them."""

    @factory.post_generation
    def withdrawn(self, create, extracted, **kwargs):
        if create:
            if self.submitted_by_id is None:
                self.submitted_by = _author()
                self.save(update_fields=["submitted_by"])
            articles.article_withdraw(article=self, actor=self.submitted_by, now=timezone.now())


class PendingArticleFactory(DraftArticleFactory):
    """Submitted by its author and waiting for a moderator."""

    origin = Article.Origin.USER

    @factory.post_generation
    def submitted(self, create, extracted, **kwargs):
        if create:
            if self.submitted_by_id is None:
                self.submitted_by = _author()
                self.save(update_fields=["submitted_by"])
            articles.article_submit(
                article=self, actor=self.submitted_by, now=timezone.now(), direct=False
            )


class TakenDownArticleFactory(PublishedArticleFactory):
    """Published, then taken down by a moderator."""

    @factory.post_generation
    def taken_down(self, create, extracted, **kwargs):
        if create:
            articles.article_take_down(
                article=self, actor=None, now=timezone.now(), reason="测试下架", label="测试"
            )


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
        user=user,
        kind=account.get("kind", "individual"),
        display_name=account.get("display_name", name),
        mobile=mobile,
    )
    if role:
        role_add(user, role)
    return user


VALID_CREDIT_CODE = "91110000600037341L"


def pdf_bytes(pages: int = 1) -> bytes:
    """A real PDF (a rights holder's proof, a reporter's evidence) with blank pages."""
    from io import BytesIO

    from pypdf import PdfWriter

    writer, out = PdfWriter(), BytesIO()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


def confirm_link(outbox) -> str:
    """The confirmation link of the last notice mailed to its sender (its path)."""
    import re

    return re.search(r"/notice/[\w-]+/confirm/[\w-]+/", outbox[-1].body)[0]


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    """A real PNG picture (evidence of a report)."""
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()
