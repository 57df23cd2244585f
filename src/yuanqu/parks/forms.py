from django import forms
from django.utils.translation import gettext_lazy as _

from .periods import is_valid_period


class FactReviewForm(forms.Form):
    """An editor's decision on a fact: confirm it, correct its value or period, or reject it."""

    DECISIONS = [
        ("confirm", _("Confirm: the figure is right")),
        ("correct", _("Correct the value or the period")),
        ("reject", _("Reject: not a figure of this park")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    value = forms.DecimalField(
        label=_("Correct value"),
        required=False,
        max_digits=30,
        decimal_places=6,
        help_text=_("In the unit without magnitude: 154920000000 for 1549.2亿元."),
    )
    period = forms.CharField(
        label=_("Correct period"),
        required=False,
        max_length=30,
        help_text=_("2024, 2024-H1, 2024-Q3, 2024-01..2024-08 or 2024-05."),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=200)

    def clean_period(self):
        period = self.cleaned_data["period"].strip()
        if period and not is_valid_period(period):
            raise forms.ValidationError(
                _("Write the period as 2024, 2024-H1, 2024-Q3 or 2024-01..2024-08.")
            )
        return period

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") == "correct"
            and data.get("value") is None
            and not data.get("period")
        ):
            raise forms.ValidationError(_("A correction needs a value or a period."))
        return data


class AddParkForm(forms.Form):
    name = forms.CharField(label=_("Park"), max_length=50)
