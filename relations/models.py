"""Korea and the World: partners, relation articles, summits and trade figures."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from news.models import WORLD_SECTION_SLUG, ArticleBase, Image


class Partner(models.Model):
    """A partner of Korea: a country, a bloc such as the EU, or an organisation."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        BLOC = "bloc", _("Bloc")
        ORGANISATION = "organisation", _("Organisation")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COUNTRY)
    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        blank=True,
        help_text=_("ISO 3166-1 alpha-2 code, where one exists (blocs and organisations have none)."),
    )
    established_year = models.PositiveSmallIntegerField(
        _("relations established"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text=_("The year diplomatic relations were established, where known."),
    )
    reestablished = models.BooleanField(
        _("re-established"), default=False, help_text=_("Relations were re-established that year, not first opened.")
    )
    overview = models.TextField(_("overview"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("relations:partner", kwargs={"partner": self.slug})

    def clean(self):
        if self.iso_code:
            self.iso_code = self.iso_code.upper()
            if not self.iso_code.isalpha() or len(self.iso_code) != 2:
                raise ValidationError({"iso_code": _("An ISO code is two letters, such as US or JP.")})
        if self.reestablished and not self.established_year:
            raise ValidationError({"established_year": _("Give the year in which relations were re-established.")})


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Article(ArticleBase):
    """A bilateral relations article, such as "ROK-U.S. Relations"."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="articles")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="articles")

    url_namespace = "relations"
    list_related = ("partner", "lead_image")

    class Meta(ArticleBase.Meta):
        verbose_name = _("relation article")
        verbose_name_plural = _("relation articles")
        indexes = [
            *ArticleBase.Meta.indexes,
            models.Index(fields=["partner", "status", "-publish_date", "-id"], name="relations_partner_listed"),
        ]

    def url_kwargs(self):
        return {"partner": self.partner.slug, "slug": self.slug}

    @staticmethod
    def url_lookup(partner, slug):
        return {"partner__slug": partner, "slug": slug}

    @property
    def list_label(self):
        return self.partner.name

    # Relation articles are listed under Korea and the World.
    listed_section_slug = WORLD_SECTION_SLUG

    @property
    def search_partner(self):
        return self.partner


class Summit(models.Model):
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="summits")
    leaders = models.CharField(_("leaders"), max_length=300, help_text=_("The leaders who met."))
    occasion = models.CharField(_("occasion"), max_length=200, blank=True, help_text=_("For example the APEC summit."))
    photo = models.ForeignKey(
        Image, verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    caption = models.TextField(_("caption"), blank=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("related article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="summits",
    )

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("summit")
        verbose_name_plural = _("summits")

    def __str__(self):
        return f"{self.place}, {self.date:%Y-%m-%d}"

    def clean(self):
        if self.article_id and self.partner_id and self.article.partner_id != self.partner_id:
            raise ValidationError({"article": _("The related article must be about the same partner.")})


class AmountField(models.PositiveBigIntegerField):
    """
    An amount in US dollars, never negative: the field type validates it and the database checks it.

    A negative amount is refused in the same words by model validation and by
    the admin's form, whose field would otherwise give its own generic message.
    """

    default_error_messages = {"min_value": _("A trade value cannot be negative.")}

    def formfield(self, **kwargs):
        return super().formfield(**{"error_messages": {"min_value": self.error_messages["min_value"]}, **kwargs})


class TradeFigure(models.Model):
    """
    Korea's trade with one partner in one year, exactly as the source states it.

    Every amount is in US dollars and may be left empty: a source often gives
    only the two-way total, or the total and the balance. Nothing is derived
    and stored; ``derived_balance`` is computed where exports and imports are
    both known. ``bound`` records a figure given as "more than" or "about".
    A figure whose source names no year ("annually") has no year.
    """

    class Bound(models.TextChoices):
        EXACT = "exact", _("Exact")
        ABOUT = "about", _("About")
        MORE_THAN = "more_than", _("More than")

    # Totals stated to three significant figures agree "within rounding".
    TOLERANCE = Decimal("0.01")

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="trade_figures"
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Leave empty when the source gives an annual figure without a year."),
    )
    total = AmountField(_("two-way trade (US$)"), null=True, blank=True)
    exports = AmountField(_("Korea's exports (US$)"), null=True, blank=True)
    imports = AmountField(_("Korea's imports (US$)"), null=True, blank=True)
    balance = models.BigIntegerField(
        _("balance (US$)"), null=True, blank=True, help_text=_("Korea's surplus; negative for a deficit.")
    )
    share = models.DecimalField(
        _("share of Korea's total trade (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    bound = models.CharField(_("bound"), max_length=10, choices=Bound.choices, default=Bound.EXACT)
    source = models.CharField(_("source"), max_length=250, blank=True)
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        ordering = ["partner", models.F("year").asc(nulls_last=True)]
        verbose_name = _("trade figure")
        verbose_name_plural = _("trade figures")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "year"],
                name="one_trade_figure_per_partner_year",
                violation_error_message=_("This partner already has a trade figure for that year."),
            ),
            # The constraint above lets any number of undated figures through (NULL
            # differs from NULL); this one allows one, and two saves at once cannot race past it.
            models.UniqueConstraint(
                fields=["partner"],
                condition=models.Q(year__isnull=True),
                name="one_undated_trade_figure_per_partner",
                violation_error_message=_("This partner already has a trade figure without a year."),
            ),
        ]

    def __str__(self):
        return f"{self.partner} {self.year or ''}".strip()

    @property
    def approximate(self):
        return self.bound != self.Bound.EXACT

    @property
    def derived_balance(self):
        """The stated balance, else exports minus imports where both are known."""
        if self.balance is not None:
            return self.balance
        if self.exports is not None and self.imports is not None:
            return self.exports - self.imports
        return None

    @property
    def two_way(self):
        """The stated total, else exports plus imports where both are known."""
        if self.total is not None:
            return self.total
        if self.exports is not None and self.imports is not None:
            return self.exports + self.imports
        return None

    def clean(self):
        errors = {}
        if all(value is None for value in (self.total, self.exports, self.imports, self.balance)):
            errors["total"] = _("Give at least one amount: the total, exports, imports or the balance.")
        if self.exports is not None and self.imports is not None:
            reference = max(self.total or 0, self.exports + self.imports)
            allowed = reference * self.TOLERANCE
            if self.total is not None and abs(self.total - (self.exports + self.imports)) > allowed:
                errors["total"] = _("The total must equal exports plus imports (within rounding).")
            if self.balance is not None and abs(self.balance - (self.exports - self.imports)) > allowed:
                errors["balance"] = _("The balance must equal exports minus imports (within rounding).")
        for part in ("exports", "imports"):
            value = getattr(self, part)
            if value is not None and self.total is not None and value > self.total * (1 + self.TOLERANCE):
                errors[part] = _("A part of the trade cannot exceed the two-way total.")
        if self.balance is not None and self.total is not None and abs(self.balance) > self.total:
            errors["balance"] = _("The balance cannot exceed the two-way total.")
        if errors:
            raise ValidationError(errors)
