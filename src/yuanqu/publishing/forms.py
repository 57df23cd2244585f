from django import forms
from django.utils.translation import gettext_lazy as _

from yuanqu.regions.models import Region

MAX_IMAGES = 3


class SubmitForm(forms.Form):
    """What a publisher writes; pictures are uploaded with it, up to three with captions."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary (optional)"),
        max_length=120,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    body = forms.CharField(
        label=_("Body"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "One paragraph a line; a line starting with “## ” is a heading; [图1] places "
            "the first picture. You may also paste a web page: only its text and headings "
            "are kept."
        ),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, to_field_name="code"
    )
    parks = forms.CharField(
        label=_("Parks (optional)"),
        max_length=200,
        required=False,
        help_text=_("Separate names with 、, e.g. 常州高新区、武进高新区"),
    )
    source_name = forms.CharField(label=_("Source"), max_length=100, required=False)
    original_url = forms.URLField(
        label=_("Original address"), max_length=500, required=False, assume_scheme="https"
    )
    original_author = forms.CharField(label=_("Original author"), max_length=100, required=False)
    original_title = forms.CharField(label=_("Original title"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_IMAGES + 1):
            self.fields[f"image{number}"] = forms.FileField(
                label=_("Picture %(n)d") % {"n": number},
                required=False,
                widget=forms.ClearableFileInput(
                    attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
                ),
            )
            self.fields[f"caption{number}"] = forms.CharField(
                label=_("Caption of picture %(n)d") % {"n": number}, max_length=200, required=False
            )
