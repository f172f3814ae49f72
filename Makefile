# The DPIA workbench. Every target sets up its own virtual environment first.
# `make report` runs the main job on the bundled example; `make test` runs every test.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE ?= data/omo-helmond
OUT    ?= out
ON     ?= $(or $(DPIA_ON),$(shell date +%F))
# The notebooks' stored outputs are the assessment as reviewed on this date: `make notebooks` and the
# nbval run pin it (and the register and DPIA) through the environment, never in a notebook.
REVIEWED_ON := 2026-11-29
REVIEWED := DPIA_ON=$(REVIEWED_ON) DPIA_REGISTER=$(abspath data/omo-helmond) DPIA_ID=dpia-magister \
	DPIA_CHOICE=$(abspath $(VENV))/no-choice.json
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: help venv browser report test fuzz mutation notebooks lab schema docs catalogue bench clean

help:
	@echo "make report  - validate the example register and write its report to $(OUT)/"
	@echo "make test    - run every test"
	@echo "make lab     - open the workbench in JupyterLab"
	@echo "make bench   - run the benchmarks (not part of make test)"
	@echo "make fuzz    - fuzz the register loader and kill saves at random, for minutes (not part of make test)"
	@echo "make mutation - mutation testing of dpia/rules with cosmic-ray, some 30 minutes (not part of make test)"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_QUIET) --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -m pip install $(PIP_QUIET) -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -c "import dpia, pytest, nbval, hypothesis"
	@touch $(STAMP)

venv: $(STAMP)

# Debian's chromium (the report's PDF, the browser tests): found on PATH, or installed with apt-get when
# we are root, or one line that says which command to run. Runs first, with the system's Python.
browser:
	@PYTHONPATH=$(CURDIR) $(PYTHON) -m dpia.documents.browser

report: browser $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/dpia validate $(EXAMPLE)
	$(BIN)/dpia check $(EXAMPLE) --on $(ON) > $(OUT)/bevindingen.txt || test $$? -eq 1
	$(BIN)/dpia report $(EXAMPLE) --on $(ON) -o $(OUT)/rapport.html --pdf $(OUT)/rapport.pdf
	@echo "wrote $(OUT)/bevindingen.txt and the MR report in $(OUT)/"

NBVAL := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

test: browser $(STAMP)
	$(BIN)/python -m pytest
	$(REVIEWED) $(BIN)/python -m pytest $(NBVAL) notebooks

# Fuzzing: hypothesis-made registers through the loader, and saves killed at random moments.
# FUZZ_EXAMPLES per strategy (6 loader strategies incl. the CSV form and quotes in it, 3 import strategies); a crash found
# becomes a case in tests/bad_inputs/ (loader) or tests/test_bad_imports.py (import).
FUZZ_EXAMPLES ?= 1500
fuzz: $(STAMP)
	DPIA_FUZZ=1 DPIA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py tests/test_fuzz_import.py
	DPIA_KILL_ROUNDS=60 $(BIN)/python -m pytest tests/test_bad_inputs.py -k killed_at
	DPIA_KILL_ROUNDS=300 $(BIN)/python -m pytest tests/test_save_together.py -k random

# Mutation testing of dpia/rules (docs/mutation.md): cosmic-ray puts each mutant in the working tree and runs
# the rule cases and tests/test_rules_*.py that can see it; prints mutants, killed, survived, kill rate and
# time, and writes the survivors to out/mutation/. dpia/rules must be committed; run nothing else meanwhile.
# MUTATION_ARGS=--before: the rule tests as they were before the rule cases; --only dpia/rules/X.py: one module.
mutation: $(STAMP)
	$(BIN)/python -m pip install $(PIP_QUIET) -e '.[test,mutation]' 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python mutation/run.py $(MUTATION_ARGS)

# Re-run the notebooks on the example and store their outputs: do this after a reviewed change to the
# register or the rules, then commit the notebooks (their outputs are the reviewed assessment).
notebooks: $(STAMP)
	cd notebooks && for nb in *.ipynb; do $(REVIEWED) ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace "$$nb" || exit 1; done

# Lab opens at the repository root (the register files one click away) on the start notebook. Without
# EXAMPLE= on the command line the register is the one chosen in 00_start (default: the example).
lab: $(STAMP)
	$(if $(filter command line environment,$(origin EXAMPLE)),DPIA_REGISTER=$(abspath $(EXAMPLE))) \
		$(BIN)/jupyter lab --notebook-dir=. --LabApp.default_url=/lab/tree/notebooks/00_start.ipynb \
		--ServerApp.ip=127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root)

schema: $(STAMP)
	$(BIN)/python -c "from dpia.io.schema import write_schema; print(write_schema())"

# After editing a catalogue (dpia/i18n/locale/*/LC_MESSAGES/dpia.po): compile it to dpia.mo, which the program
# reads, and refresh each entry's comment with the other language's text; commit both files.
catalogue: $(STAMP)
	$(BIN)/python -c "from dpia.io.catalogue import compile_catalogues; print(*compile_catalogues(), sep='\n')"

docs: $(STAMP)
	$(BIN)/python -c "from dpia.documents.rulesdoc import write_docs; print(*write_docs(), sep='\n')"

# Time and peak memory at 10k, 100k and 1M flows, the MR report at 20k flows and the what-if widget;
# writes benchmarks/results/latest.md and latest.json (synthetic registers are cached in results/tmp/).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
