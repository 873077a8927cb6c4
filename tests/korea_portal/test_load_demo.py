from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command

from korea_portal.demo.seed_text import BODIES
from news.models import Section, Tag
from relations.models import Article, Partner, Summit, TradeFigure

pytestmark = pytest.mark.django_db

BILLION = 1_000_000_000


def snapshot():
    models = (Section, Tag, Partner, Article, Summit, TradeFigure)
    return {model.__name__: serializers.serialize("json", model.objects.order_by("pk")) for model in models}


@pytest.fixture
def loaded():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_loading_twice_changes_nothing(loaded):
    before = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == before
    assert "0 objects created, 0 changed" in out.getvalue()


def test_the_ten_sections_of_the_navigation(loaded):
    assert [section.name for section in Section.objects.all()] == [
        "General",
        "President",
        "Government",
        "Korea and the World",
        "Biz/Economy",
        "Society",
        "Culture",
        "Arts",
        "Tourism",
        "Events & Sports",
    ]


def test_header_keywords_are_tags(loaded):
    names = set(Tag.objects.values_list("name_en", flat=True))
    assert {"Dokdo", "Hallyu", "Hangeul"} <= names


def test_the_five_partners(loaded):
    """The demo's five partners come in order, the EU as a bloc without ISO code, with each year of ties where known."""
    partners = {partner.slug: partner for partner in Partner.objects.all()}
    assert list(partners) == ["united-states", "japan", "european-union", "china", "russia"]
    assert partners["european-union"].kind == Partner.Kind.BLOC
    assert partners["european-union"].iso_code == ""
    assert (partners["japan"].established_year, partners["japan"].reestablished) == (1965, True)
    assert partners["china"].established_year == 1992
    assert partners["russia"].established_year == 1990
    assert partners["united-states"].established_year is None


def test_relation_articles_keep_the_seed_text_paragraph_for_paragraph(loaded):
    article = Article.objects.get(slug="rok-us-relations")
    assert article.title_en == "ROK-U.S. Relations"
    assert article.body_en.count("<p>") == len(BODIES["rok-us-relations"]) == 10
    assert "Over a million Korean-Americans now reside in the United States" in article.body_en
    assert "President Roh Moo-hyun talks with" not in article.body_en  # the caption belongs to the summit
    assert Article.objects.published().count() == 5
    japan = Article.objects.get(slug="rok-japan-relations")
    assert list(japan.tags.values_list("slug", flat=True)) == ["dokdo"]


def test_the_three_summits(loaded):
    """The demo's summits with the United States, Japan and China have their November 2005 dates, places and leaders."""
    summits = {summit.partner.slug: summit for summit in Summit.objects.select_related("partner")}
    assert summits["united-states"].date == date(2005, 11, 17)
    assert summits["united-states"].place_en == "Gyeongju"
    assert "George W. Bush" in summits["united-states"].leaders_en
    assert summits["japan"].date == date(2005, 11, 18)
    assert "APEC" in summits["japan"].occasion_en
    assert "Junichiro Koizumi" in summits["japan"].caption_en
    assert summits["china"].date == date(2005, 11, 16)
    assert "Hu Jintao" in summits["china"].leaders_en
    assert summits["china"].article.slug == "rok-china-relations"


def test_every_trade_figure_as_the_text_states_it(loaded):
    figures = {(f.partner.slug, f.year): f for f in TradeFigure.objects.select_related("partner")}
    assert set(figures) == {
        ("united-states", 2004),
        ("japan", None),
        ("european-union", 2001),
        ("china", 2000),
        ("russia", 1990),
        ("russia", 1996),
        ("russia", 2000),
    }
    us = figures[("united-states", 2004)]
    assert (us.total, us.exports, us.imports) == (71_600_000_000, None, None)
    assert us.source_en == "Ministry of Commerce, Industry and Energy"
    japan = figures[("japan", None)]
    assert (japan.total, japan.bound) == (53 * BILLION, TradeFigure.Bound.MORE_THAN)
    eu = figures[("european-union", 2001)]
    assert (eu.total, eu.share, eu.balance, eu.exports) == (34_500_000_000, Decimal("11.80"), 4_700_000_000, None)
    china = figures[("china", 2000)]
    assert (china.total, china.exports, china.imports) == (31_300_000_000, 18_500_000_000, 12_800_000_000)
    assert china.balance is None  # not stated; only derived
    assert [figures[("russia", y)].total for y in (1990, 1996, 2000)] == [900_000_000, 3_800_000_000, 2_800_000_000]


def printed_password(output, username):
    """The password printed for ``username``, on the one line that names it."""
    (line,) = [line for line in output.splitlines() if f"'{username}'" in line and "password:" in line]
    return line.split("with the password: ")[1].split()[0]


@pytest.mark.parametrize(("username", "group"), [("editor", "Editors"), ("publisher", "Publishers")])
def test_demo_accounts_are_created_once_with_a_printed_password(loaded, username, group):
    """The demo editor and publisher are staff in their groups; each password is printed once, on its own line."""
    user = get_user_model().objects.get(username=username)
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert user.check_password(printed_password(loaded, username))
    again = StringIO()
    call_command("load_demo", stdout=again)
    assert "password:" not in again.getvalue()
    assert f"The demo account '{username}' exists already" in again.getvalue()
    assert get_user_model().objects.filter(username=username).count() == 1


def test_only_the_demo_publisher_may_publish(loaded):
    users = get_user_model().objects
    assert users.get(username="publisher").has_perm("news.publish_article")
    assert users.get(username="publisher").has_perm("relations.publish_article")
    assert not users.get(username="editor").has_perm("news.publish_article")
    assert users.get(username="editor").has_perm("news.change_article")


def test_the_forum_boards(loaded):
    """The demo's forum has three boards, in order: General, Korea and the world, Culture."""
    from community.models import Board

    assert list(Board.objects.values_list("slug", flat=True)) == ["general", "korea-and-the-world", "culture"]
