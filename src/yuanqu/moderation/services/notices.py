"""Rights holders' notices, uploaders' counter-notices, authors' appeals.

A valid notice takes the item down at once and is forwarded to its uploader — or, when nobody
uploaded it (an editorial article) or the uploader's account is gone, published on the public
notices page. The uploader may answer with a counter-notice: the item is restored and the
counter-notice is sent to the rights holder, whose further notice on the same item is then
refused (the dispute is theirs to take to court or to the authorities).
"""

import secrets

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from yuanqu.accounts.services import notify
from yuanqu.audit.models import AuditEntry
from yuanqu.audit.services import audit_log
from yuanqu.news import services as articles
from yuanqu.news.models import Article

from ..models import Appeal, CounterNotice, Notice
from .reports import new_ticket


class NoticeError(ValueError):
    """A notice, counter-notice or appeal that cannot be accepted; the message says why."""


def _same_holder(notice: Notice, name: str, email: str) -> bool:
    return notice.rights_holder.strip() == name.strip() or (
        notice.contact_email.lower() == email.strip().lower()
    )


def _refusal(article: Article, name: str, email: str) -> str:
    countered = Notice.objects.filter(article=article, state=Notice.State.COUNTERED)
    if any(_same_holder(notice, name, email) for notice in countered):
        return _(
            "The uploader has answered your earlier notice on this item with a counter-notice, "
            "which was sent to you. The platform does not decide the dispute: please take it to "
            "a court or the competent authority; we act on their decision."
        )
    return ""


@transaction.atomic
def notice_create(*, article: Article, fields: dict, proof, now, ip=None) -> Notice:
    """Record a notice. A valid one takes the article down at once; a repeated one after a
    counter-notice is recorded as refused, with the explanation."""
    refusal = _refusal(article, fields["rights_holder"], fields["contact_email"])
    notice = Notice.objects.create(
        ticket=new_ticket("QL", now),
        key=secrets.token_urlsafe(16),
        article=article,
        state=Notice.State.REFUSED if refusal else Notice.State.ACCEPTED,
        refusal=refusal,
        proof=proof,
        ip=ip,
        created_at=now,
        **fields,
    )
    audit_log(
        event="moderation.notice.received",
        target=notice,
        article=article,
        actor_label=fields["rights_holder"][:100],
        reason=fields["work"][:500],
        after={"ticket": notice.ticket, "state": notice.state},
        ip=ip,
        now=now,
    )
    if refusal:
        return notice
    if articles.can(article, "take_down"):  # a draft or a withdrawn one is not public anyway
        articles.article_take_down(
            article=article,
            actor=None,
            now=now,
            reason=_("Rights holder's notice %(t)s") % {"t": notice.ticket},
            label=fields["rights_holder"][:100],
        )
    uploader = article.submitted_by if article.submitted_by_id else None
    if uploader is not None and uploader.is_active:
        notify(
            user=uploader,
            subject=_("A rights holder's notice on your article《%(t)s》") % {"t": article.title},
            body=_notice_text(notice),
            url=reverse("moderation:counter_notice", kwargs={"ticket": notice.ticket}),
            now=now,
        )
        notice.forwarded_to_uploader = True
    else:
        notice.public = True  # nobody to forward it to: it is published instead
    notice.save(update_fields=["forwarded_to_uploader", "public"])
    return notice


def _notice_text(notice: Notice) -> str:
    return "\n".join(
        [
            f"{_('Rights holder')}：{notice.rights_holder}",
            f"{_('The work or right infringed')}：{notice.work}",
            f"{_('Addresses')}：{notice.urls}",
            _(
                "If the item does not infringe, you may file a counter-notice; the item is then "
                "restored and your counter-notice is sent to the rights holder."
            ),
        ]
    )


