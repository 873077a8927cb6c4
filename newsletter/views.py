"""
The newsletter's pages: subscribe (double opt-in), confirm, unsubscribe.

Subscribing answers the same whether the address is new, waiting for its
confirmation or already subscribed: only its owner learns anything, by mail.
The confirmation link acts on POST only (its page has a button); the
unsubscribe link works in one click.
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
    Unsubscribe in one click: following the link (GET) is enough.

    Unlike the confirmation link, this one acts on GET, as readers expect of
    an unsubscribe link: a mail scanner that opens it unsubscribes the
    address, which is the safe way round (README, the newsletter).

    POST does the same for mail programs that offer their own unsubscribe
    button (RFC 8058); the signed token, not a CSRF token, authorises it.
    """

    def get(self, request, token):
        email = services.unsubscribe(token)
        if email is None:
            return render(request, "newsletter/link_invalid.html", status=400)
        return render(request, "newsletter/unsubscribed.html", {"email": email})

    post = get
