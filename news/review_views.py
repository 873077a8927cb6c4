"""
The admin's review pages of an article: approve (publish now or at a date),
send back to the author with a comment, and share a preview link.

Each is served by the article's ``ArticleAdminBase`` (``model_admin``) under
its change page (``…/<pk>/approve/``), inside the admin's login and CSRF
protection. Approving and sending back need ``<app>.publish_article``
(publishers: 403 for anyone else, editors included); sharing a preview needs
the change permission.
"""

import reversion
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from . import preview, workflow
from .models import ArticleBase


class ApproveForm(forms.Form):
    """When to publish: now, or at a date still to come (the article is then scheduled)."""

    NOW, LATER = "now", "later"

    when = forms.ChoiceField(
        label=_("Publish"),
        choices=[(NOW, _("Now")), (LATER, _("At a date"))],
        widget=forms.RadioSelect,
        initial=NOW,
    )
    publish_date = forms.DateTimeField(
        label=_("Date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_date"].help_text = _("Korea time (%(zone)s). The article appears on the site then.") % {
            "zone": settings.TIME_ZONE
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("when") == self.LATER:
            date = cleaned.get("publish_date")
            if date is None:
                if "publish_date" not in self.errors:
                    self.add_error("publish_date", _("Give the date and time at which to publish."))
            elif date <= timezone.now():
                self.add_error("publish_date", _("Give a date in the future, or choose to publish now."))
        return cleaned

    def chosen_date(self):
        """The publish date to give the article: None for now."""
        return self.cleaned_data["publish_date"] if self.cleaned_data["when"] == self.LATER else None


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the author"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the author should change before submitting the article again. It is mailed to them."),
        error_messages={"required": _("Say what the author should change.")},
    )


class ArticleAdminPage(View):
    """A page about one article, framed by its admin (``model_admin``)."""

    model_admin = None
    template_name = "admin/article_review.html"
    title = ""

    def dispatch(self, request, object_id):
        self.article = self.model_admin.get_object(request, unquote(object_id))
        if self.article is None:
            raise Http404
        if not self.has_permission(request):
            raise PermissionDenied
        return super().dispatch(request, object_id)

    def has_permission(self, request):
        return self.model_admin.has_publish_permission(request)

    def change_url(self):
        opts = self.model_admin.opts
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.article.pk])

    def render(self, request, **context):
        site = self.model_admin.admin_site
        return TemplateResponse(
            request,
            self.template_name,
            {
                **site.each_context(request),
                "title": self.title,
                "subtitle": str(self.article),
                "opts": self.model_admin.opts,
                "original": self.article,
                "change_url": self.change_url(),
                "preview_url": self.article.get_absolute_url(),
                **context,
            },
        )


class ArticleFormPage(ArticleAdminPage):
    form_class = None
    submit_label = ""

    def refusal(self):
        """Why this article cannot be handled here now, or None."""
        return None

    def get_form(self, request):
        return self.form_class(request.POST if request.method == "POST" else None, **self.get_form_kwargs())

    def get_form_kwargs(self):
        return {}

    def get(self, request, object_id):
        refusal = self.refusal()
        if refusal:
            messages.warning(request, refusal)
            return HttpResponseRedirect(self.change_url())
        return self.render(request, form=self.get_form(request), submit_label=self.submit_label)

    def post(self, request, object_id):
        refusal = self.refusal()
        if refusal:
            messages.warning(request, refusal)
            return HttpResponseRedirect(self.change_url())
        form = self.get_form(request)
        if not form.is_valid():
            return self.render(request, form=form, submit_label=self.submit_label)
        # Approving and sending back keep a revision as any change does (core.history).
        with reversion.create_revision():
            message = self.act(request, form)
            reversion.set_user(request.user)
            reversion.set_comment(str(message))
        self.model_admin.log_change(request, self.article, message)
        messages.success(request, message)
        return HttpResponseRedirect(self.change_url())


class ApproveView(ArticleFormPage):
    """Publish the article now or schedule it."""

    form_class = ApproveForm
    title = _("Approve and publish")
    submit_label = _("Approve")

    def refusal(self):
        if self.article.is_live:
            return gettext("This article is already published.")
        return None

    def get_form_kwargs(self):
        if self.article.publish_date > timezone.now():
            # The date the author proposed.
            return {
                "initial": {"when": ApproveForm.LATER, "publish_date": timezone.localtime(self.article.publish_date)}
            }
        return {}

    def act(self, request, form):
        date = form.chosen_date()
        workflow.approve(self.article, user=request.user, publish_date=date)
        if date is None:
            return gettext("Approved and published.")
        return gettext("Approved: scheduled for %(date)s.") % {
            "date": timezone.localtime(date).strftime("%Y-%m-%d %H:%M")
        }


class SendBackView(ArticleFormPage):
    """Return an article in review to its author as a draft, with a comment."""

    form_class = SendBackForm
    title = _("Send back to the author")
    submit_label = _("Send back")

    def refusal(self):
        if self.article.status != ArticleBase.Status.REVIEW:
            return gettext("Only an article in review can be sent back.")
        return None

    def act(self, request, form):
        workflow.send_back(self.article, user=request.user, comment=form.cleaned_data["comment"])
        return gettext("Sent back to the author as a draft, with the comment: %(comment)s") % {
            "comment": form.cleaned_data["comment"]
        }


class SharePreviewView(ArticleAdminPage):
    """A link to the article's current draft for someone without an account, valid ``preview.MAX_AGE``."""

    template_name = "admin/article_share_preview.html"
    title = _("Share a preview")

    def has_permission(self, request):
        return self.model_admin.has_change_permission(request)

    def get(self, request, object_id):
        url = request.build_absolute_uri(preview.share_url(self.article))
        expires = timezone.now() + preview.MAX_AGE
        return self.render(request, share_url=url, expires=expires, hours=int(preview.MAX_AGE.total_seconds() // 3600))
