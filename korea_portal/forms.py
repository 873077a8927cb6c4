from django import forms
from django.utils.translation import gettext_lazy as _

from core.validators import single_line


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100, validators=[single_line])
    email = forms.EmailField(label=_("Your e-mail address"), validators=[single_line])
    subject = forms.CharField(label=_("Subject"), max_length=150, validators=[single_line])
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000, min_length=10
    )
