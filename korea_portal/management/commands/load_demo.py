import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from korea_portal.demo.loader import load_demo

# The demo accounts: (username, group, display name, what the account is for).
DEMO_ACCOUNTS = (
    ("editor", "Editors", "Demo Editor", "writes articles and submits them for review"),
    ("publisher", "Publishers", "Demo Publisher", "approves, schedules, sends back and unpublishes"),
)
EDITOR_USERNAME = DEMO_ACCOUNTS[0][0]


class Command(BaseCommand):
    help = "Load the seed page's content (idempotent) and create the demo editor and publisher accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-editor", action="store_true", help="Do not create the demo editor and publisher accounts."
        )

    def handle(self, *args, no_editor=False, **options):
        loader = load_demo()
        self.stdout.write(f"Demo content: {loader.created} objects created, {loader.changed} changed.")
        if not no_editor:
            for account in DEMO_ACCOUNTS:
                self.create_account(*account)

    def create_account(self, username, group_name, display_name, role):
        """
        Create a demo staff account in ``group_name`` and print its password, on a line of its own, this once.

        An account that exists already is left as it is (its password too, which
        is then not known here): run again, the command creates no duplicate.
        """
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"The demo account '{username}' exists already; its password is unchanged.")
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@korea-portal.example",
            password=password,
            is_staff=True,
            email_verified=True,
            display_name=display_name,
        )
        user.groups.add(Group.objects.get(name=group_name))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo {group_name[:-1].lower()} created ({role}): log in at /admin/ as '{username}' "
                f"with the password: {password} (shown only this once)"
            )
        )
