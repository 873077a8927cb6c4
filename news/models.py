"""
The publishing core: sections, tags, images and articles.

``ArticleBase`` is the small shared interface every readable article follows
(news articles here, relation articles in ``relations``): the article tools
(print, e-mail, scrap) and the lists that mix kinds of article work over it
and never over one concrete model.
"""

import html
from functools import partial
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from core.html import clean_body
from core.languages import (
    TRACKED_FIELDS,
    article_fingerprint,
    language_codes,
    native_name,
    text_in,
    translated_languages,
    translation_sources,
)

from .images import (
    PictureField,
    delete_files,
    rendition_url,
    rendition_width,
    srcset,
    validate_image_file,
)
from .search import SearchDocument, index_article  # noqa: F401 - SearchDocument is a model of this app

# The section of Korea's foreign relations: the relations app's articles count
# as part of it, and its page is the partners' page (settings.SECTION_PAGES).
WORLD_SECTION_SLUG = "korea-and-the-world"
# Slugs a section may not take: the news URLs use them (/news/tags/…).
RESERVED_SECTION_SLUGS = {"tags"}
# The width of the rendition an article page shows, and shares.
LARGE_RENDITION = 1024


def validate_section_slug(value):
    if value in RESERVED_SECTION_SLUGS:
        raise ValidationError(
            _("The portal uses this address itself; choose another slug."), code="reserved", params={"value": value}
        )


class Section(models.Model):
    """
    A part of the news. A section whose slug ``settings.SECTION_PAGES`` names
    has its page elsewhere (the world section's is the partners' page): its
    URL leads there and its news list redirects there.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True, validators=[validate_section_slug])
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.slug in settings.SECTION_PAGES:
            return reverse(settings.SECTION_PAGES[self.slug])
        return reverse("news:section", kwargs={"section": self.slug})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:tag", kwargs={"tag": self.slug})


class Image(models.Model):
    """
    An uploaded picture with its sized renditions (``news.images``).

    The renditions are made when the file changes, which is told from its
    name alone: saving an image whose texts only were edited reads nothing
    from storage. A task makes them after the save commits (``news.tasks``).
    """

    file = PictureField(
        _("file"),
        upload_to="images/%Y/%m/",
        validators=[validate_image_file],
        width_field="width",
        height_field="height",
    )
    alt_text = models.CharField(
        _("alternative text"), max_length=250, help_text=_("What the picture shows, for readers who cannot see it.")
    )
    caption = models.TextField(_("caption"), blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    # Filled by the file field from the picture's header when a file is assigned.
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    # {"320": "renditions/…-320.webp", …}: the widths made from this file.
    renditions = models.JSONField(_("renditions"), default=dict, editable=False)
    uploaded = models.DateTimeField(_("uploaded"), auto_now_add=True)

    # The name of the file as last saved; from_db() and save() keep it.
    _saved_file_name = None

    class Meta:
        ordering = ["-uploaded"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt_text or PurePosixPath(self.file.name).name

    def save(self, *args, **kwargs):
        """
        Save; a new file gets its renditions from a task once the save commits.

        Until the task has made them the image has none, and pages show the
        file itself (``rendition_url()`` falls back to it): a reader never
        sees the old picture's renditions for the new one. A save that fails
        leaves no new file behind; the old renditions go once the new file is
        committed.
        """
        update_fields = kwargs.get("update_fields")
        if not self.has_new_file() or (update_fields is not None and "file" not in update_fields):
            super().save(*args, **kwargs)
            return
        storage = self.file.storage
        name_before, old_renditions = self.file.name, self.renditions
        self.renditions = {}
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "renditions"}
        try:
            super().save(*args, **kwargs)
        except BaseException:
            self.renditions = old_renditions
            delete_files(storage, [self.file.name] if self.file.name != name_before else [])
            raise
        self._saved_file_name = self.file.name
        transaction.on_commit(partial(delete_files, storage, list(old_renditions.values())))
        # Imported here: news.tasks imports this module.
        from .tasks import make_image_renditions

        make_image_renditions.delay_on_commit(self.pk, self.file.name)

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        image._saved_file_name = image.file.name if "file" in field_names else None
        return image

    def has_new_file(self):
        """Whether the file is not the one last saved (a new upload, another stored file); opens nothing."""
        return "file" not in self.get_deferred_fields() and bool(self.file) and self.file.name != self._saved_file_name

    def clean_fields(self, exclude=None):
        # The stored file was checked when it was uploaded: checking it again would read it from storage.
        if self.file and not self.has_new_file():
            exclude = {*(exclude or ()), "file"}
        super().clean_fields(exclude=exclude)

    def rendition_url(self, width):
        """Return the URL of the smallest rendition at least ``width`` wide."""
        return rendition_url(self.file, self.renditions, width)

    def rendition_size(self, width):
        """Return the width and height of the picture ``rendition_url(width)`` names: scaled down, never up."""
        if not self.renditions or not self.width:
            return self.width, self.height
        scaled = min(rendition_width(self.renditions, width), self.width)
        return scaled, round(self.height * scaled / self.width)

    def sharing_picture(self, request):
        """What a page's head says of this picture for sites that share the page (``og:image``): the large rendition."""
        width, height = self.rendition_size(LARGE_RENDITION)
        url = request.build_absolute_uri(self.rendition_url(LARGE_RENDITION))
        return {"url": url, "width": width, "height": height, "alt": self.alt_text}

    @property
    def rendition_url_small(self):
        return self.rendition_url(320)

    @property
    def rendition_url_large(self):
        return self.rendition_url(LARGE_RENDITION)

    @property
    def srcset(self):
        return srcset(self.file, self.renditions)