@transaction.atomic
def counter_notice_create(*, notice: Notice, user, fields: dict, proof, now) -> CounterNotice:
    """The uploader's answer: restore the item and send the counter-notice to the rights holder."""
    article = notice.article
    if article.submitted_by_id != user.pk:
        raise NoticeError(_("Only the uploader of the item can file a counter-notice."))
    if notice.state != Notice.State.ACCEPTED or hasattr(notice, "counter"):
        raise NoticeError(_("This notice cannot be answered any more."))
    counter = CounterNotice.objects.create(
        notice=notice, created_by=user, created_at=now, proof=proof or "", **fields
    )
    notice.state = Notice.State.COUNTERED
    notice.save(update_fields=["state"])
    audit_log(
        event="moderation.notice.countered",
        target=notice,
        article=article,
        actor=user,
        reason=fields["reasons"][:500],
        after={"state": notice.state},
        now=now,
    )
    if article.status == Article.Status.TAKEN_DOWN:
        articles.article_restore(
            article=article,
            actor=None,
            now=now,
            label=_("counter-notice"),
            reason=_("Counter-notice to %(t)s") % {"t": notice.ticket},
        )
    text = "\n".join(
        [
            f"{_('Counter-notice to')} {notice.ticket}",
            f"{fields['name']}",
            fields["reasons"],
            f"{_('Contact')}：{fields['contact']}",
        ]
    )
    email = notice.contact_email
    subject = _("Counter-notice to your notice %(t)s") % {"t": notice.ticket}
    transaction.on_commit(lambda: send_mail(subject, text, None, [email], fail_silently=True))
    return counter


@transaction.atomic
def appeal_create(*, action: AuditEntry, user, reason: str, now) -> Appeal:
    """An author appeals a moderator's action on their article: once per action."""
    article = action.article
    if article is None or article.submitted_by_id != user.pk:
        raise NoticeError(_("You can only appeal actions on your own articles."))
    if not action.event.startswith("moderation.article.") or action.actor_id is None:
        raise NoticeError(_("Only a moderator's action can be appealed."))
    if Appeal.objects.filter(action=action).exists():
        raise NoticeError(_("This action has already been appealed; an action is appealed once."))
    if not (reason or "").strip():
        raise NoticeError(_("Say why the decision is wrong."))
    appeal = Appeal.objects.create(
        action=action, article=article, appellant=user, reason=reason.strip(), created_at=now
    )
    audit_log(
        event="moderation.appeal.created",
        target=appeal,
        article=article,
        actor=user,
        reason=reason.strip()[:500],
        after={"action": action.pk},
        now=now,
    )
    return appeal


@transaction.atomic
def appeal_decide(*, appeal: Appeal, actor, now, overturn: bool, note: str) -> Appeal:
    """Keep or overturn the appealed action; overturning a takedown or a rejection restores or
    approves the article."""
    if appeal.state != Appeal.State.OPEN:
        raise NoticeError(_("This appeal has been decided."))
    if appeal.action.actor_id == getattr(actor, "pk", None):
        raise NoticeError(_("An appeal is decided by a moderator who did not take the decision."))
    if not (note or "").strip():
        raise NoticeError(_("Write the decision for the author."))
    article = appeal.article
    if overturn:
        if article.status in (Article.Status.TAKEN_DOWN, Article.Status.HIDDEN):
            articles.article_restore(article=article, actor=actor, now=now, reason=note)
        elif article.status == Article.Status.REJECTED:
            articles.article_approve(article=article, actor=actor, now=now, reason=note)
    appeal.state = Appeal.State.OVERTURNED if overturn else Appeal.State.UPHELD
    appeal.decided_by, appeal.decided_at, appeal.decision_note = actor, now, note.strip()
    appeal.save()
    audit_log(
        event=f"moderation.appeal.{appeal.state}",
        target=appeal,
        article=article,
        actor=actor,
        reason=note.strip(),
        after={"state": appeal.state},
        now=now,
    )
    notify(user=appeal.appellant, subject=_("Your appeal was decided"), body=note.strip(), now=now)
    return appeal
