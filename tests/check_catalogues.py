"""
Check that the committed gettext catalogues are complete and up to date.

Usage (``make messages-check`` passes the same options as ``make messages``)::

    python tests/check_catalogues.py -l fr -l de … --no-location --ignore=.venv …

The project is copied to a temporary folder, without its catalogues, and
``makemessages`` runs there with the given options for the ``django`` and
``djangojs`` domains; the committed catalogues are never written. The check
fails when:

- the fresh run adds or removes a msgid (the catalogue is out of date with the
  code: run ``make messages`` and translate what it added);
- a catalogue one language needs is missing, or one exists that the code no
  longer needs;
- ``msgfmt --check --statistics`` reports an error, an untranslated entry or a
  fuzzy one.

It prints one line per problem and exits 1, or prints a summary and exits 0.
"""

import argparse
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

DOMAINS = ("django", "djangojs")
# What is never copied: it holds no translatable text and can be large.
NOT_COPIED = (".git", ".venv", "var", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache", "*.mo")
# What msgfmt --statistics counts that must be zero, as it says it in English.
INCOMPLETE = {
    "untranslated": re.compile(r"(\d+) untranslated message"),
    "fuzzy": re.compile(r"(\d+) fuzzy translation"),
}


def catalogue_path(root, locale, domain):
    return Path(root) / "locale" / locale / "LC_MESSAGES" / f"{domain}.po"


def msgids(path):
    """Return the active (not obsolete) message keys of a catalogue: (context, msgid)."""
    # Babel prints a warning for each plural entry with more forms than it
    # expects (Django's Russian catalogues have four); msgfmt checks plurals.
    with open(path, "rb") as file, contextlib.redirect_stdout(io.StringIO()):
        catalog = read_po(file)
    return {(message.context, message.id) for message in catalog if message.id}


def describe(key):
    context, msgid = key
    text = msgid[0] if isinstance(msgid, tuple) else msgid
    return f"{text!r}" + (f" (context {context!r})" if context else "")


def statistics_problems(path):
    """Return what ``msgfmt --check --statistics`` finds wrong with a catalogue."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return ["msgfmt is missing: install GNU gettext (the Debian package gettext)."]
    # The arguments are ours: a fixed program and a catalogue path.
    result = subprocess.run(  # noqa: S603
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
    )
    report = result.stderr.strip()
    if result.returncode != 0:
        return [f"{path}: msgfmt fails: {report}"]
    return [
        f"{path}: {found.group(1)} {kind} ({report})"
        for kind, pattern in INCOMPLETE.items()
        if (found := pattern.search(report))
    ]


def compare(committed, fresh):
    """Return the msgids that a fresh run would add to, or remove from, the committed catalogue."""
    now, before = msgids(fresh), msgids(committed)
    added = [f"{committed}: not in the catalogue yet: {describe(key)}" for key in sorted(now - before, key=repr)]
    removed = [f"{committed}: no longer in the code: {describe(key)}" for key in sorted(before - now, key=repr)]
    return added + removed


def fresh_catalogues(root, options, workdir):
    """Copy the project into ``workdir``, make its catalogues anew there and return the copy's root."""
    copy = Path(workdir) / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    # Start from no catalogue at all, so that the fresh ones hold exactly the code's strings.
    for catalogue in (copy / "locale").glob("*/LC_MESSAGES/*.po"):
        catalogue.unlink()
    env = {**os.environ, "DJANGO_VAR_DIR": str(Path(workdir) / "var")}
    for domain in DOMAINS:
        # The options come from the Makefile, not from a visitor.
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "makemessages", "-d", domain, "-v", "0", *options],
            cwd=copy,
            env=env,
            check=True,
        )
    return copy


def check(root, options):
    """Return every problem of the catalogues under ``root`` (an empty list when they are fine)."""
    locales = argparse.ArgumentParser(add_help=False)
    locales.add_argument("-l", "--locale", action="append", default=[])
    wanted = locales.parse_known_args(options)[0].locale
    if not wanted:
        return ["No language given: pass the makemessages options, for example -l fr."]
    problems = []
    with tempfile.TemporaryDirectory(prefix="catalogues-") as workdir:
        copy = fresh_catalogues(root, options, workdir)
        for locale in wanted:
            for domain in DOMAINS:
                committed, fresh = catalogue_path(root, locale, domain), catalogue_path(copy, locale, domain)
                if not fresh.exists():
                    if committed.exists():
                        problems.append(f"{committed}: the code has no {domain} strings any more; remove it.")
                    continue
                if not committed.exists():
                    problems.append(f"{committed}: missing; run `make messages` and translate it.")
                    continue
                problems += compare(committed, fresh)
                problems += statistics_problems(committed)
    return problems


def main(argv=None):
    options = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parent.parent
    problems = check(root, options)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s): run `make messages`, translate every entry, then `make messages-check`.")
        return 1
    print("Catalogues complete and up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
