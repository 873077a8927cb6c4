"""
Root URLconf: wires the apps together.

Every public page carries its language (``/en/…``); ``/`` is sent to the best
language by LocaleMiddleware. Each article route is built here with its tools
(print, e-mail, scrap) as sub-paths, once for every kind of article.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps_views
from django.db import transaction
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve

import news.urls
import relations.urls
from accounts.tool_views import ArticleEmailView, ArticleScrapView
from core.health import healthz, readyz
from core.metrics import metrics_view
from news.feeds import LatestArticlesFeed, SectionFeed, TagFeed, feed_paths
from news.models import Article as NewsArticle
from news.preview import shared_preview
from news.views import ArticleDetailView, ArticlePrintView, SearchView
from relations.feeds import PartnerFeed
from relations.models import Article as RelationArticle
from relations.views import ArticleDetailView as RelationArticleDetailView

from . import views
from .sitemaps import SITEMAPS


def article_routes(route, model, detail_view):
    """The article page and its tools, as sub-paths of the article's URL."""
    return [
        path(route, detail_view.as_view(), name="article"),
        path(f"{route}print/", ArticlePrintView.as_view(model=model), name="article-print"),
        path(f"{route}email/", ArticleEmailView.as_view(model=model), name="article-email"),
        path(f"{route}scrap/", ArticleScrapView.as_view(model=model), name="article-scrap"),
    ]


news_patterns = news.urls.urlpatterns + article_routes(news.urls.ARTICLE_ROUTE, NewsArticle, ArticleDetailView)
relations_patterns = relations.urls.urlpatterns + article_routes(
    relations.urls.ARTICLE_ROUTE, RelationArticle, RelationArticleDetailView
)

# Atom at each feed's own address, RSS 2.0 under it (``…/rss/``, named ``<name>-rss``).
feed_patterns = [
    *feed_paths("latest/", LatestArticlesFeed, "latest"),
    *feed_paths("sections/<slug:section>/", SectionFeed, "section"),
    *feed_paths("tags/<slug:tag>/", TagFeed, "tag"),
    *feed_paths("partners/<slug:partner>/", PartnerFeed, "partner"),
]

urlpatterns = [
    # For the service manager, the load balancer and Prometheus: no language, never cached.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics_view, name="metrics"),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemaps_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-xml",
    ),
    path("sitemap-<section>.xml", sitemaps_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("feeds/<str:language>/", include((feed_patterns, "feeds"))),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("news/", include((news_patterns, "news"))),
    path("world/", include((relations_patterns, "relations"))),
    path("search/", SearchView.as_view(), name="search"),
    path("forum/", include("community.urls")),
    path("accounts/", include("accounts.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("about/", TemplateView.as_view(template_name="pages/about.html"), name="about"),
    path("help/", TemplateView.as_view(template_name="pages/help.html"), name="help"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("sitemap/", views.SitemapView.as_view(), name="sitemap"),
    # A shared preview of an article readers cannot see yet (news.preview).
    path("preview/<str:token>/", shared_preview, name="shared-preview"),
    path("contact/", views.ContactView.as_view(), name="contact"),
)


# The types an uploaded file may be served as, by its name's extension: the
# pictures that pages show. deploy/nginx.conf serves /media/ with the same map.
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


# A file from disk needs no database: no transaction (ATOMIC_REQUESTS) for it,
# so media are still served while the database is down.
@transaction.non_atomic_requests
def serve_media(request, path):
    """
    Serve an uploaded file from ``MEDIA_ROOT`` as it is set when asked, where no
    front proxy does (``make run``, ``make serve``). A picture is sent as its
    image type and anything else (an SVG or HTML file that found its way into
    the folder) as a download, with a policy that lets no script of it run even
    if opened: nothing uploaded can act as a page of the site.
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        content_type = MEDIA_TYPES.get(PurePosixPath(path).suffix.lower())
        response["Content-Type"] = content_type or "application/octet-stream"
        if content_type is None:
            response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

handler404 = "korea_portal.views.page_not_found"
handler500 = "korea_portal.views.server_error"
