from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from core.ratelimit import allow

from . import services
from .forms import HidePostForm, ReplyForm, TopicForm
from .models import Board, Post, Topic

PAGE_SIZE = 20
MODERATE = "community.moderate_forum"


def can_moderate(user):
    return user.is_authenticated and user.has_perm(MODERATE)


class BoardListView(ListView):
    template_name = "community/board_list.html"
    context_object_name = "boards"

    def get_queryset(self):
        return Board.objects.annotate(topic_count=Count("topics"), last_activity=Max("topics__last_post_at"))


class BoardView(ListView):
    template_name = "community/board_detail.html"
    context_object_name = "topics"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.board = get_object_or_404(Board, slug=self.kwargs["board"])
        topics = self.board.topics.with_counts().select_related("author", "board")
        return topics.order_by(*Topic._meta.ordering)

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, **kwargs)


class PostingMixin:
    """A few posts in a while is the most one account may write."""

    def rate_limited(self, request):
        limit, period = settings.FORUM_POST_LIMIT
        return not allow("forum-post", request.user.pk, limit, period)

    def render_limited(self, request, template, context):
        context["form"].add_error(
            None, _("You have posted several messages in the last minutes. Please wait a little.")
        )
        return render(request, template, context, status=429)


class TopicView(PostingMixin, View):
    """A topic's posts, page by page, with the reply form at the foot."""

    template_name = "community/topic_detail.html"

    def get_topic(self):
        return get_object_or_404(
            Topic.objects.select_related("board", "author"), board__slug=self.kwargs["board"], pk=self.kwargs["pk"]
        )

    def get_context(self, request, topic, form):
        posts = topic.posts.select_related("author")
        moderator = can_moderate(request.user)
        if not moderator:
            posts = posts.filter(is_hidden=False)
        page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
        return {"topic": topic, "board": topic.board, "page_obj": page, "form": form, "moderator": moderator}

    def get(self, request, *args, **kwargs):
        # Reading is open to everyone; only posting needs an account.
        topic = self.get_topic()
        return render(request, self.template_name, self.get_context(request, topic, ReplyForm()))

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        topic = self.get_topic()
        form = ReplyForm(request.POST)
        if topic.is_locked:
            form.add_error(None, _("This topic is locked: it takes no new replies."))
            return render(request, self.template_name, self.get_context(request, topic, form), status=403)
        if not form.is_valid():
            return render(request, self.template_name, self.get_context(request, topic, form), status=400)
        if self.rate_limited(request):
            return self.render_limited(request, self.template_name, self.get_context(request, topic, form))
        post = services.reply(topic=topic, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Your reply has been posted."))
        last_page = Paginator(topic.posts.filter(is_hidden=False), PAGE_SIZE).num_pages
        return redirect(f"{topic.get_absolute_url()}?page={last_page}#post-{post.pk}")


class NewTopicView(LoginRequiredMixin, PostingMixin, View):
    template_name = "community/topic_form.html"

    def get_board(self):
        return get_object_or_404(Board, slug=self.kwargs["board"])

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name, {"board": self.get_board(), "form": TopicForm()})

    def post(self, request, *args, **kwargs):
        board = self.get_board()
        form = TopicForm(request.POST)
        context = {"board": board, "form": form}
        if not form.is_valid():
            return render(request, self.template_name, context, status=400)
        if self.rate_limited(request):
            return self.render_limited(request, self.template_name, context)
        topic = services.start_topic(
            board=board, author=request.user, title=form.cleaned_data["title"], body=form.cleaned_data["body"]
        )
        messages.success(request, _("Your topic has been opened."))
        return redirect(topic)


class HidePostView(PermissionRequiredMixin, View):
    """Hide a post from readers (``action=hide``), or show it again (``action=show``); moderators only."""

    permission_required = MODERATE
    raise_exception = True

    def post(self, request, pk):
        post = get_object_or_404(Post.objects.select_related("topic__board"), pk=pk)
        form = HidePostForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest()
        # The action is explicit, not a toggle: two moderators hiding at once both hide.
        post.is_hidden = form.cleaned_data["action"] == "hide"
        post.hidden_reason = form.cleaned_data["reason"] if post.is_hidden else ""
        post.save(update_fields=["is_hidden", "hidden_reason"])
        messages.success(request, _("The post is hidden.") if post.is_hidden else _("The post is shown again."))
        return redirect(post.get_absolute_url())


class LockTopicView(PermissionRequiredMixin, View):
    """Lock a topic against replies (``action=lock``), or open it again (``action=unlock``); moderators only."""

    permission_required = MODERATE
    raise_exception = True

    def post(self, request, pk):
        topic = get_object_or_404(Topic.objects.select_related("board"), pk=pk)
        action = request.POST.get("action")
        if action not in ("lock", "unlock"):
            return HttpResponseBadRequest()
        topic.is_locked = action == "lock"
        topic.save(update_fields=["is_locked"])
        messages.success(request, _("The topic is locked.") if topic.is_locked else _("The topic is open again."))
        return redirect(topic)
