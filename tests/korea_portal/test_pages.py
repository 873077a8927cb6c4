"""The site-wide pages: the layout every page shares, home, the fixed pages, contact, errors, robots.txt."""

import re
import smtplib
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone, translation

from korea_portal.urls import handler500
from korea_portal.views import CONTACT_LIMIT_PER_HOUR, server_error
from tests.factories import make_article, make_partner, make_relation_article, make_section, make_summit, make_tag

pytestmark = pytest.mark.django_db


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


class TestLayout:
    """What every page has: header, language bar, search, keywords, navigation, footer."""

    @pytest.fixture
    def html(self, client):
        make_section(slug="general", name_en="General", position=0)
        make_section(slug="culture", name_en="Culture", position=1)
        make_tag(slug="dokdo", name_en="Dokdo", position=0)
        make_tag(slug="hallyu", name_en="Hallyu", position=1)
        return html_of(client.get("/en/about/"))

    def test_has_landmarks_and_a_skip_link_first(self, html):
        body = html.split("<body", 1)[1]
        assert re.search(r'^[^>]*>\s*<a class="skip-link" href="#main">Skip to content</a>', body)
        for landmark in ('<header class="site-header">', '<main id="main"', '<footer class="site-footer">'):
            assert landmark in html
        assert html.count("<nav") >= 4

    def test_header_has_the_portal_name_and_top_links(self, html):
        assert '<a class="site-name" href="/en/" rel="home">Korea Portal</a>' in html
        assert 'href="/en/accounts/login/?next=/en/about/">Login</a>' in html
        for link in ('href="/en/help/">Help', 'href="/en/sitemap/">Sitemap', 'href="/en/about/">About us'):
            assert link in html

    def test_language_bar_names_each_language_in_itself(self, html):
        bar = html.split('class="language-bar"', 1)[1].split("</nav>", 1)[0]
        names = {
            "en": "English",
            "fr": "Français",
            "de": "Deutsch",
            "es": "Español",
            "ar": "العربية",
            "vi": "Tiếng Việt",
            "ru": "Русский",
            "zh-hans": "中文",
            "ja": "日本語",
            "ko": "한국어",
        }
        for code, name in names.items():
            assert f'href="/{code}/about/" lang="{code}" hreflang="{code}"' in bar
            assert f">{name}</a>" in bar
        assert 'lang="en" hreflang="en" aria-current="true"' in bar

    def test_head_lists_every_language_version(self, html):
        assert '<link rel="alternate" hreflang="ko" href="http://testserver/ko/about/">' in html
        assert '<link rel="alternate" hreflang="x-default" href="http://testserver/en/about/">' in html

    def test_search_box_and_keyword_bar(self, html):
        """Every page has a search box, and a keyword bar linking each header keyword to its tag page."""
        assert 'role="search"' in html and 'action="/en/search/"' in html
        bar = html.split('class="keyword-bar"', 1)[1].split("</nav>", 1)[0]
        assert re.findall(r'href="([^"]+)">(\w+)</a>', bar) == [
            ("/en/news/tags/dokdo/", "Dokdo"),
            ("/en/news/tags/hallyu/", "Hallyu"),
        ]

    def test_navigation_lists_the_sections(self, html):
        nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
        assert re.findall(r">(\w+)</a>", nav) == ["General", "Culture"]
        assert "aria-current" not in nav

    def test_footer_links(self, html):
        """The footer links to the feed, the sitemap, the privacy page and the contact form."""
        footer = html.split('class="site-footer"', 1)[1]
        for link in ('href="/feeds/en/latest/"', 'href="/en/sitemap/"', 'href="/en/privacy/"', 'href="/en/contact/"'):
            assert link in footer

    def test_head_offers_the_feed(self, html):
        feed = '<link rel="alternate" type="application/atom+xml" title="Latest articles" href="/feeds/en/latest/">'
        assert feed in html

    def test_loads_nothing_from_another_host(self, html):
        for url in re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"', html):
            assert url.startswith("/") or url.startswith("http://testserver/"), url

    def test_is_in_the_readers_language_and_direction(self, client):
        html = html_of(client.get("/ar/about/"))
        assert '<html lang="ar" dir="rtl">' in html
        assert '<html lang="ko" dir="ltr">' in html_of(client.get("/ko/about/"))


