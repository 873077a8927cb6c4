"""The newsletter's routes, mounted at ``/<lang>/newsletter/`` by the root URLconf (names without a namespace)."""

from django.urls import path
from django.views.generic import TemplateView

from . import newsletter_views

urlpatterns = [
    path("", newsletter_views.SubscribeView.as_view(), name="newsletter"),
    path(
        "check-your-mail/",
        TemplateView.as_view(template_name="newsletter/pending.html"),
        name="newsletter-pending",
    ),
    path("confirm/<str:token>/", newsletter_views.ConfirmView.as_view(), name="newsletter-confirm"),
    path("unsubscribe/<str:token>/", newsletter_views.UnsubscribeView.as_view(), name="newsletter-unsubscribe"),
]
