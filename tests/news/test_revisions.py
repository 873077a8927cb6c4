"""Every save through the admin keeps a revision; editors compare, restore and recover them."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from reversion.models import Version

from news.models import Article
from relations.models import Partner, Summit
from tests.factories import make_article, make_editor, make_partner, make_publisher, make_summit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client):
    """A publisher: who may publish, and delete a published article (news.workflow)."""
    client.force_login(make_publisher())
    return client


def change_form_data(client, url, **changes):
    """What the change form at ``url`` posts as it stands, with ``changes``."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if name == "publish_date":
            data["publish_date_0"] = value.strftime("%Y-%m-%d")
            data["publish_date_1"] = value.strftime("%H:%M:%S")
            continue
        if isinstance(value, list | tuple):
            data[name] = [getattr(item, "pk", item) for item in value]
        else:
            data[name] = getattr(value, "pk", value)
    data.update(changes)
    return data


def edit(client, article, **changes):
    url = reverse("admin:news_article_change", args=[article.pk])
    response = client.post(url, change_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def history(article):
    return Version.objects.get_for_object(article).select_related("revision").order_by("-revision__date_created", "-pk")


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


class TestRecording:
    def test_each_save_in_the_admin_keeps_a_revision_with_who_and_the_comment(self, editor_client, editor):
        article = make_article(body_en="<p>Seoul hosted the summit.</p>")
        edit(editor_client, article, body_en="<p>Busan hosted the summit.</p>", revision_comment="Right city")
        edit(editor_client, article, title_en="A new title")
        versions = list(history(article))
        assert len(versions) == 3
        # The text before the first edit is kept: made outside the admin, it had no revision.
        assert versions[2].revision.comment == "As it stood before its first change in the admin"
        assert versions[2].field_dict["body_en"] == "<p>Seoul hosted the summit.</p>"
        assert versions[1].revision.comment == "Right city"
        assert versions[1].revision.user == editor
        assert versions[1].field_dict["body_en"] == "<p>Busan hosted the summit.</p>"
        # Without a comment of the editor's, the admin's summary of the change.
        assert "Title" in versions[0].revision.get_comment()

    def test_the_change_form_offers_the_comment(self, editor_client):
        article = make_article()
        html = editor_client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
        assert 'name="revision_comment"' in html and "Comment on this revision" in html

    def test_a_partner_revision_holds_its_summits(self, editor_client):
        partner = make_partner(name_en="Canada")
        summit = make_summit(partner=partner, place_en="Ottawa")
        url = reverse("admin:relations_partner_change", args=[partner.pk])
        page = editor_client.get(url)
        data = change_form_data(editor_client, url, name_en="Canada (updated)")
        for prefix in ("summits", "trade_figures"):
            formset = next(f for f in page.context["inline_admin_formsets"] if f.formset.prefix == prefix).formset
            for key, value in formset.management_form.initial.items():
                data[f"{prefix}-{key}"] = value
            for index, form in enumerate(formset.forms):
                for name, field in form.fields.items():
                    value = form.initial.get(name, field.initial)
                    if value is not None:
                        data[f"{prefix}-{index}-{name}"] = getattr(value, "pk", value)
        response = editor_client.post(url, data)
        assert response.status_code == 302, response.context and response.context["errors"]
        version = Version.objects.get_for_object(partner).order_by("-pk").first()
        kinds = {v.content_type.model for v in version.revision.version_set.all()}
        assert kinds == {"partner", "summit"}
        assert Version.objects.get_for_object(summit).exists()

    def test_a_save_of_the_lists_editable_column_keeps_a_revision(self, editor_client):
        partner = make_partner(name_en="Canada", position=1)
        data = {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": partner.pk,
            "form-0-position": "7",
            "_save": "Save",
        }
        response = editor_client.post(reverse("admin:relations_partner_changelist"), data)
        assert response.status_code == 302
        version = Version.objects.get_for_object(partner).get()
        assert version.field_dict["position"] == 7 and "Position" in version.revision.get_comment()

    def test_the_publish_action_keeps_a_revision(self, publisher_client):
        article = make_article(status=Article.Status.DRAFT)
        publisher_client.post(
            reverse("admin:news_article_changelist"), {"action": "publish", "_selected_action": [article.pk]}
        )
        version, before = history(article)
        assert before.field_dict["status"] == Article.Status.DRAFT
        assert version.field_dict["status"] == Article.Status.PUBLISHED
        assert version.revision.comment == "Publish the selected articles"


class TestHistoryAndCompare:
    def test_the_diff_shows_the_changed_sentence_word_by_word(self, editor_client):
        article = make_article(body_en="<p>Seoul hosted the summit.</p><p>It was cold.</p>", title_fr="Titre")
        edit(editor_client, article, body_en="<p>Seoul hosted the summit.</p><p>It was warm &amp; sunny.</p>")
        edit(
            editor_client,
            article,
            body_en="<p>Busan hosted the summit.</p><p>It was warm &amp; sunny.</p>",
            title_fr="Nouveau titre",
        )
        page = editor_client.get(reverse("admin:news_article_history", args=[article.pk]))
        assert page.status_code == 200
        newer, older, first = history(article)
        assert first.revision.comment == "As it stood before its first change in the admin"
        html = text(
            editor_client.get(
                reverse("admin:news_article_history_compare", args=[article.pk]), {"from": older.pk, "to": newer.pk}
            )
        )
        assert "<del>Seoul</del><ins>Busan</ins> hosted the summit." in html
        # The body is compared as text: no tag of it is shown, and its entities are decoded then escaped once.
        assert "&lt;p&gt;" not in html
        assert "It was warm &amp; sunny." in html
        # Language by language: French has its own group, with the title changed.
        assert "Français (fr)" in html and "<del>Titre</del><ins>Nouveau titre</ins>" in html

    def test_markup_in_a_title_is_shown_escaped(self, editor_client):
        article = make_article(title_en="Plain")
        edit(editor_client, article, title_en="Plain")
        edit(editor_client, article, title_en="<script>alert(1)</script>")
        html = editor_client.get(reverse("admin:news_article_history_compare", args=[article.pk])).content.decode()
        assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_arabic_text_is_compared_right_to_left(self, editor_client):
        article = make_article(title_ar="عنوان", body_ar="<p>نص</p>")
        edit(editor_client, article, title_ar="عنوان")
        edit(editor_client, article, title_ar="عنوان جديد")
        response = editor_client.get(
            reverse("admin:news_article_history_compare", args=[article.pk]), HTTP_ACCEPT_LANGUAGE="ar"
        )
        html = response.content.decode()
        assert '<section class="revision-diff__group" lang="ar" dir="rtl">' in html
        assert 'dir="rtl"' in html.split("<body", 1)[0] or '<html lang="ar" dir="rtl"' in html

    def test_staff_without_the_change_permission_are_refused(self, client):
        article = make_article()
        user = make_user(is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="view_article", content_type__app_label="news"))
        client.force_login(user)
        for url in (
            reverse("admin:news_article_history", args=[article.pk]),
            reverse("admin:news_article_history_compare", args=[article.pk]),
        ):
            assert client.get(url).status_code == 403


