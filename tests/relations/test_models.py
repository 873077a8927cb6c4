from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from relations.models import Partner, TradeFigure
from tests.factories import make_partner, make_relation_article, make_summit, make_trade_figure

pytestmark = pytest.mark.django_db

BILLION = 1_000_000_000


def errors_of(obj):
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


class TestTradeFigureValidation:
    def test_negative_amount_is_refused(self):
        figure = TradeFigure(partner=make_partner(), year=2001, total=-5)
        assert errors_of(figure)["total"] == ["A trade value cannot be negative."]

    def test_negative_exports_are_refused(self):
        figure = TradeFigure(partner=make_partner(), year=2001, exports=-1, imports=3)
        assert "A trade value cannot be negative." in errors_of(figure)["exports"]

    def test_total_must_match_exports_and_imports(self):
        figure = TradeFigure(
            partner=make_partner(), year=2000, total=40 * BILLION, exports=18 * BILLION, imports=12 * BILLION
        )
        assert errors_of(figure)["total"] == ["The total must equal exports plus imports (within rounding)."]

    def test_rounding_difference_is_accepted(self):
        """China 2000: 18.5 + 12.8 = 31.3, and a figure rounded a little differently still agrees."""
        figure = TradeFigure(
            partner=make_partner(),
            year=2000,
            total=313 * BILLION // 10,
            exports=185 * BILLION // 10,
            imports=1281 * BILLION // 100,
        )
        figure.full_clean()

    def test_balance_must_match_exports_minus_imports(self):
        figure = TradeFigure(
            partner=make_partner(), year=2000, exports=10 * BILLION, imports=4 * BILLION, balance=1 * BILLION
        )
        assert errors_of(figure)["balance"] == ["The balance must equal exports minus imports (within rounding)."]

    def test_one_figure_per_partner_and_year(self):
        partner = make_partner()
        make_trade_figure(partner=partner, year=2001, total=BILLION)
        duplicate = TradeFigure(partner=partner, year=2001, total=2 * BILLION)
        assert errors_of(duplicate)["__all__"] == ["This partner already has a trade figure for that year."]

    def test_one_undated_figure_per_partner(self):
        partner = make_partner()
        make_trade_figure(partner=partner, year=None, total=BILLION, bound="more_than")
        duplicate = TradeFigure(partner=partner, year=None, total=2 * BILLION)
        assert errors_of(duplicate)["__all__"] == ["This partner already has a trade figure without a year."]

    def test_a_partner_may_have_an_undated_figure_beside_dated_ones(self):
        partner = make_partner()
        make_trade_figure(partner=partner, year=None, total=BILLION)
        make_trade_figure(partner=partner, year=2001, total=BILLION)
        TradeFigure(partner=partner, year=2002, total=BILLION).full_clean()
        TradeFigure(partner=make_partner(), year=None, total=BILLION).full_clean()


class TestTradeFigureDatabaseRules:
    """The database keeps the rules itself, whatever skips model validation (a race, a bulk update)."""

    def test_it_refuses_a_second_undated_figure(self):
        partner = make_partner()
        make_trade_figure(partner=partner, year=None, total=BILLION)
        with pytest.raises(IntegrityError), transaction.atomic():
            TradeFigure.objects.create(partner=partner, year=None, total=2 * BILLION)
        assert TradeFigure.objects.filter(partner=partner).count() == 1

    def test_it_refuses_a_second_figure_for_a_year(self):
        partner = make_partner()
        make_trade_figure(partner=partner, year=2001, total=BILLION)
        with pytest.raises(IntegrityError), transaction.atomic():
            TradeFigure.objects.create(partner=partner, year=2001, total=2 * BILLION)

    @pytest.mark.parametrize("amount", ["total", "exports", "imports"])
    def test_it_refuses_a_negative_amount(self, amount):
        with pytest.raises(IntegrityError), transaction.atomic():
            TradeFigure.objects.create(partner=make_partner(), year=2001, **{amount: -1})

    def test_it_keeps_a_negative_balance(self):
        figure = make_trade_figure(year=2001, total=10 * BILLION, balance=-2 * BILLION)
        figure.refresh_from_db()
        assert figure.balance == -2 * BILLION

    def test_a_figure_needs_an_amount(self):
        figure = TradeFigure(partner=make_partner(), year=2003)
        assert errors_of(figure)["total"] == ["Give at least one amount: the total, exports, imports or the balance."]

    def test_share_is_a_percentage(self):
        """A share above 100 per cent is refused."""
        figure = TradeFigure(partner=make_partner(), year=2003, total=BILLION, share=Decimal("120"))
        assert "share" in errors_of(figure)

    def test_partial_figure_is_stored_as_stated(self):
        """EU 2001: a total, a share and a surplus; exports and imports stay unknown."""
        figure = TradeFigure(
            partner=make_partner(),
            year=2001,
            total=345 * BILLION // 10,
            share=Decimal("11.8"),
            balance=47 * BILLION // 10,
        )
        figure.full_clean()
        figure.save()
        figure.refresh_from_db()
        assert figure.exports is None and figure.imports is None
        assert figure.derived_balance == 4_700_000_000
        assert figure.approximate is False

    def test_more_than_figure_is_approximate(self):
        figure = make_trade_figure(year=None, total=53 * BILLION, bound="more_than")
        assert figure.approximate is True

    def test_balance_is_derived_only_from_both_parts(self):
        figure = TradeFigure(exports=185, imports=128)
        assert figure.derived_balance == 57
        assert TradeFigure(exports=185).derived_balance is None


class TestPartnerValidation:
    def test_iso_code_is_two_letters(self):
        partner = Partner(name_en="Nowhere", slug="nowhere", iso_code="1X")
        assert errors_of(partner)["iso_code"] == ["An ISO code is two letters, such as US or JP."]

    def test_reestablished_needs_a_year(self):
        partner = Partner(name_en="Nowhere", slug="nowhere", reestablished=True)
        assert "established_year" in errors_of(partner)

    def test_slug_is_unique(self):
        make_partner(slug="japan")
        assert "slug" in errors_of(Partner(name_en="Japan again", slug="japan"))


def test_summit_article_must_be_about_the_same_partner():
    article = make_relation_article()
    summit = make_summit()
    summit.article = article
    assert errors_of(summit)["article"] == ["The related article must be about the same partner."]