class TestHome:
    def test_shows_latest_articles_of_both_kinds_partners_and_summits(self, client):
        news = make_article(title_en="Hangeul Day", publish_date=timezone.now() - timedelta(days=1))
        japan = make_partner(slug="japan", name_en="Japan")
        relation = make_relation_article(partner=japan, title_en="ROK-Japan Relations")
        make_summit(partner=japan, date=date(2005, 11, 18), place_en="Busan", leaders_en="Roh and Koizumi")
        html = html_of(client.get("/en/"))
        assert html.index(relation.title_en) < html.index(news.title_en)
        assert f'href="{news.get_absolute_url()}"' in html
        assert f'href="{relation.get_absolute_url()}"' in html
        assert '<a href="/en/world/japan/">Japan</a>' in html
        assert "Busan" in html and "Roh and Koizumi" in html and "Nov. 18, 2005" in html

    def test_upcoming_summits_come_soonest_first_before_recent_ones(self, client):
        today = timezone.localdate()
        for days, place in ((400, "Far future"), (10, "Soon"), (-3, "Last week"), (-900, "Long ago")):
            make_summit(date=today + timedelta(days=days), place_en=place)
        html = html_of(client.get("/en/"))
        upcoming = html.split("Upcoming summits", 1)[1].split("Recent summits", 1)[0]
        recent = html.split("Recent summits", 1)[1]
        assert upcoming.index("Soon") < upcoming.index("Far future")
        assert "Last week" not in upcoming
        assert recent.index("Last week") < recent.index("Long ago")

    def test_without_summits_there_is_no_summit_block(self, client):
        html = html_of(client.get("/en/"))
        assert "summits" not in html.split('id="main"', 1)[1].lower()

    def test_empty_site_says_so(self, client):
        html = html_of(client.get("/en/"))
        assert "No articles have been published yet." in html

    def test_root_sends_the_visitor_to_their_language(self, client):
        response = client.get("/", headers={"accept-language": "ko,en;q=0.5"})
        assert response.status_code == 302
        assert response["Location"] == "/ko/"


class TestFixedPages:
    def test_about(self, client):
        """The About page is headed "About us" and says the portal is in ten languages."""
        html = html_of(client.get("/en/about/"))
        assert "<h1>About us</h1>" in html and "in ten languages" in html

    def test_help_explains_each_article_tool(self, client):
        html = html_of(client.get("/en/help/"))
        for tool in ("Enlarge and reduce font size", "Print", "E-mail", "Scrap"):
            assert f"<dt>{tool}</dt>" in html

    def test_privacy(self, client):
        """The Privacy page is headed "Privacy" and tells where the font size choice is kept."""
        html = html_of(client.get("/en/privacy/"))
        assert "<h1>Privacy</h1>" in html and "font size" in html

    def test_sitemap_lists_every_section_and_partner(self, client):
        sections = [make_section(name_en=name) for name in ("General", "Culture")]
        partners = [make_partner(name_en=name) for name in ("Japan", "China")]
        html = html_of(client.get("/en/sitemap/"))
        for item in sections + partners:
            assert f'<a href="{item.get_absolute_url()}">{item.name_en}</a>' in html
        assert '<a href="/en/contact/">Contact the webmaster</a>' in html

    def test_fixed_pages_are_translated(self, client):
        """The help page under /de/ is a German page."""
        assert '<html lang="de"' in html_of(client.get("/de/help/"))


