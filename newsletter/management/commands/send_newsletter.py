"""
Send the newsletter: each confirmed subscriber gets, in their language, the
articles of their sections published since the last issue.

Safe to run again at any time, even twice at once: an unfinished issue is
resumed, and nobody is sent the same issue twice. A mail that failed is tried
again by the next run, NEWSLETTER_MAX_ATTEMPTS times in all; then that
address misses the issue. Meant for a scheduler (cron, a systemd timer).
"""

from django.core.management.base import BaseCommand, CommandError

from newsletter.sending import (
    due_issues,
    max_attempts,
    pending_subscriptions,
    remove_stale_subscriptions,
    send_issue,
)

BAR_WIDTH = 30


class ProgressBar:
    """A one-line bar redrawn in place on a terminal; on a file or pipe, one line per tenth done."""

    def __init__(self, out, total):
        self.out = out
        self.total = total
        self.done = 0
        self.redraw = out.isatty() if hasattr(out, "isatty") else False
        self.last_tenth = -1

    def line(self):
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        return f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total}"

    def advance(self):
        self.done += 1
        if self.redraw:
            self.out.write(f"\r{self.line()}", ending="")
            self.out.flush()
        elif self.total and self.done * 10 // self.total > self.last_tenth:
            self.last_tenth = self.done * 10 // self.total
            self.out.write(self.line())

    def finish(self):
        if self.redraw:
            self.out.write("")


class Command(BaseCommand):
    help = "Send the newsletter issue of the articles published since the last one."

    def handle(self, *args, **options):
        stale = remove_stale_subscriptions()
        if stale:
            self.stdout.write(f"Removed {stale} subscription(s) never confirmed.")
        handled = 0
        # The unfinished issue first; once it is complete, the next one if anything new was published meanwhile.
        for issue in due_issues():
            handled += 1
            self.send(issue)
        if not handled:
            self.stdout.write("No article published since the last issue: nothing to send.")

    def send(self, issue):
        subscriptions = pending_subscriptions(issue)
        total = subscriptions.count()
        self.stdout.write(f"{issue}: {total} subscriber(s) to send to.")
        bar = ProgressBar(self.stdout, total)
        report = send_issue(issue, subscriptions, progress=bar.advance)
        bar.finish()
        self.stdout.write(
            self.style.SUCCESS(f"Sent {report.sent}; {report.nothing_new} had nothing new in their sections.")
        )
        if report.given_up:
            self.stdout.write(
                self.style.WARNING(
                    f"Gave up on {len(report.given_up)} address(es) after {max_attempts()} failed attempts; "
                    "they miss this issue: " + ", ".join(report.given_up)
                )
            )
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} could not be sent; run the command again to retry them: "
                + ", ".join(report.failed)
            )
