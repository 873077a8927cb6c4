# Korea Portal: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run setup test test-steps lint migrations-check messages-check messages bench backup restore clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

.PHONY: compiled
compiled: $(BIN)/.installed
	$(MANAGE) compilemessages --ignore=.venv -v 0

setup: compiled
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) collectstatic --no-input -v 0
	$(MANAGE) load_demo

run: setup
	@echo "Korea Portal: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/gunicorn korea_portal.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

# The whole suite, timed: CI allows 90 minutes, and both databases must fit with room to spare.
test:
	@start=$$(date +%s); $(MAKE) --no-print-directory test-steps; status=$$?; \
		echo "== make test took $$(( $$(date +%s) - start )) s"; exit $$status

test-steps: compiled migrations-check messages-check
	$(MANAGE) check
	@echo "== Tests on SQLite"
	env -u DATABASE_URL $(BIN)/pytest
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "== Tests on PostgreSQL ($$DATABASE_URL)"; \
		$(BIN)/pytest; \
	else \
		echo "== PostgreSQL run skipped: DATABASE_URL is not set"; \
	fi

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

migrations-check: $(BIN)/.installed
	$(MANAGE) makemigrations --check --dry-run

# The catalogues of the nine languages besides English (locale/<lang>/LC_MESSAGES/).
MESSAGES_OPTIONS := -l fr -l de -l es -l ar -l vi -l ru -l zh_Hans -l ja -l ko --no-location \
	--ignore=.venv --ignore=var --ignore=tests --ignore=static/vendor

messages: $(BIN)/.installed
	$(MANAGE) makemessages -d django $(MESSAGES_OPTIONS)
	$(MANAGE) makemessages -d djangojs $(MESSAGES_OPTIONS)

# Fails when a catalogue is missing, incomplete, fuzzy or out of date with the code.
messages-check: $(BIN)/.installed
	$(BIN)/python tests/check_catalogues.py $(MESSAGES_OPTIONS)

bench: setup
	$(BIN)/python -m tests.bench

# A dated backup of the database and the media under var/backups/ (DJANGO_BACKUP_DIR).
backup: $(BIN)/.installed
	$(MANAGE) backup

# Restores the latest backup, or BACKUP=var/backups/<name>; asks first on a terminal only.
restore: $(BIN)/.installed
	$(MANAGE) restore $(if $(BACKUP),"$(BACKUP)")

# Everything under var/ but the backups.
clean:
	rm -rf staticfiles $(filter-out var/backups,$(wildcard var/*))
