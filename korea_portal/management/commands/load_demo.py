import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from korea_portal.demo.loader import load_demo

EDITOR_USERNAME = "editor"


class Command(BaseCommand):
    help = "Load the seed page's content (idempotent) and create the demo editor account."

    def add_arguments(self, parser):
        parser.add_argument("--no-editor", action="store_true", help="Do not create the demo editor account.")

    def handle(self, *args, no_editor=False, **options):
        loader = load_demo()
        self.stdout.write(f"Demo content: {loader.created} objects created, {loader.changed} changed.")
        if not no_editor:
            self.create_editor()

    def create_editor(self):
        User = get_user_model()
        if User.objects.filter(username=EDITOR_USERNAME).exists():
            self.stdout.write(f"The demo editor '{EDITOR_USERNAME}' exists already; its password is unchanged.")
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=EDITOR_USERNAME,
            email="editor@korea-portal.example",
            password=password,
            is_staff=True,
            email_verified=True,
            display_name="Demo Editor",
        )
        user.groups.add(Group.objects.get(name="Editors"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo editor created. Log in at /admin/ as '{EDITOR_USERNAME}' with the password: {password}\n"
                "It is shown only this once."
            )
        )
