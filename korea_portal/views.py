import sys

from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_GET
from django.views.generic import FormView, TemplateView

from core.languages import in_reader_language
from core.mail import send_after_commit
from core.ratelimit import allow, client_address
from news.articles import latest_articles
from news.models import Section
from relations.models import Partner, Summit

from .forms import ContactForm
from .outage import is_database_outage, outage_response, standalone_page

# How many messages one address may send the webmaster in an hour.
CONTACT_LIMIT_PER_HOUR = 5


# How many upcoming and how many recent summits the home page shows.
HOME_SUMMITS = 3
# How many partners the home page names (the first by the editors' order); "All partners" leads to every one.
HOME_PARTNERS = 12


class HomeView(TemplateView):
    """The latest articles of every kind, the partners, and the upcoming or recent summits."""

    template_name = "home.html"

    def get_summit_groups(self):
        """Return (heading, summits) for the upcoming summits, soonest first, and the recent ones, latest first."""
        today = timezone.localdate()
        summits = in_reader_language(Summit.objects.select_related("partner"))
        upcoming = summits.filter(date__gte=today).order_by("date", "pk")[:HOME_SUMMITS]
        recent = summits.filter(date__lt=today).order_by("-date", "-pk")[:HOME_SUMMITS]
        groups = [(_("Upcoming summits"), list(upcoming)), (_("Recent summits"), list(recent))]
        return [(heading, group) for heading, group in groups if group]

    def get_context_data(self, **kwargs):
        # Read only when the page's cached fragment is not there to show them.
        return super().get_context_data(
            latest_articles=SimpleLazyObject(lambda: latest_articles(8)),
            partners=in_reader_language(Partner.objects.all())[:HOME_PARTNERS],
            summit_groups=SimpleLazyObject(self.get_summit_groups),
            today=timezone.localdate(),
            **kwargs,
        )


class SitemapView(TemplateView):
    """The HTML sitemap: every section and every partner."""

    template_name = "pages/sitemap.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sections=in_reader_language(Section.objects.all()),
            partners=in_reader_language(Partner.objects.all()),
            **kwargs,
        )


class ContactView(FormView):
    """Send a message to the webmaster; a few an hour from one address."""

    template_name = "pages/contact.html"
    form_class = ContactForm

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        if not allow("contact", client_address(request), CONTACT_LIMIT_PER_HOUR, 3600):
            form.add_error(None, _("You have sent several messages in the last hour. Please try again later."))
            return render(request, self.template_name, self.get_context_data(form=form), status=429)
        data = form.cleaned_data
        # The webmaster reads the site's language; the visitor's own words go in as written.
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("[Contact] %(subject)s") % {"subject": data["subject"]}
            body = _("Message from %(name)s <%(email)s>:\n\n%(message)s") % data
        mail = EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[settings.WEBMASTER_EMAIL],
            reply_to=[data["email"]],
        )
        # A mail server's failure is logged, not shown: the visitor's answer is the same.
        send_after_commit(mail)
        messages.success(request, _("Thank you: your message has been sent to the webmaster."))
        return redirect("contact")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/accounts/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """
    Show the 500 page in the site's look and the visitor's language, without touching the database.

    Django calls this handler while it handles the error, so the error is at
    hand: a database outage raised outside a view (by a middleware, or by the
    404 page) is answered 503 like one raised inside (``korea_portal.outage``).
    """
    if is_database_outage(sys.exception()):
        return outage_response(request)
    return standalone_page(request, "500.html", status=500)


def page_not_found(request, exception):
    """
    The 404 page; for an address without a language, a page that needs no database.

    LocaleMiddleware turns the 404 of an address without a language ("/",
    "/news/") into a redirect to the address in the visitor's language, and
    throws the page away: making it must not read the database, which may be
    down. The other such addresses ("/favicon.ico", probes) get the plain page.
    """
    if translation.get_language_from_path(request.path_info) is None:
        return standalone_page(request, "404_standalone.html", status=404)
    return defaults.page_not_found(request, exception)
