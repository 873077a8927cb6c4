"""
The article tools of registered users, written once over ``news.models.ArticleBase``.

The root URLconf mounts them under every kind of article's URL with
``as_view(model=…)``; ``PublishedArticleMixin`` finds the published article
from the URL (404 for a draft or a scheduled one).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView

from core.ratelimit import allow
from news.views import PublishedArticleMixin

from .forms import ArticleEmailForm
from .models import Scrap
from .services import email_article
from .views import VerifiedUserRequiredMixin


class ArticleToolMixin(VerifiedUserRequiredMixin, PublishedArticleMixin):
    """
    Find the article before anything else; the template gets it as ``article``.

    An article that does not exist or is not published is a 404 for
    everyone, logged in or not: only a real article's tool asks to log in.
    """

    def dispatch(self, request, *args, **kwargs):
        self.article = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(article=self.article, **kwargs)


class ArticleScrapView(ArticleToolMixin, TemplateView):
    """
    Add the article to the user's scrapbook (POST); scrapping twice keeps one scrap.

    GET answers with a small confirmation page: where an anonymous visitor's
    plain "Scrap" link lands after logging in, to finish with one click.
    """

    template_name = "accounts/scrap_confirm.html"

    def scrap_lookup(self):
        return {
            "user": self.request.user,
            "content_type": ContentType.objects.get_for_model(self.article),
            "object_id": self.article.pk,
        }

    def get_context_data(self, **kwargs):
        scrapped = Scrap.objects.filter(**self.scrap_lookup()).exists()
        return super().get_context_data(already_scrapped=scrapped, **kwargs)

    def post(self, request, *args, **kwargs):
        _scrap, created = Scrap.objects.get_or_create(**self.scrap_lookup())
        if created:
            message = _("“%(title)s” is added to your scrapbook.")
        else:
            message = _("“%(title)s” is already in your scrapbook.")
        messages.success(request, message % {"title": self.article.title})
        return redirect(self.article.get_absolute_url())


class ArticleEmailView(ArticleToolMixin, FormView):
    """E-mail the article to up to five people; a user may send EMAIL_ARTICLE_LIMIT_PER_HOUR an hour."""

    template_name = "accounts/article_email.html"
    form_class = ArticleEmailForm

    def form_valid(self, form):
        limit = settings.EMAIL_ARTICLE_LIMIT_PER_HOUR
        if not allow("email-article", self.request.user.pk, limit, 3600):
            form.add_error(
                None,
                ngettext(
                    "You may e-mail %(limit)d article an hour. Please try again later.",
                    "You may e-mail %(limit)d articles an hour. Please try again later.",
                    limit,
                )
                % {"limit": limit},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        recipients = form.cleaned_data["recipients"]
        # However many accounts send to it, one address gets only so many articles an hour.
        per_address = settings.EMAIL_ARTICLE_LIMIT_PER_RECIPIENT
        if not all(allow("email-article-to", address.lower(), per_address, 3600) for address in recipients):
            form.add_error(
                "recipients",
                _(
                    "One of these addresses has received several articles from the portal in the last hour. "
                    "Please try again later."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        email_article(
            article=self.article,
            sender=self.request.user,
            recipients=recipients,
            message=form.cleaned_data["message"],
            request=self.request,
        )
        messages.success(
            self.request,
            ngettext(
                "The article is sent to %(count)d recipient.",
                "The article is sent to %(count)d recipients.",
                len(recipients),
            )
            % {"count": len(recipients)},
        )
        return redirect(self.article.get_absolute_url())
