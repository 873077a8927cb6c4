"""A partner's trade figures as CSV and JSON downloads: plain numbers, unknown values left empty."""

import csv
import io
import json
from decimal import Decimal

import pytest

from tests.factories import make_partner, make_trade_figure

pytestmark = pytest.mark.django_db

HEADER = [
    "partner",
    "year",
    "total_usd",
    "exports_usd",
    "imports_usd",
    "balance_usd",
    "share_percent",
    "bound",
    "source",
    "note",
]


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def json_document(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


@pytest.fixture
def demo_partners():
    """The seed page's figures: China's split, the EU's share and balance, Japan's undated "more than"."""
    china = make_partner(name_en="China", name_fr="Chine", slug="china")
    make_trade_figure(
        partner=china,
        year=2000,
        total=31_300_000_000,
        exports=18_500_000_000,
        imports=12_800_000_000,
        source_en="Korea International Trade Association",
        source_fr="Association coréenne du commerce international",
    )
    eu = make_partner(name_en="European Union", slug="european-union", kind="bloc")
    make_trade_figure(partner=eu, year=2001, total=34_500_000_000, share=Decimal("11.80"), balance=4_700_000_000)
    japan = make_partner(name_en="Japan", slug="japan")
    make_trade_figure(
        partner=japan,
        year=None,
        total=53_000_000_000,
        bound="more_than",
        note_en="Annual two-way trade; the source gives no year.",
    )
    return china, eu, japan


def test_china_csv_has_the_split(client, demo_partners):
    """China's CSV gives the 2000 total with its split into exports and imports, and the figure's source."""
    rows = csv_rows(client, "/en/world/china/trade.csv")
    assert rows == [
        HEADER,
        [
            "China",
            "2000",
            "31300000000",
            "18500000000",
            "12800000000",
            "",
            "",
            "exact",
            "Korea International Trade Association",
            "",
        ],
    ]


def test_eu_csv_has_share_and_balance_and_no_invented_parts(client, demo_partners):
    (_header, row) = csv_rows(client, "/en/world/european-union/trade.csv")
    record = dict(zip(HEADER, row, strict=True))
    assert record["total_usd"] == "34500000000"
    assert record["balance_usd"] == "4700000000"
    assert record["share_percent"] == "11.8"
    assert record["exports_usd"] == "" and record["imports_usd"] == ""


def test_japan_json_has_no_year_and_more_than(client, demo_partners):
    document = json_document(client, "/en/world/japan/trade.json")
    assert document["partner"] == "Japan"
    assert document["currency"] == "USD"
    assert document["figures"] == [
        {
            "partner": "Japan",
            "year": None,
            "total_usd": 53_000_000_000,
            "exports_usd": None,
            "imports_usd": None,
            "balance_usd": None,
            "share_percent": None,
            "bound": "more_than",
            "source": "",
            "note": "Annual two-way trade; the source gives no year.",
        }
    ]


def test_json_numbers_are_numbers(client, demo_partners):
    (figure,) = json_document(client, "/en/world/european-union/trade.json")["figures"]
    assert figure["share_percent"] == 11.8
    assert figure["balance_usd"] == 4_700_000_000
    assert list(figure) == HEADER
    (figure,) = json_document(client, "/en/world/china/trade.json")["figures"]
    assert (figure["year"], figure["exports_usd"], figure["imports_usd"]) == (2000, 18_500_000_000, 12_800_000_000)


def test_csv_and_json_name_their_files(client, demo_partners):
    response = client.get("/en/world/china/trade.csv")
    assert response["Content-Disposition"] == 'attachment; filename="korea-trade-china-en.csv"'
    response = client.get("/fr/world/japan/trade.json")
    assert response["Content-Disposition"] == 'attachment; filename="korea-trade-japan-fr.json"'


def test_text_is_in_the_language_of_the_url(client, demo_partners):
    (_header, row) = csv_rows(client, "/fr/world/china/trade.csv")
    assert row[0] == "Chine"
    assert row[8] == "Association coréenne du commerce international"
    assert row[2] == "31300000000", "numbers are never formatted for the language"
    document = json_document(client, "/fr/world/china/trade.json")
    assert document["language"] == "fr"
    assert document["figures"][0]["partner"] == "Chine"
    # A text with no translation falls back to English.
    (_header, row) = csv_rows(client, "/fr/world/japan/trade.csv")
    assert row[9] == "Annual two-way trade; the source gives no year."


def test_figures_come_in_year_order_with_the_undated_last(client):
    partner = make_partner(slug="russia")
    make_trade_figure(partner=partner, year=None, total=1_000_000_000, bound="about")
    make_trade_figure(partner=partner, year=2000, total=2_800_000_000)
    make_trade_figure(partner=partner, year=1990, total=900_000_000)
    years = [row[1] for row in csv_rows(client, "/en/world/russia/trade.csv")[1:]]
    assert years == ["1990", "2000", ""]
    figures = json_document(client, "/en/world/russia/trade.json")["figures"]
    assert [figure["year"] for figure in figures] == [1990, 2000, None]
    assert figures[2]["bound"] == "about"


def test_a_deficit_stays_a_number_and_a_formula_stays_text(client):
    partner = make_partner(slug="deficit")
    make_trade_figure(partner=partner, year=2005, total=10_000_000_000, balance=-2_000_000_000, source_en="=1+2")
    (_header, row) = csv_rows(client, "/en/world/deficit/trade.csv")
    assert row[5] == "-2000000000"
    assert row[8] == "'=1+2"
    (figure,) = json_document(client, "/en/world/deficit/trade.json")["figures"]
    assert figure["balance_usd"] == -2_000_000_000
    assert figure["source"] == "=1+2"


def test_a_partner_without_figures_gets_empty_files(client):
    make_partner(slug="atlantis")
    assert csv_rows(client, "/en/world/atlantis/trade.csv") == [HEADER]
    assert json_document(client, "/en/world/atlantis/trade.json")["figures"] == []


@pytest.mark.parametrize(
    "url",
    [
        "/en/world/no-such-partner/trade.csv",
        "/en/world/no-such-partner/trade.json",
        "/en/world/china/trade.xml",
        "/xx/world/china/trade.csv",
    ],
)
def test_unknown_partner_or_format_is_404(client, demo_partners, url):
    assert client.get(url).status_code == 404


def test_partner_page_links_both_downloads(client, demo_partners):
    html = client.get("/en/world/china/").content.decode()
    assert '<a class="tool" href="/en/world/china/trade.csv" type="text/csv" download>Download CSV</a>' in html
    assert (
        '<a class="tool" href="/en/world/china/trade.json" type="application/json" download>Download JSON</a>' in html
    )
    assert 'href="/fr/world/china/trade.csv"' in client.get("/fr/world/china/").content.decode()


def test_downloads_refuse_to_write(client, demo_partners):
    """The trade downloads are read-only: a POST to one is refused."""
    assert client.post("/en/world/china/trade.csv").status_code == 405
