from modeltranslation.translator import TranslationOptions, register

from .models import Article, Country, Summit, Topic, TradeFigure


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name", "overview")


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("en",)


@register(Summit)
class SummitTranslationOptions(TranslationOptions):
    fields = ("place", "leaders", "occasion", "caption")


@register(TradeFigure)
class TradeFigureTranslationOptions(TranslationOptions):
    fields = ("source", "note")
