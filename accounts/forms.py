import re

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.languages import native_choices
from core.mail import build_mail, clean_normalised_email, normalise_email, send_after_commit
from core.validators import single_line

from .models import Scrap, User

# How many people one article may be e-mailed to at once.
MAX_RECIPIENTS = 5
# Commas and semicolons, also the full-width ones of Chinese and Japanese keyboards, and spaces.
RECIPIENT_SEPARATORS = re.compile(r"[,;，；、\s]+")
# Each language named in itself, as the language bar names it.
LANGUAGE_CHOICES = native_choices()


def password_help_text():
    """Return the password rules as plain sentences (the form include puts help text in a paragraph)."""
    return " ".join(password_validation.password_validators_help_texts())


class LoginForm(auth_forms.AuthenticationForm):
    """Log in with the e-mail address (readers) or the username (editors)."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address (or username) and password do not match an account."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = _("E-mail address or username")
        # Long enough for any e-mail address, not only a username.
        username.max_length = 254
        username.widget.attrs.update({"autocomplete": "username", "maxlength": "254"})

    def clean(self):
        # An address is turned into its account's username before authenticating, so
        # that django-axes counts failures against one name whichever the reader typed.
        identifier = self.cleaned_data.get("username") or ""
        if "@" in identifier:
            username = User.objects.filter(email__iexact=identifier.strip()).values_list("username", flat=True).first()
            if username:
                self.cleaned_data["username"] = username
        return super().clean()


class SignupForm(auth_forms.SetPasswordMixin, forms.Form):
    """
    Register with an e-mail address, a display name and a password.

    Whether the address already has an account is never said here: the
    service mails the address instead, so the form answers the same either way.
    """

    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=100,
        validators=[single_line],
        help_text=_("Shown with what you write on the portal; not your e-mail address."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=LANGUAGE_CHOICES, help_text=_("The language of our mails to you.")
    )
    password1, password2 = auth_forms.SetPasswordMixin.create_password_fields()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = password_help_text()

    def clean_email(self):
        return clean_normalised_email(self)

    def clean(self):
        self.validate_passwords()
        candidate = User(
            username="",
            email=self.cleaned_data.get("email", ""),
            display_name=self.cleaned_data.get("display_name", ""),
        )
        self.validate_password_for_user(candidate)
        return super().clean()


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Check the old password through authenticate(), so django-axes counts wrong ones here too."""

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = password_help_text()

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        confirmed = authenticate(self.request, username=self.user.get_username(), password=old_password)
        if confirmed is None or confirmed.pk != self.user.pk:
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = password_help_text()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """
    Mail the reset link in the user's own language, from a task queued after the transaction commits.

    The request only queues ``accounts.tasks.send_password_reset`` with the
    address typed: looking the account up, making the link and building the
    mail are the task's. The request does the same work whether an account
    has the address or not, so neither its answer nor its time tells.
    """

    def save(self, *, request=None, domain_override=None, use_https=False, email_template_name=None, **kwargs):
        # Imported here: accounts.tasks imports this module.
        from .tasks import send_password_reset

        send_password_reset.delay_on_commit(
            self.cleaned_data["email"],
            domain=domain_override or request.get_host(),
            use_https=use_https,
            email_template_name=email_template_name,
        )

    def send_reset_mails(self, *, domain, use_https, email_template_name):
        """Mail the link to every active account of the address (none, or one): Django's own ``save()``."""
        super().save(domain_override=domain, use_https=use_https, email_template_name=email_template_name)

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        user = context["user"]
        send_after_commit(build_mail(email_template_name, context, to=[to_email], language=user.preferred_language))


class ProfileForm(forms.ModelForm):
    """What a user may change about themselves; the newsletter choice is their address's subscription."""

    newsletter = forms.BooleanField(
        label=_("Send me the newsletter"),
        required=False,
        help_text=_("The latest articles, in your preferred language."),
    )

    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]
        help_texts = {"preferred_language": _("The language of our mails to you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].validators.append(single_line)
        self.fields["preferred_language"].choices = LANGUAGE_CHOICES


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is you."),
    )


class ScrapNoteForm(forms.ModelForm):
    class Meta:
        model = Scrap
        fields = ["note"]
        labels = {"note": _("Private note")}
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "maxlength": 1000})}


class ArticleEmailForm(forms.Form):
    """Whom to send an article to, and a short line of one's own; every field refuses line breaks."""

    recipients = forms.CharField(
        label=_("Recipients"),
        max_length=1000,
        validators=[single_line],
        help_text=format_lazy(_("Up to {count} e-mail addresses, separated by commas."), count=MAX_RECIPIENTS),
        widget=forms.TextInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    message = forms.CharField(
        label=_("Your message (optional)"),
        max_length=300,
        required=False,
        validators=[single_line],
        help_text=_("Plain text, one line, at most 300 characters."),
    )

    def clean_recipients(self):
        addresses = []
        for address in RECIPIENT_SEPARATORS.split(self.cleaned_data["recipients"]):
            if not address:
                continue
            try:
                validate_email(address)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(address)s” is not a valid e-mail address."), code="invalid", params={"address": address}
                ) from None
            if normalise_email(address) not in map(normalise_email, addresses):
                addresses.append(address)
        if not addresses:
            raise forms.ValidationError(_("Enter at least one e-mail address."), code="required")
        if len(addresses) > MAX_RECIPIENTS:
            raise forms.ValidationError(
                _("Enter at most %(limit)d e-mail addresses."), code="too_many", params={"limit": MAX_RECIPIENTS}
            )
        return addresses
