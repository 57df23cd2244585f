"""Rights holders' notices, uploaders' counter-notices, authors' appeals.

The notice-and-takedown process protects uploaders as well as rights holders (信息网络传播权保护
条例, art. 14–17):

- A notice names the work and the addresses of the items; its proof is read, not trusted by its
  name (see `forms.check_evidence`). It counts only once its sender has confirmed the e-mail
  address, by the link sent there.
- Then at most `YUANQU_NOTICE_INSTANT_ITEMS` items of uploaders are taken down at once and
  forwarded to their uploaders (or published on the public notices page when there is nobody to
  reach). The other items, editorial articles (the platform published them; a moderator
  decides), and any item already answered by a counter-notice wait for a moderator, with a
  deadline.
- An uploader may answer with a counter-notice: the item is restored and the counter-notice is
  sent to the rights holder. A later notice on that item is never acted on at once, whoever
  sends it: the dispute is for a court or the competent authority, and a moderator reads it.
- Senders are limited per address and per e-mail; moderators see a sender's history and the
  notices on each item.
"""

import hashlib
import secrets
import unicodedata
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from yuanqu.accounts.services import notify
from yuanqu.audit.models import AuditEntry
from yuanqu.audit.services import audit_log
from yuanqu.news import services as articles
from yuanqu.news.models import Article

from ..models import Appeal, CounterNotice, Notice
from .reports import deadline_hours, new_ticket

CONFIRM_WITHIN = timedelta(hours=24)
APPEAL_MAX, NOTE_MAX = 5000, 2000  # characters of an appeal, of a decision
FIELDS = ("rights_holder", "contact_email", "contact_phone", "address", "work", "urls", "signature")


class NoticeError(ValueError):
    """A notice, counter-notice or appeal that cannot be accepted; the message says why."""


