"""The newsletter's routes, mounted at ``/<lang>/newsletter/`` by the root URLconf."""

from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("check-your-mail/", TemplateView.as_view(template_name="newsletter/pending.html"), name="pending"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
