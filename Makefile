# Two commands on a fresh machine (Python 3.11 and make):
#   make report    set up .venv if needed, then build the sample report into build/
#                  (CORPUS=path/to/articles make report for another corpus, OUT=dir for another folder)
#   make test      the same set-up, then the whole test suite (unit tests, strict nbval, the browser test)
# The set-up creates .venv when it is missing and installs requirements.txt (the pinned lock, which
# ends with `-e .`) only when requirements.txt, pyproject.toml or setup.py changed since the last
# install (their hash is kept in .venv/.egov-installed).

PYTHON ?= python3
VENV   ?= .venv
CORPUS ?= seeds
OUT    ?= build
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.egov-installed
KEYED  := requirements.txt pyproject.toml setup.py

.PHONY: report test venv browser

report: venv
	$(BIN)/egov build --corpus "$(CORPUS)" --out "$(OUT)"

test: venv browser
	$(BIN)/python -m pytest -rs

venv:
	@want="$$(cat $(KEYED) | $(PYTHON) -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')" || exit 1; \
	if [ -x "$(BIN)/python" ] && [ "$$(cat "$(STAMP)" 2>/dev/null)" = "$$want" ]; then \
		echo "$(VENV) is up to date with requirements.txt"; \
	else \
		if [ ! -x "$(BIN)/python" ]; then \
			echo "Creating $(VENV) with $$($(PYTHON) --version)"; \
			$(PYTHON) -m venv "$(VENV)" || exit 1; \
		fi; \
		echo "Installing requirements.txt into $(VENV)"; \
		"$(BIN)/python" -m pip install --disable-pip-version-check -r requirements.txt || exit 1; \
		echo "$$want" > "$(STAMP)"; \
	fi

# Chromium and CJK fonts for the browser test: installed with apt-get when running as root,
# else how to get them is printed and the test is skipped with that reason.
browser:
	@sh .ci/browser.sh
