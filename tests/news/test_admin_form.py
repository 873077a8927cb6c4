"""
The article form of the admin as the test client (a browser without JavaScript) sees it: the body textareas
that the editor enhances, the body cleaned at save, help on every field, a clear slug clash, the admin's name.
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.languages import language_codes, localized
from news.models import Article
from relations.models import Article as RelationArticle
from tests.factories import make_article, make_editor, make_partner, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def form_data(section, **values):
    """What the add form posts for a news article, every language's fields included."""
    now = timezone.localtime()
    data = {
        "slug": "lantern-festival",
        "section": section.pk,
        "status": Article.Status.DRAFT,
        "publish_date_0": now.strftime("%Y-%m-%d"),
        "publish_date_1": now.strftime("%H:%M:%S"),
        "author": "",
        "lead_image": "",
    }
    for code in language_codes():
        for field in ("title", "summary", "body"):
            data[localized(field, code)] = ""
    data.update(title_en="Lantern festival", summary_en="Lanterns.", body_en="<p>Lanterns on the river.</p>")
    data.update(values)
    return data


def test_without_javascript_the_body_textarea_posts_html_which_is_stored_clean(editor_client):
    section = make_section()
    response = editor_client.post(
        reverse("admin:news_article_add"),
        form_data(
            section,
            body_en='<p onclick="steal()">Lanterns <b>tonight</b><script>alert(1)</script></p>',
            body_fr='<p style="color:red">L&#x27;été <a href="javascript:alert(2)">ici</a> '
            '<a href="https://example.org/">là</a></p>',
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug="lantern-festival")
    assert article.body_en == "<p>Lanterns <strong>tonight</strong></p>"
    assert article.body_fr == '<p>L\'été <a>ici</a> <a href="https://example.org/">là</a></p>'


@pytest.mark.parametrize("url_name", ["admin:news_article_add", "admin:relations_article_add"])
def test_every_language_of_the_body_is_a_textarea_for_the_editor_with_its_language_and_direction(
    editor_client, url_name
):
    page = editor_client.get(reverse(url_name)).content.decode()
    for code in language_codes():
        name = localized("body", code)
        textarea = re.search(rf"<textarea [^>]*name=\"{name}\"[^>]*>", page)[0]
        assert "data-article-editor" in textarea
        assert f'lang="{code}"' in textarea
        assert f'dir="{"rtl" if code == "ar" else "ltr"}"' in textarea
        assert "required" not in textarea
    # The editor is a module of our own static files: no import map, no inline script, no other host.
    assert '<script src="/static/admin-portal/article-editor.js" type="module"></script>' in page
    assert "/static/django_prose_editor/editor.css" in page
    assert "importmap" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", page)


def test_every_field_an_editor_meets_has_help(editor_client):
    page = editor_client.get(reverse("admin:news_article_add")).content.decode()
    for help_text in (
        "as the article",
        "address, the same in every language",
        "in lists and search results, in the feeds and the newsletter",
        "The toolbar makes headings, bold, italic, links, lists and quotations",
        "is the picture a site shows when the article is shared",
        "each tag has a page listing its articles",
        "Readers see an article only once it is published",
        "A date in the future schedules a published article",
        "The staff member who wrote the article",
        "The part of the news the article is listed under",
    ):
        assert help_text in page, help_text
    relation_page = editor_client.get(reverse("admin:relations_article_add")).content.decode()
    assert "The country or organisation the article is about" in relation_page
    assert "What the article deals with" in relation_page


def test_the_slug_comes_from_the_english_title(editor_client):
    page = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert '"dependency_ids": ["#id_title_en"]' in page or "&quot;#id_title_en&quot;" in page


def test_a_slug_already_taken_is_refused_with_a_free_one_suggested(editor_client):
    section = make_section()
    make_article(slug="lantern-festival")
    make_article(slug="lantern-festival-2")
    response = editor_client.post(reverse("admin:news_article_add"), form_data(section))
    assert response.status_code == 200
    assert (
        "Another article already has the address “lantern-festival”. "
        "Choose another slug, for example “lantern-festival-3”."
    ) in response.content.decode()
    assert Article.objects.filter(slug__startswith="lantern-festival").count() == 2


def test_a_relation_article_slug_clash_is_told_the_same_way(editor_client):
    partner = make_partner()
    RelationArticle.objects.create(
        slug="rok-us", partner=partner, title_en="ROK-U.S.", body_en="<p>Allies.</p>", publish_date=timezone.now()
    )
    data = form_data(make_section(), slug="rok-us", partner=partner.pk)
    data.pop("section")
    response = editor_client.post(reverse("admin:relations_article_add"), data)
    assert "Another article already has the address “rok-us”." in response.content.decode()


def test_the_admin_calls_itself_korea_portal_administration(editor_client):
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert '<a href="/admin/">Korea Portal administration</a>' in page
    assert "<title>Newsroom | Korea Portal administration</title>" in page
    assert "Django administration" not in page


def test_the_change_form_offers_one_language_switch_naming_each_language_in_itself(editor_client):
    article = make_article()
    page = editor_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    switch = page.split('<div class="language-switch" data-language-switch hidden>', 1)[1].split("</div>", 1)[0]
    assert '<label for="language-switch">Language of the translated fields</label>' in switch
    names = re.findall(r'data-name="([^"]+)"', switch)
    assert names == [
        "English",
        "Français",
        "Deutsch",
        "Español",
        "العربية",
        "Tiếng Việt",
        "Русский",
        "中文",
        "日本語",
        "한국어",
    ]
    assert 'value="ar" data-name="العربية" data-dir="rtl"' in switch
