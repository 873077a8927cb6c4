"""System check: every kind of article provides the interface ``ArticleBase`` declares."""

from django.core import checks


def missing_members(model):
    """The members of ``ArticleBase.INTERFACE`` that ``model`` does not provide (or leaves None, as the base does)."""
    from .models import ArticleBase

    return [member for member in ArticleBase.INTERFACE if getattr(model, member, None) is None]


@checks.register(checks.Tags.models)
def check_article_interface(app_configs=None, **kwargs):
    """Report each member of the article interface that a concrete article model does not provide."""
    from .articles import article_models

    return [
        checks.Error(
            f"{model._meta.label} does not provide '{member}', which every kind of article must.",
            hint="See the members listed in news.models.ArticleBase.",
            obj=model,
            id="news.E001",
        )
        for model in article_models()
        if app_configs is None or model._meta.app_config in app_configs
        for member in missing_members(model)
    ]
