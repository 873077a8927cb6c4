from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Post, Topic


class ReplyForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}
        error_messages = {
            "body": {
                "required": _("Write a message."),
                "max_length": _("A message can have at most %(limit_value)d characters."),
            }
        }

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < 2:
            raise forms.ValidationError(_("Write a message."), code="too_short")
        return body


class TopicForm(ReplyForm):
    title = forms.CharField(
        label=_("Title"),
        min_length=3,
        max_length=Topic._meta.get_field("title").max_length,
        error_messages={
            "required": _("Give the topic a title."),
            "min_length": _("A title has at least %(limit_value)d characters."),
            "max_length": _("A title has at most %(limit_value)d characters."),
        },
    )

    class Meta(ReplyForm.Meta):
        fields = ["title", "body"]


class HidePostForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "hide"), ("show", "show")])
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)
