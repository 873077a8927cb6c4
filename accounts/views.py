"""
Account pages: sign-up and verification, login, profile, password change
and reset, account deletion, and the scrapbook.

An account is usable once its address is verified. Until then a correct
login leads only to the page that mails the link again.
"""

import csv
from urllib.parse import urlsplit

from axes.utils import reset as reset_axes_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DeleteView, FormView, ListView, TemplateView, UpdateView, View

from core.mail import absolute_url
from core.ratelimit import MailLimitMixin, allow
from core.spreadsheets import spreadsheet_safe
from newsletter.services import is_subscribed

from . import forms, services
from .models import Scrap, User
from .tokens import email_verification_token

# The session key that remembers who logged in with a correct password but an unverified address.
UNVERIFIED_SESSION_KEY = "accounts_unverified_user"
# Mails with a new verification link one account may ask for in an hour.
VERIFICATION_RESENDS = 3


class VerifiedUserRequiredMixin(LoginRequiredMixin):
    """Let in logged-in users whose address is verified; send an unverified one to the resend page."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.email_verified:
            request.session[UNVERIFIED_SESSION_KEY] = request.user.pk
            return redirect("accounts:verification-pending")
        return super().dispatch(request, *args, **kwargs)


# Sign-up and verification


class SignupView(MailLimitMixin, FormView):
    template_name = "accounts/signup.html"
    form_class = forms.SignupForm
    mail_scope = "signup"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(settings.LOGIN_REDIRECT_URL)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"preferred_language": get_language()}

    def form_valid(self, form):
        data = form.cleaned_data
        if not self.within_mail_limit(data["email"]):
            return self.refuse_too_many(form)
        services.register_user(
            email=data["email"],
            display_name=data["display_name"],
            preferred_language=data["preferred_language"],
            password=data["password1"],
            request=self.request,
        )
        return redirect("accounts:signup-done")


class SignupDoneView(TemplateView):
    """The same page whether the address was new or already had an account."""

    template_name = "accounts/signup_done.html"


def user_from_uid(uidb64):
    try:
        return User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None


@method_decorator(never_cache, name="dispatch")
class VerifyEmailView(View):
    """
    Verify the address of the account a mailed link names.

    Mail scanners open the links in a mail, so following the link (GET) only
    shows a button; its POST verifies the address. The signed token in the
    URL authorises it (with the CSRF token of the page). A wrong, expired or
    used link shows why it does not work, on GET and POST alike.
    """

    def user_of_link(self, uidb64, token):
        user = user_from_uid(uidb64)
        if user is None or not email_verification_token.check_token(user, token):
            return None
        return user

    def get(self, request, uidb64, token):
        user = self.user_of_link(uidb64, token)
        if user is None:
            return render(request, "accounts/verify_invalid.html", status=400)
        return render(request, "accounts/verify_confirm.html", {"email": user.email})

    def post(self, request, uidb64, token):
        user = self.user_of_link(uidb64, token)
        if user is None:
            return render(request, "accounts/verify_invalid.html", status=400)
        services.verify_email(user)
        request.session.pop(UNVERIFIED_SESSION_KEY, None)
        messages.success(request, _("Thank you: your e-mail address is verified. You can now log in."))
        return redirect("accounts:login")


class VerificationPendingView(TemplateView):
    """Where an unverified account's correct login leads: the address to verify, and a button to mail the link again."""

    template_name = "accounts/verification_pending.html"

    def get_unverified_user(self):
        pk = self.request.session.get(UNVERIFIED_SESSION_KEY)
        if pk is None:
            return None
        return User.objects.filter(pk=pk, email_verified=False).first()

    def get(self, request, *args, **kwargs):
        self.unverified_user = self.get_unverified_user()
        if self.unverified_user is None:
            return redirect("accounts:login")
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.unverified_user = self.get_unverified_user()
        if self.unverified_user is None:
            return redirect("accounts:login")
        if request.POST.get("action") == "start-over":
            # A mistyped address: the account goes, and sign-up starts afresh.
            services.discard_unverified_account(user=self.unverified_user)
            request.session.pop(UNVERIFIED_SESSION_KEY, None)
            messages.success(
                request, _("The unverified account is deleted. You can sign up again with the right address.")
            )
            return redirect("accounts:signup")
        if not allow("verify-resend", self.unverified_user.pk, VERIFICATION_RESENDS, 3600):
            return self.render_to_response(self.get_context_data(too_many=True), status=429)
        services.send_verification_mail(self.unverified_user, request)
        messages.success(request, _("A new link is on its way to %(email)s.") % {"email": self.unverified_user.email})
        return redirect("accounts:verification-pending")

    def get_context_data(self, **kwargs):
        return super().get_context_data(unverified_user=self.unverified_user, **kwargs)


