"""
The demo content: every fact of the seed page, and nothing it does not say.

Amounts are US dollars, exactly as the page states them. Where the page gives
no year, no share or no split into exports and imports, the field stays empty.
"""

from datetime import date
from decimal import Decimal

SECTIONS = [
    ("general", "General"),
    ("president", "President"),
    ("government", "Government"),
    ("korea-and-the-world", "Korea and the World"),
    ("biz-economy", "Biz/Economy"),
    ("society", "Society"),
    ("culture", "Culture"),
    ("arts", "Arts"),
    ("tourism", "Tourism"),
    ("events-sports", "Events & Sports"),
]

# The keywords of the page's header.
TAGS = [
    ("dokdo", "Dokdo"),
    ("hallyu", "Hallyu"),
    ("hangeul", "Hangeul"),
    ("kimchi", "Kimchi"),
    ("bulgogi", "Bulgogi"),
    ("hanbok", "Hanbok"),
    ("taekwondo", "Taekwondo"),
    ("daejanggeum", "Daejanggeum"),
    ("insadong", "Insadong"),
    ("traditional-music", "Traditional Music"),
]

TOPICS = [
    ("politics", "Politics"),
    ("security", "Security"),
    ("economy", "Economy"),
    ("culture", "Culture"),
]

# The Open Forum's boards (the seed's header links to an "open forum").
BOARDS = [
    ("general", "General discussion", "Questions and conversation about Korea."),
    ("korea-and-the-world", "Korea and the World", "Korea's relations with its neighbours and partners."),
    ("culture", "Culture and Hallyu", "Korean food, music, drama, language and traditions."),
]

PARTNERS = [
    {
        "slug": "united-states",
        "name": "United States",
        "kind": "country",
        "iso_code": "US",
        "established_year": None,
        "reestablished": False,
    },
    {
        "slug": "japan",
        "name": "Japan",
        "kind": "country",
        "iso_code": "JP",
        "established_year": 1965,
        "reestablished": True,
    },
    {
        "slug": "european-union",
        "name": "European Union",
        "kind": "bloc",
        "iso_code": "",
        "established_year": None,
        "reestablished": False,
    },
    {
        "slug": "china",
        "name": "China",
        "kind": "country",
        "iso_code": "CN",
        "established_year": 1992,
        "reestablished": False,
    },
    {
        # Relations were established with the Soviet Union in 1990.
        "slug": "russia",
        "name": "Russia",
        "kind": "country",
        "iso_code": "RU",
        "established_year": 1990,
        "reestablished": False,
    },
]

# One relation article per partner; the body is the seed's paragraphs
# (seed_text.BODIES) and the summary its first sentence.
ARTICLES = [
    {
        "slug": "rok-us-relations",
        "partner": "united-states",
        "title": "ROK-U.S. Relations",
        "topics": ["politics", "security", "economy", "culture"],
        "tags": [],
    },
    {
        "slug": "rok-japan-relations",
        "partner": "japan",
        "title": "ROK-Japan Relations",
        "topics": ["politics", "economy", "culture"],
        "tags": ["dokdo"],
    },
    {
        "slug": "rok-eu-relations",
        "partner": "european-union",
        "title": "ROK-EU Relations",
        "topics": ["politics", "economy"],
        "tags": [],
    },
    {
        "slug": "rok-china-relations",
        "partner": "china",
        "title": "ROK-China Relations",
        "topics": ["politics", "security", "economy"],
        "tags": [],
    },
    {
        "slug": "rok-russia-relations",
        "partner": "russia",
        "title": "ROK-Russia Relations",
        "topics": ["politics", "economy"],
        "tags": [],
    },
]

# Captions are in seed_text.CAPTIONS, keyed by the related article.
SUMMITS = [
    {
        "partner": "united-states",
        "date": date(2005, 11, 17),
        "place": "Gyeongju",
        "leaders": "Roh Moo-hyun and George W. Bush",
        "occasion": "",
        "article": "rok-us-relations",
    },
    {
        "partner": "japan",
        "date": date(2005, 11, 18),
        "place": "Busan",
        "leaders": "Roh Moo-hyun and Junichiro Koizumi",
        "occasion": "Asia-Pacific Economic Cooperation (APEC) summit",
        "article": "rok-japan-relations",
    },
    {
        "partner": "china",
        "date": date(2005, 11, 16),
        "place": "Cheong Wa Dae, Seoul",
        "leaders": "Roh Moo-hyun and Hu Jintao",
        "occasion": "",
        "article": "rok-china-relations",
    },
]

BILLION = 1_000_000_000
MILLION = 1_000_000

TRADE_FIGURES = [
    {
        "partner": "united-states",
        "year": 2004,
        "total": 716 * BILLION // 10,
        "source": "Ministry of Commerce, Industry and Energy",
        "note": "The United States buys more than 20 percent of Korea's exports.",
    },
    {
        "partner": "japan",
        "year": None,
        "total": 53 * BILLION,
        "bound": "more_than",
        "note": "Annual two-way trade; the source gives no year.",
    },
    {
        "partner": "european-union",
        "year": 2001,
        "total": 345 * BILLION // 10,
        "share": Decimal("11.8"),
        "balance": 47 * BILLION // 10,
    },
    {
        "partner": "china",
        "year": 2000,
        "total": 313 * BILLION // 10,
        "exports": 185 * BILLION // 10,
        "imports": 128 * BILLION // 10,
    },
    {"partner": "russia", "year": 1990, "total": 900 * MILLION},
    {"partner": "russia", "year": 1996, "total": 38 * BILLION // 10},
    {"partner": "russia", "year": 2000, "total": 28 * BILLION // 10},
]