class TestContact:
    URL = "/en/contact/"
    VALID = {
        "name": "Kim Min-ji",
        "email": "minji@example.org",
        "subject": "A broken link",
        "message": "The link on the culture page is broken.",
    }

    def post(self, client, capture, **changes):
        with capture(execute=True):
            return client.post(self.URL, {**self.VALID, **changes}, follow=True)

    def test_shows_the_form(self, client):
        html = html_of(client.get(self.URL))
        for name in ("name", "email", "subject", "message"):
            assert f'name="{name}"' in html
        assert 'name="csrfmiddlewaretoken"' in html

    def test_sends_one_mail_to_the_webmaster(self, client, settings, django_capture_on_commit_callbacks):
        html = html_of(self.post(client, django_capture_on_commit_callbacks))
        assert "Thank you: your message has been sent to the webmaster." in html
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [settings.WEBMASTER_EMAIL]
        assert message.reply_to == ["minji@example.org"]
        assert message.subject == "[Contact] A broken link"
        assert "The link on the culture page is broken." in message.body
        assert "Kim Min-ji" in message.body

    def test_thank_you_shows_even_after_the_form_was_seen(self, client, django_capture_on_commit_callbacks):
        """The page served after sending is not a cached copy of the empty form."""
        html_of(client.get(self.URL))
        html_of(Client().get(self.URL))
        html = html_of(self.post(client, django_capture_on_commit_callbacks))
        assert "Thank you: your message has been sent to the webmaster." in html
        assert "Thank you" not in html_of(client.get(self.URL))

    @pytest.mark.parametrize(
        ("changes", "field", "error"),
        [
            ({"email": "not-an-address"}, "email", "Enter a valid email address."),
            ({"name": ""}, "name", "This field is required."),
            ({"subject": "   "}, "subject", "This field is required."),
            ({"message": "Short"}, "message", "Ensure this value has at least 10 characters (it has 5)."),
            ({"subject": "Hello\nBcc: victim@example.org"}, "subject", "This field must be on one line."),
            ({"name": "Kim\r\nBcc: victim@example.org"}, "name", "This field must be on one line."),
        ],
    )
    def test_invalid_input_shows_errors_and_sends_nothing(
        self, client, django_capture_on_commit_callbacks, changes, field, error
    ):
        html = html_of(self.post(client, django_capture_on_commit_callbacks, **changes))
        assert "Please correct the errors below." in html
        assert f'<div class="field-error" id="id_{field}_error"><p>{error}</p></div>' in html
        assert 'aria-invalid="true"' in html
        assert mail.outbox == []

    def test_sixth_message_in_an_hour_is_refused(self, client, django_capture_on_commit_callbacks):
        for _attempt in range(CONTACT_LIMIT_PER_HOUR):
            assert self.post(client, django_capture_on_commit_callbacks).status_code == 200
        assert len(mail.outbox) == CONTACT_LIMIT_PER_HOUR
        refused = self.post(client, django_capture_on_commit_callbacks)
        assert refused.status_code == 429
        assert "You have sent several messages in the last hour." in refused.content.decode()
        assert len(mail.outbox) == CONTACT_LIMIT_PER_HOUR

    def test_another_address_is_not_limited_by_the_first(self, client, django_capture_on_commit_callbacks):
        for _attempt in range(CONTACT_LIMIT_PER_HOUR + 1):
            self.post(client, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(self.URL, self.VALID, REMOTE_ADDR="192.0.2.9")
        assert response.status_code == 302
        assert len(mail.outbox) == CONTACT_LIMIT_PER_HOUR + 1

    def test_post_without_csrf_token_is_refused(self):
        response = Client(enforce_csrf_checks=True).post(self.URL, self.VALID)
        assert response.status_code == 403
        assert mail.outbox == []

    def test_the_webmaster_reads_the_sites_language_and_the_message_as_written(
        self, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/ko/contact/", {**self.VALID, "subject": "링크 오류", "message": "문화 페이지의 링크가 깨졌습니다."}
            )
        assert response.status_code == 302
        (message,) = mail.outbox
        assert message.subject == "[Contact] 링크 오류"
        assert message.body == "Message from Kim Min-ji <minji@example.org>:\n\n문화 페이지의 링크가 깨졌습니다."
        # The visitor is still answered in their own language.
        with translation.override("ko"):
            thanks = translation.gettext("Thank you: your message has been sent to the webmaster.")
        assert thanks in html_of(client.get(response["Location"]))

    def test_a_mail_server_error_is_logged_and_the_visitor_is_answered_the_same(
        self, client, django_capture_on_commit_callbacks, monkeypatch, caplog
    ):
        def server_gone(message, *args, **kwargs):
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

        monkeypatch.setattr(mail.EmailMessage, "send", server_gone)
        response = self.post(client, django_capture_on_commit_callbacks)
        assert "Thank you: your message has been sent to the webmaster." in html_of(response)
        # Logged by the mail task, without the visitor's words or address.
        assert "recipient(s) could not be sent" in caplog.text
        assert "SMTPServerDisconnected" in caplog.text
        assert "A broken link" not in caplog.text


class TestErrorPages:
    def test_not_found_page_is_in_the_site_layout_and_language(self, client):
        response = client.get("/fr/nope/")
        html = response.content.decode()
        assert response.status_code == 404
        assert '<html lang="fr"' in html
        assert '<header class="site-header">' in html and '<footer class="site-footer">' in html
        assert 'action="/fr/search/"' in html
        assert "<title>" in html

    @pytest.mark.parametrize(("path", "language", "direction"), [("/ko/news/", "ko", "ltr"), ("/ar/", "ar", "rtl")])
    def test_server_error_page_is_in_the_site_layout_and_language(self, path, language, direction):
        with translation.override("en"):
            response = server_error(RequestFactory().get(path))
        html = response.content.decode()
        assert response.status_code == 500
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert 'class="site-header"' in html and '<main id="main"' in html
        assert f'<a href="/{language}/">' in html
        assert "/static/css/portal.css" in html

    def test_server_error_page_is_the_handler(self):
        assert handler500 == "korea_portal.views.server_error"

    def test_server_error_page_does_not_need_the_database(self, django_assert_num_queries):
        with django_assert_num_queries(0):
            assert server_error(RequestFactory().get("/en/")).status_code == 500


def test_robots_txt(client):
    """robots.txt is plain text that keeps crawlers out of the admin and names the sitemap."""
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
