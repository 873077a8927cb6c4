"""Korea and the World routes. The article routes are added by the root URLconf."""

from django.urls import path

from . import views

app_name = "relations"

urlpatterns = [
    path("", views.PartnerListView.as_view(), name="partners"),
    path("<slug:partner>/", views.PartnerDetailView.as_view(), name="partner"),
    path("<slug:partner>/trade.csv", views.TradeCSVView.as_view(), name="trade-csv"),
    path("<slug:partner>/trade.json", views.TradeJSONView.as_view(), name="trade-json"),
]

ARTICLE_ROUTE = "<slug:partner>/<slug:slug>/"
