"""The newsletter: double opt-in, sending issues once each, one-click unsubscribe."""

import io
import re
import smtplib
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.core.mail.backends import locmem
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from news.models import WORLD_SECTION_SLUG
from newsletter import sending
from newsletter.models import NewsletterDelivery, NewsletterIssue, Subscription
from newsletter.services import NEWSLETTER_CONFIRM_MAX_AGE
from tests.factories import make_article, make_relation_article, make_section, make_subscription, make_user

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/en/newsletter/"


def site_path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def links_in(mail):
    return [site_path(url) for url in re.findall(r"https?://\S+", mail.body)]


def send_newsletter():
    out = io.StringIO()
    call_command("send_newsletter", stdout=out)
    return out.getvalue()


def test_the_footer_leads_to_the_subscribe_form(client):
    html = client.get("/en/").content.decode()
    assert '<li><a href="/en/newsletter/">Sign up for the newsletter</a></li>' in html
    form = client.get(SUBSCRIBE)
    assert form.status_code == 200
    assert form.context["form"]["language"].value() == "en"


def test_subscribe_confirm_send_unsubscribe(client, committed, mailoutbox):
    """A subscriber confirms by a button, gets only their sections in their language, once, and leaves by a button."""
    politics = make_section(slug="politics")
    make_section(slug="culture")
    response = committed(
        client.post, SUBSCRIBE, {"email": "Sub@Example.org", "language": "de", "sections": [politics.pk]}
    )
    assert response["Location"] == "/en/newsletter/check-your-mail/"
    assert "Check your mail" in client.get(response["Location"]).content.decode()
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.language, subscription.confirmed) == ("sub@example.org", "de", None)

    (confirmation,) = mailoutbox
    assert confirmation.to == ["sub@example.org"]
    confirm_path, unsubscribe_path = links_in(confirmation)
    assert confirm_path.startswith("/de/newsletter/confirm/")
    assert unsubscribe_path.startswith("/de/newsletter/unsubscribe/")
    assert confirmation.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_path}>"
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert confirm_path in confirmation.alternatives[0][0]

    # Nothing is sent to an unconfirmed address.
    make_article(section=politics, title_en="Election results", title_de="Wahlergebnisse", body_de="<p>Text</p>")
    assert "0 subscriber(s)" in send_newsletter()
    assert len(mailoutbox) == 1
    NewsletterIssue.objects.all().delete()

    # Following the link shows a button (mail scanners open links); its POST confirms.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    subscription.refresh_from_db()
    assert subscription.confirmed is None
    page = client.post(confirm_path)
    assert page.status_code == 200
    # The link acts: its answer is never kept by the page cache.
    assert "no-store" in page["Cache-Control"]
    with translation.override("de"):
        assert gettext("You are subscribed") in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed is not None
    assert list(subscription.sections.all()) == [politics]

    make_article(section=make_section(), title_en="Not in my sections")
    output = send_newsletter()
    assert "[##############################] 1/1" in output
    assert "Sent 1;" in output
    issue_mail = mailoutbox[1]
    assert issue_mail.to == ["sub@example.org"]
    # In the subscriber's language, with their sections only.
    assert "Wahlergebnisse" in issue_mail.body and "Wahlergebnisse" in issue_mail.alternatives[0][0]
    assert "Not in my sections" not in issue_mail.body
    article_links = [link for link in links_in(issue_mail) if "/news/" in link]
    assert article_links and all(link.startswith("/de/news/politics/") for link in article_links)
    leave_path = links_in(issue_mail)[-1]
    assert leave_path.startswith("/de/newsletter/unsubscribe/")
    assert site_path(issue_mail.extra_headers["List-Unsubscribe"].strip("<>")) == leave_path
    assert leave_path in issue_mail.alternatives[0][0]

    # Running it again sends nothing new.
    assert "nothing to send" in send_newsletter()
    assert len(mailoutbox) == 2

    # Opening the link (as a mail scanner does) only asks; its button unsubscribes.
    page = client.get(leave_path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    with translation.override("de"):
        assert gettext("Leave the newsletter?") in page.content.decode()
        assert f'<button type="submit">{gettext("Unsubscribe")}</button>' in page.content.decode()
    assert Subscription.objects.exists()
    page = client.post(leave_path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    with translation.override("de"):
        assert gettext("You are unsubscribed") in page.content.decode()
    assert not Subscription.objects.exists()
    make_article(section=politics)
    send_newsletter()
    assert len(mailoutbox) == 2


def test_subscribing_twice_keeps_one_subscription(client, committed, mailoutbox):
    for language in ("en", "ko"):
        committed(client.post, SUBSCRIBE, {"email": "twice@example.org", "language": language})
    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().language == "ko"
    assert len(mailoutbox) == 2
    for mail in mailoutbox:
        client.post(links_in(mail)[0])
    assert Subscription.objects.count() == 1


def test_a_confirmed_subscription_changes_only_through_its_confirmation_link(client, committed, mailoutbox):
    """Anyone may type an address; only its owner's click changes the subscription."""
    subscription = make_subscription(email="owner@example.org", language="en")
    culture = make_section()
    committed(client.post, SUBSCRIBE, {"email": "owner@example.org", "language": "ja", "sections": [culture.pk]})
    subscription.refresh_from_db()
    assert subscription.language == "en"
    assert not subscription.sections.exists()
    client.post(links_in(mailoutbox[0])[0])
    subscription.refresh_from_db()
    assert subscription.language == "ja"
    assert list(subscription.sections.all()) == [culture]


def test_the_subscribe_form_refuses_bad_input(client, mailoutbox):
    response = client.post(SUBSCRIBE, {"email": "nope", "language": "xx", "sections": ["999"]})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "language", "sections"}
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_opening_the_confirmation_link_confirms_nothing_until_its_button_is_pressed(client, committed, mailoutbox):
    """Mail scanners open links: only the POST of the page's button confirms, and it needs the page's CSRF token."""
    economy = make_section(name_en="Economy")
    committed(client.post, SUBSCRIBE, {"email": "scanned@example.org", "language": "en", "sections": [economy.pk]})
    confirm_path = links_in(mailoutbox[0])[0]

    page = Client().get(confirm_path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "The newsletter will come to scanned@example.org, in English." in html
    assert "Your sections: Economy" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Confirm my subscription</button>" in html
    assert Subscription.objects.get().confirmed is None

    assert Client(enforce_csrf_checks=True).post(confirm_path).status_code == 403
    assert Subscription.objects.get().confirmed is None

    page = Client().post(confirm_path)
    assert page.status_code == 200
    assert "You are subscribed" in page.content.decode()
    assert Subscription.objects.get().confirmed is not None


def test_languages_are_named_in_themselves_as_in_the_language_bar(client, committed, mailoutbox):
    form = client.get(SUBSCRIBE).content.decode()
    assert '<option value="fr">Français</option>' in form
    assert '<option value="zh-hans">中文</option>' in form
    committed(client.post, SUBSCRIBE, {"email": "zh@example.org", "language": "zh-hans"})
    confirm_path = links_in(mailoutbox[0])[0]
    assert confirm_path.startswith("/zh-hans/")
    for page in (client.get(confirm_path), client.post(confirm_path)):
        html = page.content.decode()
        assert "中文" in html
        # Django's own name of the language, which the rest of the site does not use.
        assert "简体中文" not in html


@pytest.mark.parametrize("section_id", ["99999999999999999999999", "-1", "0", "abc", "1.5", ""])
def test_an_unknown_or_impossible_section_is_a_form_error(client, mailoutbox, section_id):
    make_section()
    response = client.post("/fr/newsletter/", {"email": "s@example.org", "language": "fr", "sections": [section_id]})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["sections"]
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_subscription_mails_are_limited(client, committed, mailoutbox):
    """Three subscriptions for one address send three mails; a fourth gets "Please try again later." and no mail."""
    for _attempt in range(3):
        committed(client.post, SUBSCRIBE, {"email": "flood@example.org", "language": "en"})
    response = committed(client.post, SUBSCRIBE, {"email": "flood@example.org", "language": "en"})
    assert response.status_code == 429
    assert "Please try again later." in response.content.decode()
    assert len(mailoutbox) == 3


def test_bad_or_expired_links_are_refused(client, monkeypatch):
    assert client.get("/en/newsletter/confirm/forged:token/").status_code == 400
    assert client.post("/en/newsletter/confirm/forged:token/").status_code == 400
    assert client.get("/en/newsletter/unsubscribe/forged:token/").status_code == 400
    assert client.post("/en/newsletter/unsubscribe/forged:token/").status_code == 400
    long_ago = time.time() - NEWSLETTER_CONFIRM_MAX_AGE - 60
    monkeypatch.setattr(signing.time, "time", lambda: long_ago)
    token = signing.dumps(
        {"email": "late@example.org", "language": "en", "sections": []},
        salt="accounts.newsletter.confirm",
        compress=True,
    )
    monkeypatch.undo()
    for method in (client.get, client.post):
        response = method(f"/en/newsletter/confirm/{token}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert not Subscription.objects.filter(confirmed__isnull=False).exists()


def test_mail_programs_unsubscribe_in_one_click_with_a_post(client, committed, mailoutbox):
    subscription = make_subscription(email="oneclick@example.org")
    make_article()
    send_newsletter()
    header = mailoutbox[0].extra_headers["List-Unsubscribe"]
    url = site_path(header.strip("<>"))
    # A mail program posts without a CSRF token (RFC 8058).
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_an_issue_is_never_sent_twice_to_anyone_even_after_a_crash(mailoutbox, monkeypatch):
    first = make_subscription(email="first@example.org")
    second = make_subscription(email="second@example.org")
    make_article(title_en="Only news")

    # The first run stops with the mail to the second subscriber failing.
    from django.core.mail import EmailMultiAlternatives

    real_send = EmailMultiAlternatives.send

    def failing_send(mail, *args, **kwargs):
        if mail.to == ["second@example.org"]:
            raise OSError("SMTP went away")
        return real_send(mail, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", failing_send)
    with pytest.raises(CommandError, match="second@example.org"):
        send_newsletter()
    assert [mail.to for mail in mailoutbox] == [["first@example.org"]]
    issue = NewsletterIssue.objects.get()
    assert issue.completed is None

    # The rerun resumes the same issue and sends it to the second only.
    monkeypatch.undo()
    output = send_newsletter()
    assert "1 subscriber(s)" in output
    assert [mail.to for mail in mailoutbox] == [["first@example.org"], ["second@example.org"]]
    assert NewsletterIssue.objects.get().completed is not None
    assert NewsletterDelivery.objects.filter(issue=issue, sent__isnull=False).count() == 2

    # A claim recorded just before a crash (mail perhaps gone) is never sent again.
    issue.completed = None
    issue.save()
    NewsletterDelivery.objects.filter(subscription=first).update(sent=None)
    send_newsletter()
    assert len(mailoutbox) == 2
    assert second.deliveries.count() == 1


def test_sections_choose_the_articles_and_relation_articles_belong_to_korea_and_the_world(mailoutbox):
    world = make_section(slug=WORLD_SECTION_SLUG)
    economy = make_section(slug="economy")
    make_article(section=economy, title_en="Exports grow")
    make_relation_article(title_en="ROK-China Relations")
    make_subscription(email="all@example.org")
    make_subscription(email="world@example.org", sections=[world])
    make_subscription(email="economy@example.org", sections=[economy])
    make_subscription(email="empty@example.org", sections=[make_section()])
    output = send_newsletter()
    assert "Sent 3; 1 had nothing new in their sections." in output
    bodies = {mail.to[0]: mail.body for mail in mailoutbox}
    assert set(bodies) == {"all@example.org", "world@example.org", "economy@example.org"}
    assert "Exports grow" in bodies["all@example.org"] and "ROK-China Relations" in bodies["all@example.org"]
    assert "ROK-China Relations" in bodies["world@example.org"] and "Exports grow" not in bodies["world@example.org"]
    assert "Exports grow" in bodies["economy@example.org"]
    assert "ROK-China Relations" not in bodies["economy@example.org"]


def test_issues_cover_only_what_is_new_since_the_last(mailoutbox):
    make_subscription(email="reader@example.org")
    make_article(title_en="First week", publish_date=timezone.now() - timedelta(days=2))
    make_article(title_en="Too old", publish_date=timezone.now() - timedelta(days=30))
    send_newsletter()
    assert "First week" in mailoutbox[0].body
    assert "Too old" not in mailoutbox[0].body
    make_article(title_en="Second week", publish_date=timezone.now())
    # A draft is never in an issue.
    make_article(title_en="Draft", status="draft")
    send_newsletter()
    assert "Second week" in mailoutbox[1].body
    assert "First week" not in mailoutbox[1].body
    assert "Draft" not in mailoutbox[1].body


def test_unconfirmed_subscriptions_are_removed_when_their_link_expires():
    stale = make_subscription(confirmed=False)
    Subscription.objects.filter(pk=stale.pk).update(created=timezone.now() - timedelta(days=8))
    fresh = make_subscription(confirmed=False)
    output = send_newsletter()
    assert "Removed 1 subscription(s) never confirmed." in output
    assert list(Subscription.objects.all()) == [fresh]


def test_a_logged_in_readers_address_is_filled_in(client):
    user = make_user(email="member@example.org")
    client.force_login(user)
    assert client.get(SUBSCRIBE).context["form"]["email"].value() == "member@example.org"


class RefusingBackend(locmem.EmailBackend):
    """The test outbox, with a mail server that refuses the addresses in ``refused`` (a bouncing mailbox)."""

    refused = set()

    def send_messages(self, messages):
        for message in messages:
            refused = set(message.to) & self.refused
            if refused:
                raise smtplib.SMTPRecipientsRefused({address: (550, b"No such mailbox") for address in refused})
        return super().send_messages(messages)


@pytest.fixture
def refused_addresses(settings, mailoutbox):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    RefusingBackend.refused = set()
    yield RefusingBackend.refused
    RefusingBackend.refused = set()


def test_a_bouncing_address_is_retried_then_given_up_and_holds_nobody_back(refused_addresses, mailoutbox):
    for name in ("first", "bouncing", "last"):
        make_subscription(email=f"{name}@example.org")
    make_article(title_en="Week one")
    refused_addresses.add("bouncing@example.org")

    # The others get the issue at once; the bouncing address is recorded with its attempts.
    with pytest.raises(CommandError, match="bouncing@example.org"):
        send_newsletter()
    assert [mail.to for mail in mailoutbox] == [["first@example.org"], ["last@example.org"]]
    issue = NewsletterIssue.objects.get()
    assert issue.completed is None
    delivery = NewsletterDelivery.objects.get(subscription__email="bouncing@example.org")
    assert (delivery.attempts, delivery.sent, delivery.failed is not None) == (1, None, True)

    # The next run retries that address only.
    out = io.StringIO()
    with pytest.raises(CommandError, match="bouncing@example.org"):
        call_command("send_newsletter", stdout=out)
    assert "1 subscriber(s) to send to" in out.getvalue()
    assert len(mailoutbox) == 2
    delivery.refresh_from_db()
    assert delivery.attempts == 2

    # After NEWSLETTER_MAX_ATTEMPTS (3) the address misses the issue, and the issue is complete.
    output = send_newsletter()
    assert "Gave up on 1 address(es) after 3 failed attempts" in output
    assert "bouncing@example.org" in output
    delivery.refresh_from_db()
    assert delivery.attempts == 3
    issue.refresh_from_db()
    assert issue.completed is not None
    assert len(mailoutbox) == 2
    assert "nothing to send" in send_newsletter()

    # The next issue goes to everyone, the address that bounced included once it works again.
    refused_addresses.clear()
    make_article(title_en="Week two", publish_date=timezone.now())
    send_newsletter()
    assert sorted(mail.to[0] for mail in mailoutbox[2:]) == [
        "bouncing@example.org",
        "first@example.org",
        "last@example.org",
    ]
    assert all("Week two" in mail.body and "Week one" not in mail.body for mail in mailoutbox[2:])
    # Nobody got an issue twice.
    assert NewsletterDelivery.objects.filter(sent__isnull=False).count() == 5


def test_the_number_of_attempts_is_a_setting(refused_addresses, mailoutbox, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 1
    make_subscription(email="bouncing@example.org")
    make_subscription(email="fine@example.org")
    make_article()
    refused_addresses.add("bouncing@example.org")
    assert "Gave up on 1 address(es) after 1 failed attempts" in send_newsletter()
    assert NewsletterIssue.objects.get().completed is not None
    assert [mail.to for mail in mailoutbox] == [["fine@example.org"]]


def test_a_retry_is_claimed_before_its_mail_goes_so_a_crash_never_sends_twice(refused_addresses, mailoutbox):
    make_subscription(email="bouncing@example.org")
    make_article()
    refused_addresses.add("bouncing@example.org")
    with pytest.raises(CommandError):
        send_newsletter()
    # The retry's claim is recorded, then the process dies before recording the outcome.
    delivery = NewsletterDelivery.objects.get()
    issue = delivery.issue
    claimed = sending.claim_delivery(issue, delivery.subscription, 1, sending.max_attempts())
    assert claimed.pk == delivery.pk and claimed.attempts == 2 and claimed.failed is None
    # A second run racing for the same retry does not get it.
    assert sending.claim_delivery(issue, delivery.subscription, 1, sending.max_attempts()) is None
    refused_addresses.clear()
    send_newsletter()
    assert mailoutbox == []
    issue.refresh_from_db()
    assert issue.completed is not None


def test_issue_numbers_are_unique():
    """Two runs started at once compute the same next number; the database takes only one issue of it."""
    now = timezone.now()
    NewsletterIssue.objects.create(number=1, period_start=now - timedelta(days=7), period_end=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsletterIssue.objects.create(number=1, period_start=now - timedelta(days=7, seconds=1), period_end=now)


def test_a_run_that_meets_the_issue_another_run_just_made_shares_it(monkeypatch, mailoutbox):
    make_subscription(email="once@example.org")
    make_article(title_en="Only news")
    real_has_new_articles = sending.has_new_articles

    def another_run_makes_the_issue_meanwhile(start, end):
        monkeypatch.setattr(sending, "has_new_articles", real_has_new_articles)
        NewsletterIssue.objects.create(number=1, period_start=start - timedelta(seconds=1), period_end=end)
        return real_has_new_articles(start, end)

    monkeypatch.setattr(sending, "has_new_articles", another_run_makes_the_issue_meanwhile)
    send_newsletter()
    assert NewsletterIssue.objects.count() == 1
    assert [mail.to for mail in mailoutbox] == [["once@example.org"]]
    # The other run, going on with the same issue, sends nobody a second copy.
    issue = NewsletterIssue.objects.get()
    report = sending.send_issue(issue, Subscription.objects.confirmed())
    assert report.sent == 0
    assert report.counts == {sending.Outcome.CLAIMED: 1}
    assert len(mailoutbox) == 1
