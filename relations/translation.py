from modeltranslation.translator import TranslationOptions, register

from news.translation import ArticleTranslationOptions

from .models import Article, Partner, Summit, Topic, TradeFigure


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "overview")


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


register(Article)(ArticleTranslationOptions)


@register(Summit)
class SummitTranslationOptions(TranslationOptions):
    fields = ("place", "leaders", "occasion", "caption")


@register(TradeFigure)
class TradeFigureTranslationOptions(TranslationOptions):
    fields = ("source", "note")
