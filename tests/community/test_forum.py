import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from community.models import Board, Post, Topic
from community.services import reply, start_topic
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return Board.objects.create(slug="general", name_en="General discussion", name_fr="Discussion générale")


@pytest.fixture
def topic(board):
    return start_topic(
        board=board, author=make_user(display_name="Minji"), title="Best kimchi recipe?", body="Tell me yours."
    )


@pytest.fixture
def moderator():
    user = make_user()
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_everyone_reads_boards_topics_and_posts(client, topic):
    boards = client.get("/en/forum/").content.decode()
    assert "General discussion" in boards and "1 topic" in boards
    assert "Discussion générale" in client.get("/fr/forum/").content.decode()
    listing = client.get("/en/forum/general/").content.decode()
    assert "Best kimchi recipe?" in listing and "by Minji" in listing
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "Tell me yours." in page
    assert "Log in to reply" in page


def test_post_text_is_escaped_and_links_are_made(client, board):
    topic = start_topic(
        board=board, author=make_user(), title="<b>Bold</b>", body="<script>x()</script> see https://korea.example"
    )
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "<script>x()</script>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert '<a href="https://korea.example"' in html


def test_a_visitor_must_log_in_to_post(client, board, topic):
    response = client.get(reverse("community:new-topic", kwargs={"board": "general"}))
    assert response.status_code == 302 and "/en/accounts/login/" in response["Location"]
    response = client.post(topic.get_absolute_url(), {"body": "Hello"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Post.objects.count() == 1


def test_a_user_opens_a_topic_and_replies(client, board):
    client.force_login(make_user())
    response = client.post("/en/forum/general/new/", {"title": "Learning Hangeul", "body": "Where do I start?"})
    topic = Topic.objects.get(title="Learning Hangeul")
    assert response.status_code == 302 and response["Location"] == topic.get_absolute_url()
    response = client.post(topic.get_absolute_url(), {"body": "With the vowels."}, follow=True)
    html = response.content.decode()
    assert "Your reply has been posted." in html and "With the vowels." in html
    assert topic.posts.count() == 2


def test_bad_topic_is_refused_with_its_errors_and_nothing_saved(client, board):
    client.force_login(make_user())
    response = client.post("/fr/forum/general/new/", {"title": "ab", "body": " "})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'lang="fr"' in html
    assert Topic.objects.count() == 0 and Post.objects.count() == 0
    response = client.post("/en/forum/general/new/", {"title": "ab", "body": " "})
    html = response.content.decode()
    assert "A title has at least 3 characters." in html
    assert "Write a message." in html


def test_too_long_message_is_refused(client, topic):
    client.force_login(make_user())
    response = client.post(topic.get_absolute_url(), {"body": "x" * 5001})
    assert response.status_code == 400
    assert "A message can have at most 5000 characters." in response.content.decode()
    assert topic.posts.count() == 1


def test_unknown_board_or_topic_is_404(client, topic):
    assert client.get("/en/forum/nowhere/").status_code == 404
    assert client.get(f"/en/forum/general/{topic.pk + 100}/").status_code == 404
    other = Board.objects.create(slug="other", name_en="Other")
    assert client.get(f"/en/forum/{other.slug}/{topic.pk}/").status_code == 404


def test_posting_is_rate_limited(client, settings, topic):
    """A reader past the reply limit is refused with "Please wait a little.", and the extra reply is not posted."""
    settings.FORUM_POST_LIMIT = (2, 600)
    client.force_login(make_user())
    for number in range(2):
        assert client.post(topic.get_absolute_url(), {"body": f"Reply {number}"}).status_code == 302
    response = client.post(topic.get_absolute_url(), {"body": "One too many"})
    assert response.status_code == 429
    assert "Please wait a little." in response.content.decode()
    assert not topic.posts.filter(body="One too many").exists()


def test_moderator_hides_a_post_and_readers_no_longer_see_it(client, topic, moderator):
    post = reply(topic=topic, author=make_user(), body="Spam spam spam")
    client.force_login(moderator)
    response = client.post(
        reverse("community:hide-post", kwargs={"pk": post.pk}), {"action": "hide", "reason": "Advertising"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Advertising"
    assert "Spam spam spam" in client.get(topic.get_absolute_url()).content.decode()  # moderators still see it
    client.logout()
    assert "Spam spam spam" not in client.get(topic.get_absolute_url()).content.decode()
    assert "1 topic" in client.get("/en/forum/").content.decode()


def test_a_reader_cannot_moderate(client, topic):
    post = topic.posts.get()
    client.force_login(make_user())
    assert client.post(reverse("community:hide-post", kwargs={"pk": post.pk}), {"action": "hide"}).status_code == 403
    assert client.post(reverse("community:lock-topic", kwargs={"pk": topic.pk}), {"action": "lock"}).status_code == 403
    post.refresh_from_db()
    topic.refresh_from_db()
    assert post.is_hidden is False and topic.is_locked is False


def test_a_locked_topic_takes_no_reply(client, topic, moderator):
    client.force_login(moderator)
    client.post(reverse("community:lock-topic", kwargs={"pk": topic.pk}), {"action": "lock"})
    client.force_login(make_user())
    response = client.post(topic.get_absolute_url(), {"body": "Too late"})
    assert response.status_code == 403
    assert "This topic is locked" in response.content.decode()
    assert topic.posts.count() == 1


def test_a_reply_moves_its_topic_to_the_top(client, board):
    author = make_user()
    older = start_topic(board=board, author=author, title="Older topic", body="First")
    start_topic(board=board, author=author, title="Newer topic", body="Second")
    reply(topic=older, author=author, body="Bump")
    html = client.get("/en/forum/general/").content.decode()
    assert html.index("Older topic") < html.index("Newer topic")


def test_board_page_queries_do_not_grow_with_topics(client, board, django_assert_max_num_queries):
    author = make_user()
    for number in range(15):
        start_topic(board=board, author=author, title=f"Topic {number}", body="Body")
    with django_assert_max_num_queries(12):
        assert client.get("/en/forum/general/").status_code == 200


def test_every_page_links_to_the_forum(client):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/forum/">Community</a>' in html
    assert 'href="/en/forum/"' in client.get("/en/sitemap/").content.decode()


def test_moderation_actions_are_explicit_so_two_moderators_agree(client, topic, moderator):
    post = topic.posts.get()
    client.force_login(moderator)
    hide = reverse("community:hide-post", kwargs={"pk": post.pk})
    for _moderator in range(2):
        client.post(hide, {"action": "hide"})
    post.refresh_from_db()
    assert post.is_hidden is True
    client.post(hide, {"action": "show"})
    post.refresh_from_db()
    assert post.is_hidden is False
    assert client.post(hide, {"action": "delete"}).status_code == 400
    lock = reverse("community:lock-topic", kwargs={"pk": topic.pk})
    assert client.post(lock, {}).status_code == 400
    client.post(lock, {"action": "lock"})
    client.post(lock, {"action": "lock"})
    topic.refresh_from_db()
    assert topic.is_locked is True


def test_a_deleted_account_leaves_its_posts_and_the_replies_to_them(client, board):
    author = make_user(display_name="Leaving Reader")
    topic = start_topic(board=board, author=author, title="A question", body="My question")
    reply(topic=topic, author=make_user(), body="An answer from another reader")
    author.delete()
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "My question" in html and "An answer from another reader" in html
    assert "a deleted user" in html and "Leaving Reader" not in html
    assert "by a deleted user" in client.get(board.get_absolute_url()).content.decode()


def test_forum_pages_are_never_served_from_the_page_cache(client, topic):
    client.get(topic.get_absolute_url())
    reply(topic=topic, author=make_user(), body="Fresh reply")
    assert "Fresh reply" in client.get(topic.get_absolute_url()).content.decode()


def test_topic_page_queries_do_not_grow_with_posts(client, topic):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(topic.get_absolute_url()).status_code == 200
        return len(captured)

    queries()  # the header's sections and keywords are cached from here on
    few = queries()
    for number in range(15):
        reply(topic=topic, author=make_user(), body=f"Reply {number}")
    assert queries() == few
