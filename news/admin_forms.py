"""
The article form of the admin, for every kind of article: the rich-text body, help on every field, a clear slug
clash.

The help texts live here, not on the models: they speak to the editor in
front of this form (what a field is for on the site), and rewording them
needs no migration.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.widgets import Script
from django.utils.translation import gettext_lazy as _

from .models import BODY_COLUMNS

HELP_TEXTS = {
    "title": _(
        "The headline, as the article's page, the lists and shared links show it. Write the English title first: "
        "the address is made from it."
    ),
    "slug": _(
        "The article's address, the same in every language: filled in from the English title as you type it "
        "(letters, digits and hyphens). Changing it later breaks the links people have to the article."
    ),
    "summary": _(
        "One or two sentences that say what the article is about: shown under the title, on the article's card "
        "in lists and search results, in the feeds and the newsletter, and by sites the article is shared on."
    ),
    "body": _(
        "The article's text. The toolbar makes headings, bold, italic, links, lists and quotations; any other "
        "markup is removed when the article is saved."
    ),
    "lead_image": _(
        "The picture at the top of the article. It also illustrates the article's card in lists, and is the "
        "picture a site shows when the article is shared. Its alternative text, caption and credit come from "
        "the image."
    ),
    "tags": _("Keywords: each tag has a page listing its articles, linked from the keyword bar of every page."),
    "status": _("Readers see an article only once it is published; a draft is seen in the admin alone."),
    "publish_date": _(
        "The date the article carries, and the order of the lists. A date in the future schedules a published "
        "article: readers see it from that moment, with nothing more to do."
    ),
    "author": _("The staff member who wrote the article; on a new article, you, unless you choose someone else."),
    "section": _("The part of the news the article is listed under; its name is part of the article's address."),
    "partner": _(
        "The country or organisation the article is about: the article is listed on its page, and the partner's "
        "name is part of the article's address."
    ),
    "topics": _("What the article deals with: politics, security, economy, culture."),
}


class ArticleBodyWidget(forms.Textarea):
    """
    The body's textarea, which ``static/admin-portal/article-editor.js`` turns into a rich-text editor.

    The textarea stays in the form and holds the HTML, so that without
    JavaScript the body is still written (as HTML) and posted. It is never
    marked ``required``: hidden behind the editor, a required textarea would
    stop the browser from sending the form without saying why; the server
    says an English body is needed.
    """

    def __init__(self, attrs=None):
        super().__init__({"rows": 12, "data-article-editor": "", **(attrs or {})})

    class Media:
        css = {
            "all": (
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "admin-portal/article-editor.css",
            )
        }
        js = (Script("admin-portal/article-editor.js", type="module"),)

    def use_required_attribute(self, initial):
        return False


class ArticleAdminForm(forms.ModelForm):
    """
    Say plainly when the slug is taken, and suggest a free one.

    The slug is not changed silently (``spring-festival-2``): it is the
    article's lasting address, so the editor chooses it. The body needs
    nothing here: ``ArticleBase.save()`` cleans it, whatever writes it.
    """

    def validate_unique(self):
        super().validate_unique()
        if self.has_error("slug", code="unique"):
            slug = self.instance.slug
            del self._errors["slug"]
            self.add_error(
                "slug",
                ValidationError(
                    _(
                        "Another article already has the address “%(slug)s”. Choose another slug, "
                        "for example “%(suggestion)s”."
                    ),
                    code="unique",
                    params={"slug": slug, "suggestion": self.free_slug(slug)},
                ),
            )

    def free_slug(self, slug):
        """Return ``slug`` with the first number suffix no other article of this kind has (``spring-festival-2``)."""
        model = self._meta.model
        max_length = model._meta.get_field("slug").max_length
        similar = model._default_manager.filter(slug__startswith=slug[: max_length - 4])
        taken = set(similar.values_list("slug", flat=True))
        number = 2
        while True:
            suffix = f"-{number}"
            candidate = slug[: max_length - len(suffix)] + suffix
            if candidate not in taken:
                return candidate
            number += 1


class ArticleFormMixin:
    """What an article's ModelAdmin needs for the form above: the form, the editor on each body, the help texts."""

    form = ArticleAdminForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in BODY_COLUMNS:
            kwargs["widget"] = ArticleBodyWidget
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A translation field (title_fr) takes the help of the field it translates (title).
        name = getattr(getattr(db_field, "translated_field", None), "name", db_field.name)
        if formfield is not None and name in HELP_TEXTS:
            formfield.help_text = HELP_TEXTS[name]
        return formfield
