"""The catalogue check (make messages-check) fails exactly when a catalogue is missing, stale or incomplete."""

import pytest

from tests.check_catalogues import check

OPTIONS = ["-l", "fr", "--no-location"]
SETTINGS = """
from pathlib import Path
SECRET_KEY = "test"
USE_I18N = True
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
"""
MANAGE = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
from django.core.management import execute_from_command_line
execute_from_command_line(sys.argv)
"""
HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

"""


@pytest.fixture
def project(tmp_path):
    """A tiny Django project with one template string and one script string."""
    (tmp_path / "settings.py").write_text(SETTINGS)
    (tmp_path / "manage.py").write_text(MANAGE)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text('{% load i18n %}{% translate "Good morning" %}\n')
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "page.js").write_text('document.title = gettext("Loading");\n')
    (tmp_path / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    return tmp_path


def write_catalogue(project, domain, entries):
    body = "".join(f'msgid "{msgid}"\nmsgstr "{msgstr}"\n\n' for msgid, msgstr in entries)
    (project / "locale" / "fr" / "LC_MESSAGES" / f"{domain}.po").write_text(HEADER + body)


def test_complete_catalogues_pass(project):
    write_catalogue(project, "django", [("Good morning", "Bonjour")])
    write_catalogue(project, "djangojs", [("Loading", "Chargement")])
    assert check(project, OPTIONS) == []


def test_a_missing_catalogue_fails(project):
    write_catalogue(project, "django", [("Good morning", "Bonjour")])
    [problem] = check(project, OPTIONS)
    assert problem == f"{project}/locale/fr/LC_MESSAGES/djangojs.po: missing; run `make messages` and translate it."


def test_an_untranslated_entry_fails(project):
    write_catalogue(project, "django", [("Good morning", "")])
    write_catalogue(project, "djangojs", [("Loading", "Chargement")])
    [problem] = check(project, OPTIONS)
    assert "django.po: 1 untranslated" in problem


def test_a_fuzzy_entry_fails(project):
    write_catalogue(project, "django", [("Good morning", "Bonjour")])
    catalogue = project / "locale" / "fr" / "LC_MESSAGES" / "djangojs.po"
    write_catalogue(project, "djangojs", [("Loading", "Chargement")])
    catalogue.write_text(catalogue.read_text().replace('msgid "Loading"', '#, fuzzy\nmsgid "Loading"'))
    [problem] = check(project, OPTIONS)
    assert "djangojs.po: 1 fuzzy" in problem


def test_a_new_string_in_the_code_fails(project):
    write_catalogue(project, "django", [("Good morning", "Bonjour")])
    write_catalogue(project, "djangojs", [("Loading", "Chargement")])
    (project / "templates" / "other.html").write_text('{% load i18n %}{% translate "Good night" %}\n')
    assert check(project, OPTIONS) == [
        f"{project}/locale/fr/LC_MESSAGES/django.po: not in the catalogue yet: 'Good night'"
    ]


def test_a_string_gone_from_the_code_fails_and_the_committed_catalogue_is_untouched(project):
    write_catalogue(project, "django", [("Good morning", "Bonjour"), ("Goodbye", "Au revoir")])
    write_catalogue(project, "djangojs", [("Loading", "Chargement")])
    before = (project / "locale" / "fr" / "LC_MESSAGES" / "django.po").read_text()
    [problem] = check(project, OPTIONS)
    assert problem == f"{project}/locale/fr/LC_MESSAGES/django.po: no longer in the code: 'Goodbye'"
    assert (project / "locale" / "fr" / "LC_MESSAGES" / "django.po").read_text() == before


def test_a_catalogue_for_a_domain_without_strings_fails(project):
    (project / "static" / "page.js").write_text("document.title = 'x';\n")
    write_catalogue(project, "django", [("Good morning", "Bonjour")])
    write_catalogue(project, "djangojs", [("Loading", "Chargement")])
    [problem] = check(project, OPTIONS)
    assert "djangojs.po: the code has no djangojs strings any more" in problem


def test_no_language_is_an_error(project):
    assert check(project, ["--no-location"]) == ["No language given: pass the makemessages options, for example -l fr."]