# Login


class LoginView(auth_views.LoginView):
    """Log in; ``?next=`` is followed only within the site (Django checks the host and scheme)."""

    template_name = "accounts/login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True

    def get_redirect_url(self):
        # Never back to the login page itself: a logged-in reader would be sent round in a loop.
        url = super().get_redirect_url()
        return "" if urlsplit(url).path == self.request.path else url

    def form_valid(self, form):
        user = form.get_user()
        if not user.email_verified:
            self.request.session[UNVERIFIED_SESSION_KEY] = user.pk
            return redirect("accounts:verification-pending")
        self.request.session.pop(UNVERIFIED_SESSION_KEY, None)
        return super().form_valid(form)


# Profile, password and deletion


class ProfileView(VerifiedUserRequiredMixin, UpdateView):
    template_name = "accounts/profile.html"
    form_class = forms.ProfileForm
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user

    def get_initial(self):
        return {"newsletter": is_subscribed(self.request.user.email)}

    def form_valid(self, form):
        response = super().form_valid(form)
        services.set_newsletter(user=self.object, wanted=form.cleaned_data["newsletter"])
        messages.success(self.request, _("Your profile is saved."))
        return response


class PasswordChangeView(VerifiedUserRequiredMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)


class DeleteAccountView(VerifiedUserRequiredMixin, FormView):
    """Delete one's own account and all its data, after typing the password."""

    template_name = "accounts/delete_account.html"
    form_class = forms.DeleteAccountForm

    def form_valid(self, form):
        user = self.request.user
        # Through authenticate(), so that django-axes counts wrong passwords here too.
        confirmed = authenticate(self.request, username=user.username, password=form.cleaned_data["password"])
        if confirmed is None or confirmed.pk != user.pk:
            form.add_error("password", _("This is not your password."))
            return self.form_invalid(form)
        services.delete_account(user=user)
        logout(self.request)
        messages.success(self.request, _("Your account and everything it held are deleted. Goodbye."))
        return redirect("home")


# Password reset: Django's views, our templates and mail, and an hourly limit.


class PasswordResetView(MailLimitMixin, auth_views.PasswordResetView):
    """Mail a reset link; the answer is the same whether an account has the address or not."""

    template_name = "accounts/password_reset.html"
    form_class = forms.PasswordResetForm
    email_template_name = "accounts/mail/password_reset"
    success_url = reverse_lazy("accounts:password-reset-done")
    mail_scope = "password-reset"

    def form_valid(self, form):
        if not self.within_mail_limit(form.cleaned_data["email"]):
            return self.refuse_too_many(form)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Following the link proved the address, and the owner may now log in again at once.
        services.verify_email(self.user)
        reset_axes_lockout(username=self.user.username)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# The scrapbook


class OwnScrapMixin(VerifiedUserRequiredMixin):
    """Act on the user's own scraps only: another user's scrap is not found (404)."""

    def get_queryset(self):
        return Scrap.objects.filter(user=self.request.user)


class ScrapbookView(OwnScrapMixin, ListView):
    template_name = "accounts/scrapbook.html"
    context_object_name = "scraps"
    paginate_by = 20

    def get_queryset(self):
        return super().get_queryset().with_articles()


class ScrapNoteView(OwnScrapMixin, UpdateView):
    http_method_names = ["post"]
    form_class = forms.ScrapNoteForm
    success_url = reverse_lazy("accounts:scrapbook")

    def form_valid(self, form):
        messages.success(self.request, _("Your note is saved."))
        return super().form_valid(form)

    def form_invalid(self, form):
        for error in form.errors.get("note", []):
            messages.error(self.request, _("The note was not saved: %(error)s") % {"error": error})
        return redirect(self.success_url)


class ScrapRemoveView(OwnScrapMixin, DeleteView):
    http_method_names = ["post"]
    success_url = reverse_lazy("accounts:scrapbook")

    def form_valid(self, form):
        messages.success(self.request, _("The article is removed from your scrapbook."))
        return super().form_valid(form)


class ScrapbookExportView(OwnScrapMixin, View):
    """The whole scrapbook as CSV, in the reader's language (UTF-8 with a BOM, which spreadsheets need)."""

    def get(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="scrapbook.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([_("Title"), _("Address"), _("Published"), _("Scrapped"), _("Note")])
        for scrap in self.get_queryset().with_articles():
            article = scrap.article
            if article is None:
                row = [_("No longer available"), "", ""]
            else:
                row = [
                    article.title,
                    absolute_url(article.get_absolute_url(), request),
                    article.publish_date.date().isoformat(),
                ]
            row += [scrap.created.date().isoformat(), scrap.note]
            writer.writerow([spreadsheet_safe(value) for value in row])
        return response
