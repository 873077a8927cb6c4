"""
Keep the search documents (``news.search``) in step with what they are built from.

An article's own save rebuilds its documents (``ArticleBase.save``); here the
rest: a deleted article loses them, a change of its tags rebuilds them, and a
renamed tag, section or partner rebuilds the documents of its articles. The
related models are found from the article models' fields, so that ``news``
need not import the apps (``relations``) that add a kind of article.
"""

from functools import partial

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .articles import article_models
from .search import index_article, remove_article

# The related models whose names an article's document holds (ArticleBase.search_extra_text).
NAMED_RELATIONS = ("tags", "section", "partner")


def reindex_related(model, field_name, sender, instance, created=False, raw=False, **kwargs):
    """Rebuild the documents of the ``model`` articles linked to the renamed ``instance``."""
    if created or raw:
        return
    for article in model.objects.filter(**{field_name: instance}).select_related(*model.list_related):
        index_article(article)


def reindex_on_tags_change(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        index_article(instance)
        return
    # A tag's articles changed from the tag's side (tag.news_articles.add(...)).
    article_model = sender._meta.get_field(m2m_source_field(sender, instance)).related_model
    for article in article_model.objects.filter(pk__in=pk_set or ()):
        index_article(article)


def m2m_source_field(through, tag):
    """The name of the through model's foreign key that points at the article, not the tag."""
    return next(
        field.name
        for field in through._meta.fields
        if field.is_relation and field.related_model is not type(tag) and field.name != "id"
    )


def connect_search_index():
    for model in article_models():
        post_delete.connect(lambda sender, instance, **kwargs: remove_article(instance), sender=model, weak=False)
        m2m_changed.connect(reindex_on_tags_change, sender=model.tags.through, weak=False)
        for name in NAMED_RELATIONS:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:  # a kind of article without this relation
                continue
            handler = partial(reindex_related, model, name)
            uid = f"search-{model._meta.label}-{name}"
            post_save.connect(handler, sender=field.related_model, weak=False, dispatch_uid=uid)


def clean_loaded_bodies(sender, instance, raw=False, **kwargs):
    """Clean the bodies of an article loaded from a fixture: loaddata saves it without calling its save()."""
    if raw:
        instance.clean_bodies()


def connect_body_cleaning():
    for model in article_models():
        pre_save.connect(clean_loaded_bodies, sender=model, dispatch_uid=f"clean-bodies-{model._meta.label_lower}")
