"""Writes of accounts: one-time codes, registration, roles, sanctions and notifications."""

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum.cn import uscc

from . import sms
from .models import Account, Notification, Organisation, PhoneCode, Sanction

MOBILE = re.compile(r"1[3-9][0-9]{9}")
CODE_LIFETIME = timedelta(minutes=10)
CODE_INTERVAL = timedelta(seconds=60)
CODE_TRIES = 5
# Roles are groups; each carries the permissions that make it.
ROLES = {
    "publisher": ("发布者", ["news.submit_article"]),
    "trusted": ("可信发布者", ["news.submit_article", "news.publish_directly"]),
    "moderator": (
        "审核员",
        [
            "moderation.moderate",
            "parks.change_parkfact",
            "parks.change_articlepark",
            "parks.change_membership",
            "parks.change_platform",
            "parks.change_project",
            "parks.change_recognition",
        ],
    ),
    "administrator": ("管理员", ["moderation.moderate", "moderation.manage_policy"]),
}


class AccountError(ValueError):
    """A registration or code that cannot go through; the message says why."""


def _hash(mobile: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{mobile}:{code}".encode(), hashlib.sha256).hexdigest()


def clean_mobile(value: str) -> str:
    mobile = re.sub(r"[\s-]", "", value or "").removeprefix("+86")
    if not MOBILE.fullmatch(mobile):
        raise AccountError(_("Enter an 11-digit mainland mobile number."))
    return mobile


def clean_credit_code(value: str) -> str:
    code = (value or "").strip().upper()
    if not uscc.is_valid(code):
        raise AccountError(
            _("This is not a valid unified social credit code (18 characters, check digit last).")
        )
    return code


@transaction.atomic
def phone_code_send(*, mobile: str, now: datetime) -> PhoneCode:
    """Send a six-digit code; at most one a minute to a number."""
    mobile = clean_mobile(mobile)
    last = PhoneCode.objects.filter(mobile=mobile).first()
    if last is not None and now - last.created_at < CODE_INTERVAL:
        raise AccountError(_("A code was sent less than a minute ago; please wait."))
    code = f"{secrets.randbelow(10**6):06d}"
    row = PhoneCode.objects.create(
        mobile=mobile,
        code_hash=_hash(mobile, code),
        created_at=now,
        expires_at=now + CODE_LIFETIME,
    )
    message = _("Your %(site)s verification code is %(code)s, valid for 10 minutes.") % {
        "site": settings.YUANQU_SITE_NAME,
        "code": code,
    }
    transaction.on_commit(lambda: sms.sender().send(mobile, message))
    return row


def phone_code_verify(*, mobile: str, code: str, now: datetime) -> None:
    """Accept the latest unexpired code for the number, once. Every wrong try is counted and
    committed before the error is raised: a rolled-back count would allow endless guessing."""
    with transaction.atomic():
        row = PhoneCode.objects.select_for_update().filter(mobile=mobile, used_at=None).first()
        if row is None or row.expires_at <= now or row.attempts >= CODE_TRIES:
            error = _("The code has expired or was not sent; ask for a new one.")
        elif not hmac.compare_digest(row.code_hash, _hash(mobile, (code or "").strip())):
            PhoneCode.objects.filter(pk=row.pk).update(attempts=row.attempts + 1)
            error = _("The code is not right.")
        else:
            PhoneCode.objects.filter(pk=row.pk).update(used_at=now)
            error = None
    if error:
        raise AccountError(error)


def role_add(user: User, role: str) -> None:
    user.groups.add(Group.objects.get(name=role))


def role_remove(user: User, role: str) -> None:
    user.groups.remove(Group.objects.get(name=role))


def account_register(
    *,
    kind: str,
    mobile: str,
    code: str,
    password: str,
    now: datetime,
    display_name: str = "",
    organisation_name: str = "",
    credit_code: str = "",
    contact_person: str = "",
    email: str = "",
) -> Account:
    """A publisher's account: a person, or an organisation with its credit code and contact.
    The mobile number, verified by its code, is the login name.

    A wrong code counts against the code's tries in a transaction of its own, which a failed
    registration cannot undo; whether the number or credit code is taken is told only after the
    code is right."""
    mobile = clean_mobile(mobile)
    if kind == Account.Kind.ORGANISATION:
        credit_code = clean_credit_code(credit_code)
    # The code first: only whoever holds the phone learns that its number (or the credit code)
    # is registered already; nobody can probe numbers with a made-up code.
    phone_code_verify(mobile=mobile, code=code, now=now)
    if User.objects.filter(username=mobile).exists():
        raise AccountError(_("This mobile number is already registered."))
    if kind == Account.Kind.ORGANISATION and (
        Organisation.objects.filter(credit_code=credit_code).exists()
    ):
        raise AccountError(_("An organisation with this credit code is already registered."))
    with transaction.atomic():
        organisation = None
        if kind == Account.Kind.ORGANISATION:
            organisation = Organisation.objects.create(
                name=organisation_name.strip(),
                credit_code=credit_code,
                contact_person=contact_person.strip(),
            )
            display_name = organisation.name
        user = User.objects.create_user(username=mobile, password=password, email=email.strip())
        role_add(user, "publisher")
        return Account.objects.create(
            user=user,
            kind=kind,
            display_name=display_name.strip(),
            mobile=mobile,
            mobile_verified_at=now,
            organisation=organisation,
        )


@transaction.atomic
def roles_sync() -> int:
    """Create the role groups (named by their code: publisher, moderator …) with their
    permissions; idempotent. Returns how many groups were created."""
    created = 0
    for code, (_label, permissions) in ROLES.items():
        group, new = Group.objects.get_or_create(name=code)
        created += new
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (permission.split(".") for permission in permissions)
        )
    return created


def role_label(code: str) -> str:
    """A role's name as people read it (审核员)."""
    return ROLES[code][0] if code in ROLES else code


def notify(*, user: User | None, subject: str, body: str, url: str = "", now: datetime) -> None:
    """Tell a user something (in their inbox, and by e-mail when they gave one) after commit."""
    if user is None:
        return
    Notification.objects.create(user=user, subject=subject, body=body, url=url, created_at=now)
    if user.email:
        transaction.on_commit(
            lambda: send_mail(subject, f"{body}\n{url}", None, [user.email], fail_silently=True)
        )


@transaction.atomic
def user_warn(*, user: User, actor: User | None, reason: str, now: datetime) -> Sanction:
    sanction = Sanction.objects.create(
        user=user, kind=Sanction.Kind.WARNING, reason=reason, created_by=actor, created_at=now
    )
    notify(user=user, subject=_("A warning from the moderators"), body=reason, now=now)
    return sanction


@transaction.atomic
def user_suspend(
    *, user: User, actor: User | None, reason: str, until: datetime, now: datetime
) -> Sanction:
    """Suspend until the given time: no sign-in, no submissions."""
    sanction = Sanction.objects.create(
        user=user,
        kind=Sanction.Kind.SUSPENSION,
        reason=reason,
        until=until,
        created_by=actor,
        created_at=now,
    )
    Account.objects.filter(user=user).update(suspended_until=until)
    notify(user=user, subject=_("Your account is suspended"), body=reason, now=now)
    return sanction
