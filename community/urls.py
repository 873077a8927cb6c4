from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.BoardListView.as_view(), name="boards"),
    path("posts/<int:pk>/hide/", views.HidePostView.as_view(), name="hide-post"),
    path("topics/<int:pk>/lock/", views.LockTopicView.as_view(), name="lock-topic"),
    path("<slug:board>/", views.BoardView.as_view(), name="board"),
    path("<slug:board>/new/", views.NewTopicView.as_view(), name="new-topic"),
    path("<slug:board>/<int:pk>/", views.TopicView.as_view(), name="topic"),
]
