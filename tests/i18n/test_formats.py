"""Dates, numbers and money are written the way each language writes them."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from relations.formats import percent, usd
from tests.factories import make_relation_article

pytestmark = pytest.mark.django_db

NOVEMBER_17_2005 = datetime(2005, 11, 17, 12, 0, tzinfo=ZoneInfo("Asia/Seoul"))


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("en", "Nov. 17, 2005"),
        ("fr", "17 novembre 2005"),
        ("de", "17. November 2005"),
        ("es", "17 de noviembre de 2005"),
        ("ru", "17 ноября 2005 г."),
        ("zh-hans", "2005年11月17日"),
        ("ja", "2005年11月17日"),
        ("ko", "2005년 11월 17일"),
    ],
)
def test_article_date_is_written_in_the_readers_language(client, language, date):
    article = make_relation_article(slug="rok-china-relations", publish_date=NOVEMBER_17_2005)
    html = client.get(f"/{language}/world/{article.partner.slug}/rok-china-relations/").content.decode()
    assert f'<time datetime="2005-11-17T12:00:00+09:00">{date}</time>' in html


@pytest.mark.parametrize(
    ("language", "amount"),
    [
        ("en", "71.6 billion"),
        ("fr", "71,6 milliards"),
        ("de", "71,6 Milliarden"),
        ("ru", "71,6 миллиарда"),
        ("zh-hans", "716亿"),
        ("ja", "716億"),
        ("ko", "716억"),
    ],
)
def test_money_is_written_in_the_readers_language(language, amount):
    with translation.override(language):
        assert amount in usd(71_600_000_000)


@pytest.mark.parametrize(("language", "share"), [("en", "11.8%"), ("fr", "11,8\xa0%"), ("ko", "11.8%")])
def test_shares_use_the_languages_decimal_sign_and_spacing(language, share):
    with translation.override(language):
        assert percent(11.8) == share
