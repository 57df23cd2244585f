import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User

from tests.factories import VALID_CREDIT_CODE
from yuanqu.accounts import services, sms
from yuanqu.accounts.forms import LoginForm
from yuanqu.accounts.models import Account, PhoneCode
from yuanqu.accounts.services import (
    AccountError,
    account_register,
    clean_credit_code,
    phone_code_send,
    phone_code_verify,
    user_suspend,
)

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def sent_code(mobile: str, django_capture_on_commit_callbacks, now=NOW) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        phone_code_send(mobile=mobile, now=now)
    number, message = sms.outbox[-1]
    assert number == mobile
    return re.search(r"\d{6}", message)[0]


def test_credit_codes_are_checked_by_their_check_digit():
    assert clean_credit_code(" 91110000600037341l ") == VALID_CREDIT_CODE
    for wrong in ("91110000600037341X", "9111000060003734", "", "abcdefghijklmnopqr"):
        with pytest.raises(AccountError, match="统一社会信用代码无效"):
            clean_credit_code(wrong)


def test_a_code_is_sent_once_a_minute_and_good_for_five_tries(django_capture_on_commit_callbacks):
    code = sent_code("13812345678", django_capture_on_commit_callbacks)
    with pytest.raises(AccountError, match="不足一分钟"):
        phone_code_send(mobile="13812345678", now=NOW + timedelta(seconds=30))
    stored = PhoneCode.objects.get().code_hash
    assert code not in stored and stored == services._hash("13812345678", code)  # a keyed hash
    for _ in range(5):
        with pytest.raises(AccountError, match="不正确"):
            phone_code_verify(
                mobile="13812345678", code="000000" if code != "000000" else "111111", now=NOW
            )
    with pytest.raises(AccountError, match="过期"):  # five wrong tries use the code up
        phone_code_verify(mobile="13812345678", code=code, now=NOW)


def test_a_code_expires_after_ten_minutes(django_capture_on_commit_callbacks):
    code = sent_code("13812345678", django_capture_on_commit_callbacks)
    with pytest.raises(AccountError, match="过期"):
        phone_code_verify(mobile="13812345678", code=code, now=NOW + timedelta(minutes=11))


def test_an_organisation_registers_with_its_credit_code_and_a_verified_mobile(
    django_capture_on_commit_callbacks,
):
    code = sent_code("13912345678", django_capture_on_commit_callbacks)
    account = account_register(
        kind="organisation",
        mobile="139 1234 5678",
        code=code,
        password="园区网-test-2026",
        now=NOW,
        organisation_name="常州启衡储能科技有限公司",
        credit_code=VALID_CREDIT_CODE,
        contact_person="王经理",
    )
    assert account.display_name == "常州启衡储能科技有限公司"
    assert account.organisation.credit_code == VALID_CREDIT_CODE
    assert account.user.username == "13912345678"
    assert account.user.password.startswith("argon2")
    assert account.user.has_perm("news.submit_article")
    assert not account.user.has_perm("news.publish_directly")
    again = dict(kind="individual", mobile="13912345678", password="x" * 12, display_name="张三")
    # Without the phone's code, nobody learns that the number is registered …
    with pytest.raises(AccountError, match="验证码") as refused:
        account_register(**again, code="123456", now=NOW + timedelta(minutes=2))
    assert "已注册" not in str(refused.value)
    # … the phone's owner does.
    fresh = sent_code("13912345678", django_capture_on_commit_callbacks, NOW + timedelta(minutes=2))
    with pytest.raises(AccountError, match="已注册"):
        account_register(**again, code=fresh, now=NOW + timedelta(minutes=3))


def test_a_wrong_code_counts_even_though_registration_fails(django_capture_on_commit_callbacks):
    sent_code("13712345678", django_capture_on_commit_callbacks)
    with pytest.raises(AccountError):
        account_register(
            kind="individual",
            mobile="13712345678",
            code="999999",
            password="园区网-test-2026",
            now=NOW,
            display_name="张三",
        )
    assert PhoneCode.objects.get().attempts == 1
    assert not User.objects.filter(username="13712345678").exists()


def test_a_suspended_account_cannot_sign_in(rf):
    user = User.objects.create_user("13612345678", password="园区网-test-2026")
    Account.objects.create(user=user, kind="individual", display_name="李四", mobile="13612345678")
    user_suspend(
        user=user,
        actor=None,
        reason="多次发布广告",
        until=datetime(2099, 1, 1, tzinfo=UTC),
        now=NOW,
    )
    form = LoginForm(rf.post("/"), data={"username": "13612345678", "password": "园区网-test-2026"})
    assert not form.is_valid() and "暂停使用" in str(form.errors)
    # The password is right (the backend accepts it): the form refuses the suspension.
    assert authenticate(username="13612345678", password="园区网-test-2026") == user
    assert user.notifications.get().subject == "您的账户已被暂停使用"


def test_operators_grant_and_remove_roles_from_the_command_line():
    from io import StringIO

    from django.core.management import CommandError, call_command

    user = User.objects.create_user("13512345678", password="园区网-test-2026")
    out = StringIO()
    call_command("grant_role", "13512345678", "moderator", stdout=out)
    assert "审核员" in out.getvalue()
    assert User.objects.get(pk=user.pk).has_perm("moderation.moderate")
    call_command("grant_role", "13512345678", "moderator", remove=True, stdout=out)
    assert not User.objects.get(pk=user.pk).has_perm("moderation.moderate")
    with pytest.raises(CommandError, match="没有用户"):
        call_command("grant_role", "nobody", "trusted", stdout=out)
