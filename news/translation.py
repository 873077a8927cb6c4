from modeltranslation.translator import TranslationOptions, register

from .models import Article, Image, Section, Tag


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt_text", "caption")


class ArticleTranslationOptions(TranslationOptions):
    """What every kind of article translates (``ArticleBase``'s texts); English is required."""

    fields = ("title", "summary", "body")
    required_languages = ("en",)


register(Article)(ArticleTranslationOptions)