class TestRestore:
    def test_restore_puts_back_the_text_as_a_draft_and_records_it(self, editor_client):
        article = make_article(body_en="<p>The first text.</p>")
        edit(editor_client, article, body_en="<p>A worse text.</p>")
        first = history(article).last()
        assert first.field_dict["body_en"] == "<p>The first text.</p>"
        url = reverse("admin:news_article_history_restore", args=[article.pk, first.pk])
        page = editor_client.get(url)
        assert page.status_code == 200
        assert "The article becomes a draft" in page.content.decode()
        response = editor_client.post(url, follow=True)
        assert "is restored as a draft" in response.content.decode()
        article.refresh_from_db()
        assert article.body_en == "<p>The first text.</p>"
        assert article.status == Article.Status.DRAFT
        latest = history(article).first()
        assert latest.revision.comment.startswith("Restored from the revision of ")
        assert latest.field_dict["status"] == Article.Status.DRAFT

    def test_restore_needs_the_change_permission(self, client, editor_client):
        article = make_article()
        edit(editor_client, article)
        version = history(article).first()
        user = make_user(is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="view_article", content_type__app_label="news"))
        client.force_login(user)
        url = reverse("admin:news_article_history_restore", args=[article.pk, version.pk])
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403

    def test_a_revision_of_another_article_is_not_found(self, editor_client):
        article, other = make_article(), make_article()
        edit(editor_client, other)
        url = reverse("admin:news_article_history_restore", args=[article.pk, history(other).first().pk])
        assert editor_client.get(url).status_code == 404

    def test_a_partner_restore_removes_a_summit_added_since(self, editor_client):
        partner = make_partner(name_en="Canada")
        admin_url = reverse("admin:relations_partner_changelist")
        import reversion

        with reversion.create_revision():
            partner.save()
        version = Version.objects.get_for_object(partner).get()
        make_summit(partner=partner, place_en="Ottawa")
        response = editor_client.post(
            reverse("admin:relations_partner_history_restore", args=[partner.pk, version.pk]), follow=True
        )
        assert response.status_code == 200 and admin_url
        assert not Summit.objects.filter(partner=partner).exists()
        assert Partner.objects.get(pk=partner.pk).name_en == "Canada"