def work_key(work: str) -> str:
    """The claimed work, reduced to what identifies it (width, case, spaces and punctuation
    do not): the same claim on the same item is recognised whoever sends it."""
    text = unicodedata.normalize("NFKC", work).lower()
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")
    return hashlib.sha256(kept.encode()).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def notice_create(
    *,
    articles: list[Article],
    fields: dict,
    proof: File,
    now: datetime,
    ip: str | None = None,
    base_url: str = "",
) -> list[Notice]:
    """Record a sending: one notice per item, nothing acted on until the sender confirms the
    e-mail address by the link mailed to it (`notice_confirm`). Returns the notices, the first
    one's status page being the sending's."""
    if not articles:
        raise NoticeError(_("Give the address of at least one article on this site."))
    if len(articles) > settings.YUANQU_NOTICE_MAX_ITEMS:
        raise NoticeError(
            _("A notice names at most %(n)d items; send the others in another notice.")
            % {"n": settings.YUANQU_NOTICE_MAX_ITEMS}
        )
    batch, key, token = new_ticket("QL", now), secrets.token_urlsafe(16), secrets.token_urlsafe(24)
    notices = []
    for article in articles:
        notice = Notice.objects.create(
            ticket=batch if not notices else new_ticket("QL", now),
            batch=batch,
            key=key,
            article=article,
            state=Notice.State.UNCONFIRMED,
            confirm_hash=_token_hash(token),
            work_key=work_key(fields["work"]),
            proof=proof,
            ip=ip,
            created_at=now,
            **{name: fields[name] for name in FIELDS},
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
        notices.append(notice)
    link = base_url + reverse("moderation:notice_confirm", kwargs={"ticket": batch, "token": token})
    subject = _("Confirm your notice %(t)s") % {"t": batch}
    body = _confirm_text(notices, link)
    email = fields["contact_email"]
    transaction.on_commit(lambda: send_mail(subject, body, None, [email], fail_silently=True))
    return notices


def _confirm_text(notices: list[Notice], link: str) -> str:
    return "\n".join(
        [
            _("We received your notice %(t)s on %(n)d items of our site.")
            % {"t": notices[0].batch, "n": len(notices)},
            _("It counts once you confirm this address: open the link below within 24 hours."),
            link,
            _("If you did not send it, ignore this message: nothing happens."),
        ]
    )


def _queued_because(notice: Notice, instant_left: int) -> str:
    """Why an item waits for a moderator instead of coming down at once ("" when it need not)."""
    article = notice.article
    earlier = Notice.objects.filter(article=article).exclude(pk=notice.pk)
    if earlier.filter(state=Notice.State.COUNTERED).exists():
        same = earlier.filter(state=Notice.State.COUNTERED, work_key=notice.work_key).exists()
        return (
            _("The uploader answered an earlier notice on this work with a counter-notice.")
            if same
            else _("The uploader answered an earlier notice on this item with a counter-notice.")
        )
    if not article.submitted_by_id:
        return _("An editorial article: a moderator decides.")
    if instant_left <= 0:
        return _("Beyond the number of items one notice takes down at once.")
    return ""


@transaction.atomic
def notice_confirm(*, batch: str, token: str, now: datetime) -> list[Notice]:
    """The sender opened the link mailed to them: the notices of the sending count now. Items
    of uploaders come down at once, up to the limit; the others wait for a moderator."""
    notices = list(
        Notice.objects.select_for_update(of=("self",))
        .filter(batch=batch)
        .select_related("article__submitted_by")
        .order_by("id")
    )
    if not notices or not constant_time_compare(notices[0].confirm_hash, _token_hash(token)):
        raise NoticeError(_("This link is not valid."))
    waiting = [notice for notice in notices if notice.state == Notice.State.UNCONFIRMED]
    if not waiting:
        return notices  # confirmed before: the link works once
    if now - waiting[0].created_at > CONFIRM_WITHIN:
        raise NoticeError(_("This link has expired; please send the notice again."))
    instant_left = settings.YUANQU_NOTICE_INSTANT_ITEMS
    for notice in waiting:
        notice.confirmed_at = now
        reason = _queued_because(notice, instant_left)
        if reason:
            _queue(notice, reason=reason, now=now)
        elif articles.can(notice.article, "take_down"):
            _take_down(notice, now=now)
            instant_left -= 1
        else:  # a draft or a withdrawn item is not public anyway
            notice.state = Notice.State.ACCEPTED
            notice.save(update_fields=["state", "confirmed_at"])
    return notices


def _queue(notice: Notice, *, reason: str, now: datetime) -> None:
    notice.state, notice.queued_because = Notice.State.QUEUED, reason
    notice.deadline_at = now + timedelta(hours=deadline_hours("notice"))
    notice.save(update_fields=["state", "queued_because", "deadline_at", "confirmed_at"])
    audit_log(
        event="moderation.notice.queued",
        target=notice,
        article=notice.article,
        actor_label=notice.rights_holder[:100],
        reason=reason,
        after={"state": notice.state},
        now=now,
    )


def _take_down(notice: Notice, *, now: datetime, actor: User | None = None) -> None:
    article = notice.article
    if articles.can(article, "take_down"):
        articles.article_take_down(
            article=article,
            actor=actor,
            now=now,
            reason=_("Rights holder's notice %(t)s") % {"t": notice.ticket},
            label=notice.rights_holder[:100],
        )
    notice.state = Notice.State.ACCEPTED
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
    notice.save(
        update_fields=[
            "state",
            "forwarded_to_uploader",
            "public",
            "confirmed_at",
            "decided_by",
            "decided_at",
        ]
    )


@transaction.atomic
def notice_decide(
    *, notice: Notice, actor: User | None, now: datetime, accept: bool, note: str
) -> Notice:
    """A moderator decides a notice that waited for them: take the item down (and forward the
    notice, as if it had come down at once), or refuse it, saying why to the sender."""
    if notice.state != Notice.State.QUEUED:
        raise NoticeError(_("This notice is not waiting for a decision."))
    note = (note or "").strip()
    if not note:
        raise NoticeError(_("Write the decision for the sender."))
    if len(note) > NOTE_MAX:
        raise NoticeError(_("Keep the outcome within %(n)d characters.") % {"n": NOTE_MAX})
    notice.decided_by, notice.decided_at = actor, now
    if accept:
        _take_down(notice, now=now, actor=actor)
    else:
        notice.state, notice.refusal = Notice.State.REFUSED, note
        notice.save(update_fields=["state", "refusal", "decided_by", "decided_at"])
    audit_log(
        event=f"moderation.notice.{'accepted' if accept else 'refused'}",
        target=notice,
        article=notice.article,
        actor=actor,
        reason=note[:500],
        before={"state": Notice.State.QUEUED},
        after={"state": notice.state},
        now=now,
    )
    email, subject = notice.contact_email, _("Your notice %(t)s was decided") % {"t": notice.ticket}
    transaction.on_commit(lambda: send_mail(subject, note, None, [email], fail_silently=True))
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
def counter_notice_create(
    *, notice: Notice, user: User, fields: dict, proof: File | None, now: datetime
) -> CounterNotice:
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
def appeal_create(*, action: AuditEntry, user: User, reason: str, now: datetime) -> Appeal:
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
    if len(reason.strip()) > APPEAL_MAX:
        raise NoticeError(_("Keep the reason within %(n)d characters.") % {"n": APPEAL_MAX})
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
def appeal_decide(
    *, appeal: Appeal, actor: User | None, now: datetime, overturn: bool, note: str
) -> Appeal:
    """Keep or overturn the appealed action; overturning a takedown or a rejection restores or
    approves the article."""
    if appeal.state != Appeal.State.OPEN:
        raise NoticeError(_("This appeal has been decided."))
    if appeal.action.actor_id == getattr(actor, "pk", None):
        raise NoticeError(_("An appeal is decided by a moderator who did not take the decision."))
    if not (note or "").strip():
        raise NoticeError(_("Write the decision for the author."))
    if len(note.strip()) > NOTE_MAX:
        raise NoticeError(_("Keep the outcome within %(n)d characters.") % {"n": NOTE_MAX})
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
