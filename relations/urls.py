"""Korea and the World routes. The article routes are added by the root URLconf."""

from django.urls import path

from . import views

app_name = "relations"

urlpatterns = [
    path("", views.CountryListView.as_view(), name="countries"),
    path("<slug:country>/", views.CountryDetailView.as_view(), name="country"),
    path("<slug:country>/trade.csv", views.TradeCSVView.as_view(), name="trade-csv"),
    path("<slug:country>/trade.json", views.TradeJSONView.as_view(), name="trade-json"),
]

ARTICLE_ROUTE = "<slug:country>/<slug:slug>/"
