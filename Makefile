# Two entry points for a fresh machine (see README): `make serve` and `make test`.
VENV ?= .venv
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
SYSTEM_PACKAGES := chromium chromium-driver fonts-noto-core fonts-noto-cjk linkchecker default-jre-headless nginx-light libnginx-mod-http-brotli-static openssl nodejs postgresql

.PHONY: serve test build check system-packages catalogs

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)
	$(VENV)/bin/portal serve

build: $(STAMP)
	$(VENV)/bin/portal build

check: $(STAMP)
	$(VENV)/bin/portal check

# The browser tests drive Debian's Chromium, the quality gates run linkchecker and the Nu HTML
# checker (Java); install them (as root, or through sudo) if missing.
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# axe-core and the Nu HTML checker come from the npm registry, pinned in package-lock.json.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: system-packages $(STAMP) node_modules/.installed
	$(VENV)/bin/ruff check portal tests bench
	$(VENV)/bin/ruff format --check portal tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/portal check
	$(VENV)/bin/python -m pytest

# Re-extract interface strings after editing templates, then translate the new entries.
catalogs: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k translate_in:2 -o translations/messages.pot --no-location --width 80 --project=alxa-plan-portal .
	$(VENV)/bin/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --width 80
