"""
The dependency rule of the README's design: ``core`` ← ``news`` ← ``relations``,
``accounts``, ``community``, ``newsletter``; ``korea_portal`` wires them together.

Read from the source with ``ast``, so an import anywhere in an app (a function
body, a migration) counts.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_APPS = {"core", "news", "relations", "accounts", "community", "newsletter", "korea_portal"}
# What each app may import of the others. accounts builds on the newsletter
# (the profile's checkbox, deleting an account deletes its subscription).
ALLOWED = {
    "core": set(),
    "news": {"core"},
    "relations": {"core", "news"},
    "community": {"core", "news"},
    "newsletter": {"core", "news"},
    "accounts": {"core", "news", "newsletter"},
    "korea_portal": PROJECT_APPS - {"korea_portal"},
}


def imported_apps(path):
    """The project apps a Python file imports (absolute imports; relative ones stay inside the app)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[0] for name in names if name.split(".")[0] in PROJECT_APPS)
    return found


def app_files(app):
    return sorted((ROOT / app).rglob("*.py"))


def test_every_project_app_is_covered_by_the_rule():
    """A new top-level package of the project must be given its place in the rule."""
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages == {app for app in PROJECT_APPS if (ROOT / app).is_dir()}


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_the_apps_below_it(app):
    if not (ROOT / app).is_dir():
        pytest.fail(f"{app}/ is in the design but not in the project")
    wrong = {str(path.relative_to(ROOT)): sorted(imported_apps(path) - ALLOWED[app] - {app}) for path in app_files(app)}
    assert {path: apps for path, apps in wrong.items() if apps} == {}


def test_the_rule_is_read_from_real_imports(tmp_path):
    """The reader finds imports in functions and ``from x.y import z`` alike, and ignores relative ones."""
    source = tmp_path / "sample.py"
    source.write_text(
        "import os\nfrom . import models\nfrom news.models import Article\n"
        "def f():\n    import relations.views\n    from core import mail\n"
    )
    assert imported_apps(source) == {"news", "relations", "core"}