class TranslationState(models.TextChoices):
    """Where one language of an article stands against the English text."""

    TRANSLATED = "translated", pgettext_lazy("translation state", "translated")
    # Some of the texts the English version has are translated, not all (a title and a summary, no body).
    PARTIAL = "partial", pgettext_lazy("translation state", "partial")
    OUTDATED = "outdated", pgettext_lazy("translation state", "outdated")
    MISSING = "missing", pgettext_lazy("translation state", "missing")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles a visitor may read: published, and not scheduled for later."""
        return self.filter(status=ArticleBase.Status.PUBLISHED, publish_date__lte=timezone.now())


# Every database column holding a text whose translations are tracked.
TRACKED_COLUMNS = frozenset([*TRACKED_FIELDS, *get_translation_fields(*TRACKED_FIELDS)])
# The body in each language: cleaned on every write (core.html.clean_body).
BODY_COLUMNS = tuple(get_translation_fields("body"))


class ToolURLs:
    """
    The URLs of an article's tools, by name: ``article.tool_urls["print"]``.

    The tools are routes named ``article-<tool>`` in the article's URL
    namespace, as sub-paths of its own URL; the root URLconf says which tools
    there are, so ``news`` names none but its own print view.
    """

    def __init__(self, article):
        self.article = article

    def __getitem__(self, tool):
        return reverse(f"{self.article.url_namespace}:article-{tool}", kwargs=self.article.url_kwargs())


class FallbackAttrs:
    """``ArticleBase.fallback_attrs``: ``' lang="en" dir="ltr"'`` for a field shown in English, else ``""``."""

    ENGLISH = mark_safe(' lang="en" dir="ltr"')  # noqa: S308  # nosec B308  # a constant, no input in it

    def __init__(self, article, language):
        self.article, self.language = article, language

    def __getitem__(self, field):
        return "" if text_in(self.article, field, self.language) else self.ENGLISH


class ArticleBase(models.Model):
    """
    What every readable article has, and the interface the article tools use.

    A concrete kind of article provides every member of ``INTERFACE``
    (``news.checks`` reports a missing one when the project starts):

    - ``url_namespace``: the URLconf namespace whose ``article`` route shows
      it, and whose ``article-<tool>`` routes are its tools (``tool_urls``);
    - ``url_kwargs()``: its URL's keyword arguments;
    - ``url_lookup(**url_kwargs)`` (a static method): the filter that finds it
      again from them;
    - ``list_label``: what a list shows beside its date (its section, its partner);
    - ``listed_section_slug``: the slug of the section it is listed under,
      which the navigation marks as current on its page.

    ``list_related`` (what a list of it selects with it) has a default.
    """

    INTERFACE = ("url_namespace", "url_kwargs", "url_lookup", "list_label", "listed_section_slug")

    class Status(models.TextChoices):
        """
        Where an article stands on its way to readers (``news.workflow``):
        draft → in review → published (→ unpublished). A published article
        whose publish date is still to come is *scheduled*; only
        ``ArticleQuerySet.published()`` decides what a visitor may read.
        """

        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        unique=True,
        help_text=_("One address for every language: it does not change when the article is translated."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("body"),
        help_text=_(
            "The article's text. Paragraphs, headings, bold, italic, links, lists and quotations are kept;"
            " any other markup is removed when the article is saved."
        ),
    )
    lead_image = models.ForeignKey(
        Image, verbose_name=_("lead image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="%(app_label)s_articles")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    publish_date = models.DateTimeField(
        _("publish date"), default=timezone.now, help_text=_("A date in the future schedules the article.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # {"fr": {"source": <English fingerprint>, "text": <French fingerprint>}}: the
    # English text each language was last written from; see track_translations().
    translation_sources = models.JSONField(_("translation sources"), default=dict, blank=True, editable=False)
    # What the publisher who last sent the article back asked its author to change (news.workflow.send_back).
    review_comment = models.TextField(_("publisher's comment"), blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    url_namespace = None
    list_related = ("lead_image",)
    # The partner (an object with ``slug`` and ``name``) its search results can be narrowed to, if any.
    search_partner = None

    class Meta:
        abstract = True
        ordering = ["-publish_date", "-pk"]
        get_latest_by = "publish_date"
        # Every list reads the published articles newest first: the index answers
        # the filter and the order together, with no scan and no sort.
        indexes = [models.Index(fields=["status", "-publish_date", "-id"], name="%(app_label)s_%(class)s_listed")]
        # Publishers hold it (korea_portal's "Publishers" group); editors write and submit for review.
        permissions = [("publish_article", _("Can publish, schedule and unpublish articles"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """
        Save the body cleaned in every language, and record which English text each translation follows.

        The body is cleaned before the translations are fingerprinted, so that
        the record follows the text as stored.
        """
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields or not set(BODY_COLUMNS).isdisjoint(update_fields):
            self.clean_bodies()
        if update_fields is None:
            self.track_translations()
        elif not TRACKED_COLUMNS.isdisjoint(update_fields):
            self.track_translations()
            kwargs["update_fields"] = {*update_fields, "translation_sources"}
        super().save(*args, **kwargs)
        # Its search documents follow every save (news.search); tags and names follow by signal (news.apps).
        index_article(self)

    def get_absolute_url(self):
        return reverse(f"{self.url_namespace}:article", kwargs=self.url_kwargs())

    def clean_bodies(self):
        """Clean the body of every language (``core.html.clean_body``)."""
        for column in BODY_COLUMNS:
            setattr(self, column, clean_body(getattr(self, column)))

    @property
    def body_html(self):
        """
        The body in the reader's language, as HTML to show as it is.

        It is not cleaned again here: every write of a body cleans it (``save()``,
        hence the admin and the demo loader; ``news.signals`` for fixtures;
        the data migrations ``news 0008`` and ``relations 0006`` for the bodies
        stored before). A write that bypasses them (``QuerySet.update()``, raw
        SQL) must call ``core.html.clean_body()`` itself.
        """
        return mark_safe(self.body)  # noqa: S308  # nosec B308 B703  # cleaned when written, see above

    @property
    def tool_urls(self):
        """The URLs of this article's tools, by name (``{{ article.tool_urls.print }}``)."""
        return ToolURLs(self)

    def has_translation(self, language=None):
        """Whether the reader's language has its own title and body (no fallback), as of the last save."""
        return (language or get_language()) in self.written_languages

    @property
    def written_languages(self):
        """
        The codes of the languages with their own title and body, read from
        ``translation_sources`` (every save records them) so that a page that
        read one language's columns (``in_reader_language``) needs no other;
        an article never saved looks at its columns.
        """
        if self.translation_sources:
            # A partly translated language is recorded without a "text" of its own (core.languages).
            return {code for code, entry in self.translation_sources.items() if "text" in entry}
        return {code for code, _name in translated_languages(self, ("title", "body"))}

    @property
    def lead(self):
        """The summary to show above the body, unless the body already opens with it."""
        if self.summary and not html.unescape(strip_tags(self.body)).lstrip().startswith(self.summary.strip()):
            return self.summary
        return ""

    @property
    def fallback_attrs(self):
        """
        The HTML attributes that mark each text field shown in English for want
        of a translation (``' lang="en" dir="ltr"'``), or ``""`` where the
        reader's language has its own text: {{ article.fallback_attrs.title }}.
        Each field is looked at when asked for, so that a list that read the
        titles alone (``.only()``) reads no other column.
        """
        return FallbackAttrs(self, get_language() or settings.LANGUAGE_CODE)

    @property
    def available_languages(self):
        """The languages this article is written in, as (code, name) pairs."""
        written = self.written_languages
        return [(code, native_name(code)) for code in language_codes() if code in written]

    def track_translations(self):
        """Record, for each language, the English text its translation was written from."""
        self.translation_sources = translation_sources(self, self.translation_sources)

    def mark_translations_current(self):
        """Declare every translation up to date with the English text, as it stands."""
        english = article_fingerprint(self, settings.LANGUAGE_CODE)
        for entry in self.translation_sources.values():
            if "text" in entry:  # a partial translation is recorded with no source
                entry["source"] = english

    def translation_state(self, language):
        """
        Return the TranslationState of ``language``, as recorded when the article was last saved.

        Partial: some of the texts filled in English are filled in
        ``language``, not all. Outdated: every one is, but the English text
        changed after the translation was last written.
        """
        entry = self.translation_sources.get(language)
        if not entry:
            return TranslationState.MISSING
        english = self.translation_sources.get(settings.LANGUAGE_CODE, {})
        if "text" not in entry:
            return TranslationState.PARTIAL
        if "fields" in entry and "fields" in english and not set(english["fields"]) <= set(entry["fields"]):
            return TranslationState.PARTIAL
        if language != settings.LANGUAGE_CODE and entry.get("source") != english.get("text"):
            return TranslationState.OUTDATED
        return TranslationState.TRANSLATED

    @property
    def outdated_languages(self):
        """The codes of the languages whose translation predates the English text."""
        return [code for code, _name in settings.LANGUAGES if self.translation_state(code) == TranslationState.OUTDATED]

    @property
    def is_live(self):
        """Whether visitors may read it now: what ``ArticleQuerySet.published()`` selects."""
        return self.status == self.Status.PUBLISHED and self.publish_date <= timezone.now()

    @property
    def is_scheduled(self):
        """Whether it is approved for a date still to come."""
        return self.status == self.Status.PUBLISHED and self.publish_date > timezone.now()

    def search_extra_text(self, language):
        """The names this article is also found by in ``language``: its tags and its section or partner."""
        with override(language):
            names = [tag.name for tag in self.tags.all()]
            names.append(str(self.list_label))
        return " ".join(names)


class Article(ArticleBase):
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles")

    url_namespace = "news"
    list_related = ("section", "lead_image")

    class Meta(ArticleBase.Meta):
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        indexes = [
            *ArticleBase.Meta.indexes,
            models.Index(fields=["section", "status", "-publish_date", "-id"], name="news_section_listed"),
        ]

    def url_kwargs(self):
        return {"section": self.section.slug, "slug": self.slug}

    @staticmethod
    def url_lookup(section, slug):
        return {"section__slug": section, "slug": slug}

    @property
    def list_label(self):
        return self.section.name

    @property
    def listed_section_slug(self):
        return self.section.slug
