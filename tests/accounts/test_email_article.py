"""The E-mail tool: a form, a mail built on the server, limits, and a log."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from accounts.models import ArticleEmail
from news.models import ArticleBase
from tests.factories import make_article, make_relation_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender(client):
    user = make_user(display_name="Choi Yuna", email="yuna@example.org")
    client.force_login(user)
    return user


@pytest.fixture
def article():
    return make_article(
        title_en="Korea and Japan sign an accord",
        summary_en="The two governments agreed on a new framework.",
        title_fr="La Corée et le Japon signent un accord",
        summary_fr="Les deux gouvernements ont convenu d'un nouveau cadre.",
        body_fr="<p>Texte</p>",
    )


def test_the_article_page_offers_the_email_tool(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{article.tool_urls["email"]}"' in page
    assert (
        client.get(article.tool_urls["email"])["Location"] == f"/en/accounts/login/?next={article.tool_urls['email']}"
    )


def test_email_an_article(client, committed, mailoutbox, sender, article):
    """A reader mails an article to two people: each gets their own mail, replies go to the reader, and it is logged."""
    form = client.get(article.tool_urls["email"])
    assert form.status_code == 200
    assert "Korea and Japan sign an accord" in form.content.decode()

    data = {"recipients": "friend@example.org, Colleague@Example.net", "message": "Thought of you <b>today</b>"}
    response = committed(client.post, article.tool_urls["email"], data, follow=True)
    assert response.redirect_chain[-1][0] == article.get_absolute_url()
    assert "The article is sent to 2 recipients." in response.content.decode()

    assert [mail.to for mail in mailoutbox] == [["friend@example.org"], ["Colleague@Example.net"]]
    url = f"http://testserver{article.get_absolute_url()}"
    for mail in mailoutbox:
        assert mail.subject == "Korea and Japan sign an accord"
        assert mail.from_email == settings.DEFAULT_FROM_EMAIL
        assert mail.reply_to == ["yuna@example.org"]
        assert mail.cc == [] and mail.bcc == []
        for part in (mail.body, mail.alternatives[0][0]):
            assert "Choi Yuna" in part
            assert "The two governments agreed on a new framework." in part
            assert url in part
        assert "Thought of you <b>today</b>" in mail.body
        # The HTML part shows the message as text.
        assert "Thought of you &lt;b&gt;today&lt;/b&gt;" in mail.alternatives[0][0]

    log = ArticleEmail.objects.get()
    assert (log.sender, log.article, log.recipient_count) == (sender, article, 2)
    assert log.article_title == "Korea and Japan sign an accord"


def test_the_mail_is_in_the_language_of_the_page(client, committed, mailoutbox, sender, article):
    url = f"/fr{article.tool_urls['email'][3:]}"
    committed(client.post, url, {"recipients": "ami@example.org"})
    (mail,) = mailoutbox
    assert mail.subject == "La Corée et le Japon signent un accord"
    assert "Les deux gouvernements ont convenu d'un nouveau cadre." in mail.body
    assert f"http://testserver/fr{article.get_absolute_url()[3:]}" in mail.body


def test_relation_articles_are_emailed_the_same_way(client, committed, mailoutbox, sender):
    article = make_relation_article(title_en="ROK-EU Relations")
    assert article.tool_urls["email"] == f"{article.get_absolute_url()}email/"
    committed(client.post, article.tool_urls["email"], {"recipients": "friend@example.org"})
    (mail,) = mailoutbox
    assert mail.subject == "ROK-EU Relations"
    assert ArticleEmail.objects.get().article == article


def test_mail_goes_only_after_the_transaction_commits(client, django_capture_on_commit_callbacks, mailoutbox, sender):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(article.tool_urls["email"], {"recipients": "a@example.org, b@example.org"})
    assert mailoutbox == []
    assert len(callbacks) == 2
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 2


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"recipients": "friend@example"}, "“friend@example” is not a valid e-mail address."),
        ({"recipients": "ok@example.org, not-an-address"}, "“not-an-address” is not a valid e-mail address."),
        ({"recipients": " , "}, "Enter at least one e-mail address."),
        ({"recipients": ""}, "This field is required."),
        (
            {"recipients": ", ".join(f"p{number}@example.org" for number in range(6))},
            "Enter at most 5 e-mail addresses.",
        ),
        ({"recipients": "friend@example.org\nBcc: victim@example.org"}, "This field must be on one line."),
        ({"recipients": "friend@example.org\r\nSubject: spam"}, "This field must be on one line."),
        ({"recipients": "friend@example.org", "message": "Hi\r\nBcc: victim@example.org"}, "must be on one line"),
        ({"recipients": "friend@example.org", "message": "x" * 301}, "at most 300 characters"),
    ],
)
def test_bad_input_is_refused_with_a_form_error_and_nothing_is_sent(
    client, committed, mailoutbox, sender, article, data, error
):
    response = committed(client.post, article.tool_urls["email"], data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert mailoutbox == []
    assert not ArticleEmail.objects.exists()


def test_five_recipients_are_allowed_and_repeats_count_once(client, committed, mailoutbox, sender, article):
    recipients = "a@example.org; b@example.org c@example.org,d@example.org, e@example.org, A@example.org"
    committed(client.post, article.tool_urls["email"], {"recipients": recipients})
    assert len(mailoutbox) == 5
    assert ArticleEmail.objects.get().recipient_count == 5


def test_full_width_separators_of_cjk_keyboards_separate_addresses(client, committed, mailoutbox, sender, article):
    committed(
        client.post,
        article.tool_urls["email"],
        {"recipients": "a@example.org，b@example.org、c@example.org；d@example.org"},
    )
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
        "d@example.org",
    ]


@pytest.mark.parametrize(
    "values",
    [{"status": ArticleBase.Status.DRAFT}, {"publish_date": timezone.now() + timedelta(days=1)}],
)
def test_an_unpublished_article_cannot_be_emailed(client, committed, mailoutbox, sender, values):
    article = make_article(**values)
    assert client.get(article.tool_urls["email"]).status_code == 404
    response = committed(client.post, article.tool_urls["email"], {"recipients": "friend@example.org"})
    assert response.status_code == 404
    assert mailoutbox == []
    assert not ArticleEmail.objects.exists()


def test_a_user_may_send_only_so_many_an_hour(client, committed, mailoutbox, sender, article, settings):
    settings.EMAIL_ARTICLE_LIMIT_PER_HOUR = 2
    for _send in range(2):
        assert (
            committed(client.post, article.tool_urls["email"], {"recipients": "friend@example.org"}).status_code == 302
        )
    response = committed(client.post, article.tool_urls["email"], {"recipients": "friend@example.org"})
    assert response.status_code == 429
    assert "You may e-mail 2 articles an hour. Please try again later." in response.content.decode()
    assert len(mailoutbox) == 2
    assert ArticleEmail.objects.count() == 2

    # The limit is the user's own: another user may still send.
    client.force_login(make_user())
    assert committed(client.post, article.tool_urls["email"], {"recipients": "friend@example.org"}).status_code == 302
    assert len(mailoutbox) == 3


def test_one_address_gets_only_so_many_articles_an_hour_whoever_sends(client, committed, mailoutbox, article, settings):
    settings.EMAIL_ARTICLE_LIMIT_PER_RECIPIENT = 2
    for _sender in range(2):
        client.force_login(make_user())
        assert (
            committed(client.post, article.tool_urls["email"], {"recipients": "Target@example.org"}).status_code == 302
        )
    client.force_login(make_user())
    response = committed(
        client.post, article.tool_urls["email"], {"recipients": "friend@example.org, target@example.org"}
    )
    assert response.status_code == 429
    assert "One of these addresses has received several articles" in response.content.decode()
    assert len(mailoutbox) == 2


def test_the_email_post_needs_a_csrf_token(sender, mailoutbox, article):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(sender)
    assert strict.post(article.tool_urls["email"], {"recipients": "friend@example.org"}).status_code == 403
    assert mailoutbox == []