class TestRecover:
    def test_a_deleted_article_is_recovered_as_a_draft(self, publisher_client):
        article = make_article(title_en="Gone for a while")
        response = publisher_client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
        assert response.status_code == 302
        assert not Article.objects.filter(pk=article.pk).exists()
        listing = publisher_client.get(reverse("admin:news_article_recoverlist"))
        assert "Gone for a while" in listing.content.decode()
        version = Version.objects.get_deleted(Article).get()
        response = publisher_client.post(reverse("admin:news_article_recover", args=[version.pk]), follow=True)
        assert response.status_code == 200
        recovered = Article.objects.get(pk=article.pk)
        assert recovered.title_en == "Gone for a while" and recovered.status == Article.Status.DRAFT
        assert history(recovered).first().revision.comment.startswith("Recovered from the revision of ")

    def test_articles_deleted_from_the_list_can_be_recovered(self, publisher_client):
        article = make_article(title_en="Deleted in bulk")
        url = reverse("admin:news_article_changelist")
        response = publisher_client.post(
            url, {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
        )
        assert response.status_code == 302 and not Article.objects.filter(pk=article.pk).exists()
        version = Version.objects.get_deleted(Article).get()
        assert version.revision.comment == "Deleted"
        publisher_client.post(reverse("admin:news_article_recover", args=[version.pk]))
        assert Article.objects.get(pk=article.pk).title_en == "Deleted in bulk"

    def test_recovering_needs_the_add_permission(self, client, publisher_client):
        article = make_article()
        publisher_client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
        version = Version.objects.get_deleted(Article).get()
        user = make_user(is_staff=True)
        for codename in ("view_article", "change_article"):
            user.user_permissions.add(Permission.objects.get(codename=codename, content_type__app_label="news"))
        client.force_login(user)
        assert client.get(reverse("admin:news_article_recoverlist")).status_code == 403
        assert client.post(reverse("admin:news_article_recover", args=[version.pk])).status_code == 403
        assert not Article.objects.filter(pk=article.pk).exists()

    def test_an_article_whose_address_is_taken_again_is_not_recovered(self, publisher_client):
        article = make_article(slug="taken")
        publisher_client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})
        make_article(slug="taken")
        version = Version.objects.get_deleted(Article).get()
        response = publisher_client.post(reverse("admin:news_article_recover", args=[version.pk]), follow=True)
        assert "News article with this Slug already exists." in response.content.decode()
        assert Article.objects.filter(slug="taken").count() == 1


def test_a_viewer_sees_the_change_page_without_the_comment_field(client):
    article = make_article()
    user = make_user(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article", content_type__app_label="news"))
    client.force_login(user)
    response = client.get(reverse("admin:news_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "Comment on this revision" not in response.content.decode()


def test_a_revision_naming_a_deleted_picture_is_refused_with_a_message(editor_client):
    import reversion

    from tests.factories import make_image

    partner = make_partner(name_en="Canada")
    photo = make_image()
    make_summit(partner=partner, place_en="Ottawa", photo=photo)
    with reversion.create_revision():
        partner.save()
    version = Version.objects.get_for_object(partner).get()
    photo.delete()
    url = reverse("admin:relations_partner_history_restore", args=[partner.pk, version.pk])
    response = editor_client.post(url, follow=True)
    assert response.status_code == 200
    assert "This revision cannot be put back" in response.content.decode()
    assert Summit.objects.get(partner=partner).photo is None
