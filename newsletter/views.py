"""
The newsletter's pages: subscribe (double opt-in), confirm, unsubscribe.

Subscribing answers the same whether the address is new, waiting for its
confirmation or already subscribed: only its owner learns anything, by mail.
Both mailed links act on POST only (their pages have a button): mail
scanners open the links in a mail, and must neither subscribe nor
unsubscribe anyone.
"""

from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView

from core.ratelimit import MailLimitMixin

from . import services
from .forms import SubscriptionForm


class SubscribeView(MailLimitMixin, FormView):
    template_name = "newsletter/subscribe.html"
    form_class = SubscriptionForm
    mail_scope = "newsletter"

    def get_initial(self):
        initial = {"language": get_language()}
        if self.request.user.is_authenticated:
            initial["email"] = self.request.user.email
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        if not self.within_mail_limit(data["email"]):
            return self.refuse_too_many(form)
        services.request_subscription(
            email=data["email"], language=data["language"], sections=list(data["sections"]), request=self.request
        )
        return redirect("newsletter:pending")


# Both links act: their answers must never come from the page cache.
@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """
    Confirm a subscription from the mailed link.

    Mail scanners open the links in a mail, so following the link (GET) only
    shows what it confirms and a button; its POST confirms. The signed token
    in the URL authorises it (with the CSRF token of the page).
    """

    def get(self, request, token):
        wanted = services.read_confirmation(token)
        if wanted is None:
            return render(request, "newsletter/link_invalid.html", status=400)
        return render(request, "newsletter/confirm.html", wanted)

    def post(self, request, token):
        subscription = services.confirm_subscription(token)
        if subscription is None:
            return render(request, "newsletter/link_invalid.html", status=400)
        context = {
            "email": subscription.email,
            "language": subscription.language,
            "sections": subscription.sections.all(),
        }
        return render(request, "newsletter/confirmed.html", context)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(View):
    """
    Unsubscribe from the mailed link: its page (GET) names the address and
    has one button, whose POST unsubscribes.

    A mail scanner that opens the link changes nothing. Mail programs that
    offer their own unsubscribe button post to the same address without a
    CSRF token (RFC 8058's one-click ``List-Unsubscribe-Post``): the signed
    token in the URL, not a CSRF token, authorises the POST, so the page's
    own form needs none either.
    """

    def get(self, request, token):
        email = services.read_unsubscribe(token)
        if email is None:
            return render(request, "newsletter/link_invalid.html", status=400)
        return render(request, "newsletter/unsubscribe.html", {"email": email})

    def post(self, request, token):
        email = services.unsubscribe(token)
        if email is None:
            return render(request, "newsletter/link_invalid.html", status=400)
        return render(request, "newsletter/unsubscribed.html", {"email": email})
