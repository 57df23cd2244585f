from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Account
from .services import AccountError, clean_credit_code, clean_mobile


class RegisterForm(forms.Form):
    """A publisher's registration. The code is sent by the form's first button; what was typed
    stays in the form meanwhile."""

    kind = forms.ChoiceField(
        label=_("I register as"),
        choices=Account.Kind.choices,
        widget=forms.RadioSelect,
        initial=Account.Kind.INDIVIDUAL,
    )
    display_name = forms.CharField(
        label=_("Name shown on your articles"), max_length=100, required=False
    )
    organisation_name = forms.CharField(
        label=_("Organisation name"), max_length=100, required=False
    )
    credit_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("18 characters, as on the business licence."),
    )
    contact_person = forms.CharField(label=_("Contact person"), max_length=50, required=False)
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        help_text=_("It is your login name; a code is sent to it."),
    )
    code = forms.CharField(label=_("Verification code"), max_length=6, required=False)
    email = forms.EmailField(label=_("E-mail (optional, for notices)"), required=False)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(render_value=True),
        help_text=_("At least 10 characters, not only digits."),
    )
    password_again = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(render_value=True)
    )
    agree = forms.BooleanField(
        label=_(
            "I will publish only what I have the right to publish, and I accept that "
            "the site removes unlawful content and reports it as the law requires."
        ),
    )

    def clean_mobile(self):
        try:
            return clean_mobile(self.cleaned_data["mobile"])
        except AccountError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        data = super().clean()
        if data.get("kind") == Account.Kind.ORGANISATION:
            for name in ("organisation_name", "credit_code", "contact_person"):
                if not (data.get(name) or "").strip():
                    self.add_error(name, _("Needed for an organisation."))
            if data.get("credit_code"):
                try:
                    data["credit_code"] = clean_credit_code(data["credit_code"])
                except AccountError as error:
                    self.add_error("credit_code", str(error))
        elif not (data.get("display_name") or "").strip():
            self.add_error("display_name", _("Needed: the name your articles are shown with."))
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        elif data.get("password"):
            try:
                password_validation.validate_password(data["password"])
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class LoginForm(AuthenticationForm):
    """Sign in with the mobile number; a suspended account is told until when."""

    username = forms.CharField(label=_("Mobile number or user name"), max_length=150)

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        account = getattr(user, "account", None)
        if account is not None and account.is_suspended(timezone.now()):
            raise forms.ValidationError(
                _("This account is suspended until %(until)s.")
                % {"until": timezone.localtime(account.suspended_until).strftime("%Y-%m-%d %H:%M")},
                code="suspended",
            )
