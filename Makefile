# Korea Portal: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
MANAGE := $(BIN)/python manage.py
# Where the database, collected static files, media and the local secret key live.
VAR_DIR := $(or $(DJANGO_VAR_DIR),var)
SECRET_KEY_FILE := $(VAR_DIR)/secret_key

.PHONY: run serve worker prepare setup test test-steps lint migrations-check messages-check messages bench loadtest backup restore clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

.PHONY: compiled
compiled: $(BIN)/.installed
	$(MANAGE) compilemessages --ignore=.venv -v 0

# What every way of serving the site needs: the database schema, translations, static files.
prepare: compiled
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) collectstatic --no-input -v 0

# The demo, and the search documents of whatever the database already held (a database from before search).
setup: prepare
	$(MANAGE) load_demo
	$(MANAGE) rebuild_search_index

# gunicorn alone, running the tasks itself; with a task broker configured, a worker and beat beside it (korea_portal/serve.py).
run: setup
	@echo "Korea Portal: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	exec $(BIN)/python -m korea_portal.serve

# The site as in production (DJANGO_SECURE=1: HTTPS only, HSTS, secure cookies), on
# 127.0.0.1 as behind the local front proxy of deploy/nginx.conf. Without
# DJANGO_SECRET_KEY, a key made once for this machine is kept in $(SECRET_KEY_FILE).
# There is no proxy here, so Django serves /media/ itself unless DJANGO_SERVE_MEDIA=0.
# With a task broker (CELERY_BROKER_URL or REDIS_URL) a Celery worker and beat run
# beside gunicorn, and Ctrl-C or the end of any of them stops all three (korea_portal/serve.py).
serve: prepare $(if $(DJANGO_SECRET_KEY),,$(SECRET_KEY_FILE))
	@echo "Korea Portal as in production: http://127.0.0.1:$(PORT)/ answers requests that carry"
	@echo "  X-Forwarded-Proto: https, as the front proxy sends them, and redirects the others to https."
	@echo "  curl -H 'X-Forwarded-Proto: https' http://127.0.0.1:$(PORT)/en/"
	DJANGO_SECURE=1 DJANGO_SERVE_MEDIA=$${DJANGO_SERVE_MEDIA:-1} \
		DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_KEY_FILE))}" \
		exec $(BIN)/python -m korea_portal.serve

# A Celery worker alone (another machine's, say), for the broker CELERY_BROKER_URL or REDIS_URL names.
worker: prepare
	exec $(BIN)/celery -A korea_portal worker --loglevel INFO

# Made once, readable by its owner alone; `make clean` removes it with the rest of var/.
$(SECRET_KEY_FILE): | $(BIN)/.installed
	mkdir -p $(VAR_DIR)
	umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@.new && mv $@.new $@

# The whole suite, timed: CI allows 90 minutes, and both databases must fit with room to spare.
test:
	@start=$$(date +%s); $(MAKE) --no-print-directory test-steps; status=$$?; \
		echo "== make test took $$(( $$(date +%s) - start )) s"; exit $$status

# The suite's own database has no replica (DATABASE_REPLICA_URL is not passed on):
# tests/korea_portal/test_read_replica.py starts the site over a primary and a replica of its own.
test-steps: compiled migrations-check messages-check
	$(MANAGE) check
	@echo "== Tests on SQLite"
	env -u DATABASE_URL -u DATABASE_REPLICA_URL $(BIN)/pytest
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "== Tests on PostgreSQL ($$DATABASE_URL)"; \
		env -u DATABASE_REPLICA_URL $(BIN)/pytest; \
	else \
		echo "== PostgreSQL run skipped: DATABASE_URL is not set"; \
	fi

# Bandit reads the code that is deployed (pyproject.toml's [tool.bandit] leaves the tests out).
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -c pyproject.toml -r .

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

# The pages, search and mail (on the database DATABASE_URL names, else SQLite), then each page
# on the demo and at 10,000 articles, on SQLite and, with DATABASE_URL, on PostgreSQL too.
bench: setup
	$(BIN)/python -m tests.bench
	env -u DATABASE_URL $(BIN)/python -m tests.bench_scale
	@if [ -n "$$DATABASE_URL" ]; then $(BIN)/python -m tests.bench_scale; fi

# Locust against make serve on its own database (PostgreSQL when DATABASE_URL is set); see tests/loadtest/.
loadtest: $(BIN)/.loadtest-installed compiled
	$(BIN)/python -m tests.loadtest

$(BIN)/.loadtest-installed: requirements-loadtest.txt $(BIN)/.installed
	$(BIN)/pip install --quiet -r requirements-loadtest.txt
	touch $@

# A dated backup of the database and the media under var/backups/ (DJANGO_BACKUP_DIR).
backup: $(BIN)/.installed
	$(MANAGE) backup

# Restores the latest backup, or BACKUP=var/backups/<name>; asks first on a terminal only.
restore: $(BIN)/.installed
	$(MANAGE) restore $(if $(BACKUP),"$(BACKUP)")

# Everything under var/ but the backups.
clean:
	rm -rf staticfiles $(filter-out var/backups,$(wildcard var/*))
