# OpenKey — the two commands on a fresh Debian machine:
#   make site    install system libraries if missing, build openkey (release), compile the bundled course
#   make test    run the whole test suite
SHELL := /bin/bash

PREFIX       ?= /usr/local
SWIFT        ?= swift
SITE_DIR     ?= _site
EDITION      ?=
MUSTACHE_SPEC ?= ../shared/conformance/mustache
ROOT_SPEC    ?= ../shared/conformance/root
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config
RELEASE_BIN  := .build/release/openkey

.PHONY: key test-export test-browser all deps build site test conformance browser-deps clean install uninstall theme check

all: site

## deps: install the Debian packages OpenKey links against, if any is missing
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "OpenKey needs these Debian packages:$$missing"; \
	    echo "Install them with:  sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

## build: openkey in release mode, with the Swift runtime linked in: the installed binary needs no Swift toolchain
## (only the Debian libraries above) and starts in 7 ms instead of 16 (no Swift and Foundation libraries to load)
build: deps
	$(SWIFT) build -c release --product openkey --static-swift-stdlib

## site: build the bundled course, every language, strictly (a warning fails): the student edition into $(SITE_DIR)/
## and the teacher edition into $(SITE_DIR)-teacher/ (or only EDITION=student|teacher into $(SITE_DIR)/)
site: build
ifeq ($(EDITION),)
	@$(RELEASE_BIN) build . --strict --edition student --output $(SITE_DIR)
	@$(RELEASE_BIN) build . --strict --edition teacher --output $(SITE_DIR)-teacher
	@echo "Open this file in a browser: $(abspath $(SITE_DIR))/index.html (teachers: $(abspath $(SITE_DIR))-teacher/index.html)"
else
	@$(RELEASE_BIN) build . --strict --edition $(EDITION) --output $(SITE_DIR)
	@echo "Open this file in a browser: $(abspath $(SITE_DIR))/index.html"
endif

## check: validate the bundled course without writing anything
check: build
	$(RELEASE_BIN) check . --strict

## test: the whole test suite (unit, golden files, fixture sites, CLI, and the headless-browser test)
test: deps browser-deps
	$(SWIFT) test --disable-xctest

## browser-deps: the headless browser the site test drives (installed when root; skipped otherwise)
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing chromium for the browser test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

## test-browser: the built course in headless Chromium from file:// — search in each language, quizzes and their
## justifications, progress across reloads, language switcher and RTL layout, no request outside file://, no console
## errors, 360 px phones, axe-core WCAG 2.1 AA checks (axe from PyPI's axe-selenium-python) — and screenshots,
## desktop and phone, in .build/browser-artifacts/
test-browser: deps
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "make test-browser needs: sudo apt-get install chromium chromium-driver"; exit 1; fi; \
	fi
	@python3 -c "import axe_selenium_python" 2>/dev/null || pip install -q axe-selenium-python 2>/dev/null || pip install -q --break-system-packages axe-selenium-python
	OPENKEY_AXE="$$(python3 -c 'import axe_selenium_python, os; print(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js"))')" \
	OPENKEY_BROWSER_ARTIFACTS="$(CURDIR)/.build/browser-artifacts" \
	$(SWIFT) test --disable-xctest --filter BrowserTests
	@echo "Screenshots: $(CURDIR)/.build/browser-artifacts/"

## test-export: every .ana of Exercises/ and of the engine's test scripts exported (openkey export) to RDataFrame,
## uproot + awkward and a ROOT C++ macro and run locally, and to distributed RDataFrame and uproot.dask run on a local
## Dask cluster with 2 workers; each must give OpenKey's cut flows, histograms and reported values (counts exactly,
## weighted sums within 1e-9). Installs ROOT, uproot, awkward, vector, hist and Dask from PyPI if missing.
test-export: deps
	$(SWIFT) build --product openkey
	@python3 -c "import ROOT, uproot, awkward, vector, hist, dask, distributed, dask_awkward, dask_histogram" 2>/dev/null || \
		pip install -q root uproot awkward vector hist dask distributed dask-awkward dask-histogram 2>/dev/null || \
		pip install -q --break-system-packages root uproot awkward vector hist dask distributed dask-awkward dask-histogram
	python3 scripts/test-export.py $$($(SWIFT) build --show-bin-path)/openkey

## conformance: the official Mustache spec tests against the template engine; the analysis engine against
## independent numpy and uproot+awkward computations (bench/*_crosscheck.py; Python is a development tool only);
## the native ROOT reader against uproot's reading of every shared ROOT fixture
conformance: deps
	$(SWIFT) build --product mustache-conformance
	$(SWIFT) build --product openkey
	$$($(SWIFT) build --show-bin-path)/mustache-conformance $(MUSTACHE_SPEC)
	@python3 -c "import numpy, uproot, awkward" 2>/dev/null || pip install -q numpy uproot awkward
	python3 bench/zmass_crosscheck.py $$($(SWIFT) build --show-bin-path)/openkey 20000
	python3 bench/zmass_root_crosscheck.py $$($(SWIFT) build --show-bin-path)/openkey $(ROOT_SPEC)
	$(SWIFT) test --disable-xctest --filter ROOTConformance

## key: the Open Key in $(KEY_DIR)/ — openkey built with the Swift runtime linked in and an rpath to the libraries
## it carries, the bundled course packed (with the teacher edition), then verified and exercised by scripts/test-key.sh
KEY_DIR ?= _key
key: deps
	$(SWIFT) build -c release --product openkey --scratch-path .build/key --static-swift-stdlib -Xlinker -rpath -Xlinker '$$ORIGIN/lib'
	./scripts/test-key.sh $(KEY_DIR) .build/key/release/openkey

## theme: re-embed Site/ into the binary as the built-in theme (run after editing Site/)
theme:
	./scripts/embed-theme.sh

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/openkey"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/openkey"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/openkey"

clean:
	rm -rf .build $(SITE_DIR) $(SITE_DIR)-teacher $(KEY_DIR)

## bench: benchmarks against the anchors, in one run (not part of make test): the site build against Hugo and MkDocs,
## the engine against uproot, RDataFrame and the inflate floor, grading 1,000 submissions; writes bench/results.md
.PHONY: bench
bench: build
	python3 bench/site/run.py
	python3 bench/engine/run.py
	python3 bench/grading/run.py
	@cat bench/results-site.md bench/results-engine.md bench/results-grading.md > bench/results.md
	@echo; echo "All results: bench/results.md"
