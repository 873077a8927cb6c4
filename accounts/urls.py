from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("signup/check-your-mail/", views.SignupDoneView.as_view(), name="signup-done"),
    path("verify/<uidb64>/<token>/", views.VerifyEmailView.as_view(), name="verify"),
    path("verify/", views.VerificationPendingView.as_view(), name="verification-pending"),
    path("login/", views.LoginView.as_view(), name="login"),
    # Django's LogoutView answers POST only.
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("password/reset/done/", views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
    path("delete/", views.DeleteAccountView.as_view(), name="delete"),
    path("scrapbook/", views.ScrapbookView.as_view(), name="scrapbook"),
    path("scrapbook/scrapbook.csv", views.ScrapbookExportView.as_view(), name="scrapbook-export"),
    path("scrapbook/<int:pk>/note/", views.ScrapNoteView.as_view(), name="scrap-note"),
    path("scrapbook/<int:pk>/remove/", views.ScrapRemoveView.as_view(), name="scrap-remove"),
]
