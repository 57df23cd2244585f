from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from pypdf import PdfReader

from . import challenge
from .models import Category

EVIDENCE_TYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}
EVIDENCE_MAX = 10 * 2**20


def _readable(upload) -> bool:
    """The file is what it says it is, read through: a PDF with at least one page, or a picture
    whose data decodes. A name, a type or a first line is not proof of anything."""
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return len(PdfReader(upload, strict=False).pages) > 0
        with PILImage.open(upload) as picture:
            if picture.format not in ("JPEG", "PNG", "WEBP"):
                return False
            picture.verify()
        return True
    except Exception:  # every reader's way of saying "not this kind of file"
        return False
    finally:
        upload.seek(0)


def check_evidence(upload):
    """A picture (JPEG, PNG, WebP) or a PDF of at most 10 MB that opens as one; anything else
    is refused. The size is checked before a byte is read."""
    if upload is None:
        return upload
    if upload.size > EVIDENCE_MAX or not _readable(upload):
        raise forms.ValidationError(
            _("Attach a picture (JPEG, PNG, WebP) or a PDF of at most 10 MB.")
        )
    return upload


class ChallengeMixin(forms.Form):
    """A question people answer (see `challenge`), asked of those who are not signed in. Each
    showing of the form asks a new question; the answer is checked against the one asked."""

    answer = forms.CharField(label=_("Your answer"), max_length=4, required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, with_challenge: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.asked = None
        if not with_challenge:
            del self.fields["answer"], self.fields["token"]
            return
        question, token = challenge.new()
        self.fields["answer"].label = _("Please answer: %(q)s") % {"q": question}
        self.fields["token"].initial = token
        if self.is_bound:
            self.asked = (self.data.get("token", ""), self.data.get("answer", ""))
            self.data = self.data.copy()
            self.data["token"], self.data["answer"] = token, ""

    def clean(self):
        data = super().clean()
        if self.asked is not None and not challenge.passed(*self.asked):
            self.add_error("answer", _("The answer is not right; please answer the new question."))
        return data


class ReportForm(ChallengeMixin):
    category = forms.ChoiceField(
        label=_("What is wrong"), choices=Category.choices, widget=forms.RadioSelect
    )
    url = forms.CharField(
        label=_("Address of the content"),
        max_length=500,
        required=False,
        help_text=_("Filled in when you report from an article."),
    )
    details = forms.CharField(
        label=_("Details"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    evidence = forms.FileField(
        label=_("Evidence (optional)"), required=False, validators=[check_evidence]
    )
    contact = forms.CharField(
        label=_("How to reach you (optional)"), max_length=100, required=False
    )
    field_order = ["category", "url", "details", "evidence", "contact", "answer", "token"]


class NoticeForm(ChallengeMixin):
    rights_holder = forms.CharField(label=_("Rights holder"), max_length=100)
    contact_email = forms.EmailField(label=_("E-mail"))
    contact_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    address = forms.CharField(label=_("Postal address"), max_length=200)
    work = forms.CharField(
        label=_("The work or right infringed"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    urls = forms.CharField(
        label=_("Addresses of the infringing items on this site"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One address a line, e.g. https://…/news/123/"),
    )
    proof = forms.FileField(
        label=_("Proof of your right (licence, registration, contract …)"),
        validators=[check_evidence],
    )
    signature = forms.CharField(label=_("Signed by"), max_length=50)
    statement = forms.BooleanField(
        label=_(
            "I state that the information in this notice is true and that I hold the right "
            "or act for its holder; I bear the legal consequences of a false notice."
        )
    )
    field_order = [
        "rights_holder",
        "contact_email",
        "contact_phone",
        "address",
        "work",
        "urls",
        "proof",
        "signature",
        "statement",
        "answer",
        "token",
    ]


class CounterNoticeForm(forms.Form):
    name = forms.CharField(label=_("Your name or organisation"), max_length=100)
    contact = forms.CharField(label=_("Phone or e-mail"), max_length=100)
    address = forms.CharField(label=_("Postal address"), max_length=200)
    reasons = forms.CharField(
        label=_("Why the item does not infringe"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    proof = forms.FileField(
        label=_("Proof (optional)"), required=False, validators=[check_evidence]
    )
    signature = forms.CharField(label=_("Signed by"), max_length=50)
    statement = forms.BooleanField(
        label=_(
            "I state that the information is true and that I bear the legal consequences "
            "of a false counter-notice."
        )
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
