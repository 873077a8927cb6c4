"""Korea and the World routes. The article routes are added by the root URLconf."""

from django.urls import path

from . import views

app_name = "relations"

urlpatterns = [
    path("", views.CountryListView.as_view(), name="countries"),
    path("<slug:country>/", views.CountryDetailView.as_view(), name="country"),
]

ARTICLE_ROUTE = "<slug:country>/<slug:slug>/"
