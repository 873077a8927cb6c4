"""
Best bets for the site's search: the partners and summits a query names.

The search page (``news.views.SearchView``) shows them above the articles;
``settings.SEARCH_BEST_BETS`` names this function, so that ``news`` need not
import ``relations``. Two queries, whatever the query and however many match.
"""

from django.conf import settings
from django.db.models import Q

from core.languages import localized
from news.search import parse_query

from .models import Partner, Summit

LIMIT = 3


def any_language(field, word, language):
    """``field`` contains ``word`` in the reader's language or in English."""
    condition = Q()
    for code in {language, settings.LANGUAGE_CODE}:
        condition |= Q(**{f"{localized(field, code)}__icontains": word})
    return condition


def best_bets(query, language):
    """The partners and summits whose names (or places, leaders, occasions) hold every word of ``query``."""
    words = [word for excluded, words in parse_query(query) if not excluded for word in words]
    if not words:
        return {"partners": [], "summits": []}
    partners, summits = Q(), Q()
    for word in words:
        partners &= any_language("name", word, language)
        summits &= (
            any_language("place", word, language)
            | any_language("leaders", word, language)
            | any_language("occasion", word, language)
            | any_language("partner__name", word, language)
        )
    summit_list = list(Summit.objects.filter(summits).select_related("partner")[:LIMIT])
    summit_partners = [summit.partner_id for summit in summit_list]
    partner_list = list(Partner.objects.filter(partners | Q(pk__in=summit_partners))[:LIMIT])
    return {"partners": partner_list, "summits": summit_list}
