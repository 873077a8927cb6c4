"""
Best bets for the site's search: the partners and summits a query names.

The search page (``news.views.SearchView``) shows them above the articles;
``settings.SEARCH_BEST_BETS`` names this function, so that ``news`` need not
import ``relations``. Two queries, whatever the query and however many match.

Words are matched as whole words, as the article search matches them: "Korea"
finds Korea, not "Koreans"; "art" no partner named "Martinique". The database
finds the candidates holding the words anywhere (``icontains``, in the
reader's language or in English); the words are then checked whole here.
Chinese, Japanese and Korean names, written without spaces, keep the
substring match (their words are not delimited).
"""

from django.conf import settings
from django.db.models import Q

from core.languages import localized
from news.search import CJK_RUN, WORD, parse_query

from .models import Partner, Summit

LIMIT = 3
# Candidates read to find LIMIT whole-word matches among them.
CANDIDATES = 50
SUMMIT_FIELDS = ("place", "leaders", "occasion")


def containing(fields, word, language):
    """One of ``fields`` contains ``word`` in the reader's language or in English."""
    condition = Q()
    for field in fields:
        for code in {language, settings.LANGUAGE_CODE}:
            condition |= Q(**{f"{localized(field, code)}__icontains": word})
    return condition


def holds_word(texts, word):
    """Whether one of ``texts`` holds ``word`` as a whole word (a CJK word anywhere)."""
    word = word.casefold()
    for text in texts:
        text = str(text or "").casefold()
        if word in text and (CJK_RUN.search(word) or word in WORD.findall(text)):
            return True
    return False


def texts_of(instance, fields, language):
    """The values of ``fields`` of ``instance`` in ``language`` and in English."""
    codes = {language, settings.LANGUAGE_CODE}
    return [getattr(instance, localized(field, code)) for field in fields for code in codes]


def best_bets(query, language):
    """The partners and summits whose names (or places, leaders, occasions) hold every word of ``query``."""
    words = [word for excluded, words in parse_query(query) if not excluded for word in words]
    if not words:
        return {"partners": [], "summits": []}
    partners, summits = Q(), Q()
    for word in words:
        partners &= containing(["name"], word, language)
        summits &= containing(["partner__name", *SUMMIT_FIELDS], word, language)
    summit_list = [
        summit
        for summit in Summit.objects.filter(summits).select_related("partner")[:CANDIDATES]
        if all(
            holds_word(texts_of(summit, SUMMIT_FIELDS, language) + texts_of(summit.partner, ["name"], language), word)
            for word in words
        )
    ][:LIMIT]
    summit_partners = [summit.partner_id for summit in summit_list]

    def named(partner):
        return all(holds_word(texts_of(partner, ["name"], language), word) for word in words)

    partner_list = [
        partner
        for partner in Partner.objects.filter(partners | Q(pk__in=summit_partners))[:CANDIDATES]
        if partner.pk in summit_partners or named(partner)
    ][:LIMIT]
    return {"partners": partner_list, "summits": summit_list}
