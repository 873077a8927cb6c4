"""
The readers of ``make loadtest``: Locust users who read, search, log in,
scrap, e-mail articles and post in the forum, against ``make serve``.

Run by ``python -m tests.loadtest`` (which prepares a database, starts the
server and hands over the plan in ``LOADTEST_PLAN``), not by hand.

The server runs as in production (``DJANGO_SECURE=1``) on loopback, behind
no proxy: every request says ``X-Forwarded-Proto: https`` as the front proxy
would, and the client sends the site's Secure cookies back over loopback's
plain HTTP, which a browser would do only over HTTPS.

A user paces itself like a reader (one to three seconds between actions), so
that the portal's own rate limits (five forum posts in ten minutes, ten
e-mailed articles an hour, three to one recipient) are never reached: a 429
here is an error, as is any answer that is not the page a reader expects.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, events, task

PLAN = json.loads(os.environ.get("LOADTEST_PLAN", "{}") or "{}")
ACCOUNTS = itertools.cycle(PLAN.get("accounts", []))
# The app servers (LOADTEST_SERVERS): each reader keeps to one, as behind a load balancer with sticky sessions.
HOSTS = itertools.cycle(host for host in os.environ.get("LOADTEST_HOSTS", "").split(",") if host)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Reader(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.client.base_url = self.host = next(HOSTS, self.host)
        self.client.headers.update({"X-Forwarded-Proto": "https", "Origin": self.host.replace("http://", "https://")})
        self.language = random.choice(PLAN["languages"])
        self.sent = itertools.count()
        self.login()

    def send_cookies_over_loopback(self):
        """
        Let the client send the site's Secure cookies over plain HTTP: the server
        is on loopback, as it is behind its TLS proxy. (requests copies the jar
        into a new one for each request, so a cookie policy would not last.)
        """
        for cookie in self.client.cookies:
            cookie.secure = False

    def page(self, path, name, **params):
        """GET a page that must answer 200; return its HTML."""
        self.send_cookies_over_loopback()
        with self.client.get(path, params=params, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")
            return response.text

    def post_form(self, path, name, data, page=None, expect=(302,)):
        """POST a form with the CSRF token of ``page`` (the form's own page unless given)."""
        html = self.page(page or path, f"{name} (form)")
        token = CSRF_INPUT.search(html)
        if token is None:
            return
        data = {"csrfmiddlewaretoken": token.group(1), **data}
        self.send_cookies_over_loopback()
        with self.client.post(path, data=data, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code not in expect:
                response.failure(f"{response.status_code} for POST {path}")

    def login(self):
        email = next(ACCOUNTS)
        self.post_form(f"/{self.language}/accounts/login/", "log in", {"username": email, "password": PLAN["password"]})

    def localised(self, path):
        return f"/{self.language}{path}"

    @task(12)
    def read_article(self):
        path = random.choice(PLAN["articles"])
        self.page(self.localised(path), "article")

    @task(6)
    def read_home_and_lists(self):
        self.page(self.localised("/"), "home")
        self.page(self.localised(random.choice(PLAN["lists"])), "list or partner")

    @task(4)
    def search(self):
        self.page(self.localised("/search/"), "search", q=random.choice(PLAN["words"]))

    @task(2)
    def scrap(self):
        article = random.choice(PLAN["articles"])
        self.post_form(self.localised(f"{article}scrap/"), "scrap", {}, page=self.localised(article))

    @task(1)
    def email_article(self):
        article = random.choice(PLAN["articles"])
        recipient = f"friend-{id(self)}-{next(self.sent)}@example.org"
        self.post_form(self.localised(f"{article}email/"), "e-mail an article", {"recipients": recipient})

    @task(1)
    def post_reply(self):
        topic = self.localised(PLAN["topic"])
        self.post_form(topic, "forum reply", {"body": f"A reply from the load test ({random.random():.6f})."})


@events.quitting.add_listener
def no_errors_allowed(environment, **kwargs):
    """Exit non-zero when any request failed: the target is none."""
    if environment.stats.total.num_failures:
        environment.process_exit_code = 1
