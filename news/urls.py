"""News routes. The article routes (with their tools) are added by the root URLconf."""

from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="latest"),
    path("tags/<slug:tag>/", views.TagView.as_view(), name="tag"),
    path("<slug:section>/", views.SectionView.as_view(), name="section"),
]

# The article route under a section (a section may not take the tags' prefix:
# see news.models.RESERVED_SECTION_SLUGS).
ARTICLE_ROUTE = "<slug:section>/<slug:slug>/"
