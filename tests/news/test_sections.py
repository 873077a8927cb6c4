"""Sections: a reserved slug is refused, and the world section's page is the partners' page."""

import pytest
from django.core.exceptions import ValidationError

from news.models import Section
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_a_section_cannot_take_a_slug_the_news_urls_use():
    section = Section(slug="tags", name_en="Tags")
    with pytest.raises(ValidationError) as caught:
        section.full_clean()
    assert caught.value.message_dict["slug"] == ["The portal uses this address itself; choose another slug."]


def test_the_world_section_leads_to_the_partners_page(client):
    world = make_section(slug="korea-and-the-world", name_en="Korea and the World")
    assert world.get_absolute_url() == "/en/world/"
    response = client.get("/fr/news/korea-and-the-world/")
    assert response.status_code == 302 and response["Location"] == "/fr/world/"
    html = client.get("/en/").content.decode()
    assert '<li><a href="/en/world/">Korea and the World</a></li>' in html
    assert "korea-and-the-world" not in client.get("/sitemap-sections.xml").content.decode()


def test_a_news_article_of_the_world_section_keeps_its_own_page(client):
    world = make_section(slug="korea-and-the-world", name_en="Korea and the World")
    article = make_article(section=world, title_en="Foreign minister visits Seoul")
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert 'href="/en/world/">Korea and the World</a>' in page.content.decode()


def test_the_print_view_leads_back_to_the_article_on_screen(client):
    article = make_article()
    html = client.get(article.tool_urls["print"]).content.decode()
    assert f'<p class="screen-only"><a href="{article.get_absolute_url()}">Back to the article</a></p>' in html
