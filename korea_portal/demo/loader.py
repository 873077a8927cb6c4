"""
Load the demo content into the database, idempotently.

Each object is found by its natural key (a slug, a partner and a year, a
partner and a date); it is created when missing and saved only when one of
its values differs, so a second run changes nothing.
"""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html_join

from community.models import Board
from core.html import clean_body
from core.languages import localized
from news.models import BODY_COLUMNS, ArticleBase, Section, Tag
from relations.models import Article, Partner, Summit, Topic, TradeFigure

from . import content
from .seed_text import BODIES, CAPTIONS
from .translations import TRANSLATIONS


def first_sentence(paragraph):
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph, maxsplit=1)[0]


def body_html(paragraphs):
    return format_html_join("\n", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs))


def localised(kind, key, values):
    """Spread ``values`` over the English columns, plus any translations of them."""
    result = dict(values)
    for field, by_language in TRANSLATIONS.get((kind, key), {}).items():
        for language, text in by_language.items():
            result[localized(field, language)] = text
    return result


def english(values, translated_fields):
    """Write translated fields to their English column (``title`` -> ``title_en``)."""
    return {f"{name}_en" if name in translated_fields else name: value for name, value in values.items()}


class Loader:
    def __init__(self):
        self.created = 0
        self.changed = 0

    def upsert(self, model, lookup, values):
        """Create the object, or bring it up to ``values``; save only on a difference."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            self.created += 1
            return obj
        differs = [name for name, value in values.items() if getattr(obj, name) != value]
        if differs:
            for name in differs:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
            self.changed += 1
        return obj

    def set_related(self, manager, objects):
        if set(manager.all()) != set(objects):
            manager.set(objects)
            self.changed += 1

    @transaction.atomic
    def load(self):
        """Load every kind of content in turn: each kind finds the objects it refers to in what came before."""
        self.load_sections()
        tags = self.load_tags()
        topics = self.load_topics()
        self.load_boards()
        partners = self.load_partners()
        articles = self.load_articles(partners, topics, tags)
        self.load_summits(partners, articles)
        self.load_trade_figures(partners)
        return self

    def load_sections(self):
        for position, (slug, name) in enumerate(content.SECTIONS):
            values = localised("section", slug, english({"name": name, "position": position}, {"name"}))
            self.upsert(Section, {"slug": slug}, values)

    def load_tags(self):
        """Return the tags by slug."""
        tags = {}
        for position, (slug, name) in enumerate(content.TAGS):
            values = localised("tag", slug, english({"name": name, "position": position}, {"name"}))
            tags[slug] = self.upsert(Tag, {"slug": slug}, values)
        return tags

    def load_topics(self):
        """Return the relation topics by slug."""
        return {
            slug: self.upsert(Topic, {"slug": slug}, localised("topic", slug, {"name_en": name}))
            for slug, name in content.TOPICS
        }

    def load_boards(self):
        for position, (slug, name, description) in enumerate(content.BOARDS):
            values = english({"name": name, "description": description, "position": position}, {"name", "description"})
            self.upsert(Board, {"slug": slug}, localised("board", slug, values))

    def load_partners(self):
        """Return the partners by slug."""
        partners = {}
        for position, partner in enumerate(content.PARTNERS):
            values = {key: value for key, value in partner.items() if key != "slug"}
            values = localised("partner", partner["slug"], english({**values, "position": position}, {"name"}))
            partners[partner["slug"]] = self.upsert(Partner, {"slug": partner["slug"]}, values)
        return partners

    def load_articles(self, partners, topics, tags):
        """Return the relation articles by slug."""
        articles = {}
        for item in content.ARTICLES:
            paragraphs = BODIES[item["slug"]]
            values = english(
                {"title": item["title"], "summary": first_sentence(paragraphs[0]), "body": body_html(paragraphs)},
                {"title", "summary", "body"},
            )
            values = localised("article", item["slug"], values)
            # Cleaned as save() stores them (Korea&#x27;s is Korea's), so that a second run finds nothing changed.
            values.update({name: clean_body(value) for name, value in values.items() if name in BODY_COLUMNS})
            values.update(partner=partners[item["partner"]], status=ArticleBase.Status.PUBLISHED)
            existing = Article.objects.filter(slug=item["slug"]).first()
            # The publication date is the first load's; a later run keeps it.
            values["publish_date"] = existing.publish_date if existing else timezone.now()
            article = self.upsert(Article, {"slug": item["slug"]}, values)
            self.set_related(article.topics, [topics[slug] for slug in item["topics"]])
            self.set_related(article.tags, [tags[slug] for slug in item["tags"]])
            articles[item["slug"]] = article
        return articles

    def load_summits(self, partners, articles):
        for summit in content.SUMMITS:
            key = f"{summit['partner']}-{summit['date']:%Y-%m-%d}"
            values = english(
                {
                    "place": summit["place"],
                    "leaders": summit["leaders"],
                    "occasion": summit["occasion"],
                    "caption": CAPTIONS[summit["article"]],
                },
                {"place", "leaders", "occasion", "caption"},
            )
            values = localised("summit", key, values)
            values["article"] = articles[summit["article"]]
            self.upsert(Summit, {"partner": partners[summit["partner"]], "date": summit["date"]}, values)

    def load_trade_figures(self, partners):
        for figure in content.TRADE_FIGURES:
            values = {
                "total": figure.get("total"),
                "exports": figure.get("exports"),
                "imports": figure.get("imports"),
                "balance": figure.get("balance"),
                "share": figure.get("share"),
                "bound": figure.get("bound", TradeFigure.Bound.EXACT),
                "source_en": figure.get("source", ""),
                "note_en": figure.get("note", ""),
            }
            key = f"{figure['partner']}-{figure['year'] or 'annual'}"
            values = localised("trade", key, values)
            self.upsert(TradeFigure, {"partner": partners[figure["partner"]], "year": figure["year"]}, values)


def load_demo():
    """Load the demo content; return the loader with its counts."""
    return Loader().load()
