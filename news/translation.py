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


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("en",)
