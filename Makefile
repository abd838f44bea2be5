# The two commands of the contract are `make run` and `make test`; everything else is a step of them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
# llama-cpp-python compiles from source: a portable build, not one tuned to the build machine's CPU.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF

.PHONY: setup setup-test browser nginx system-packages ingest index run test bench eval tune load lint clean

# Two stamps: `make run` installs only what serving needs (no torch, no llama.cpp, no test tools); `make test`
# adds the rest on top, so `make run` after `make test` installs nothing and `make test` after `make run` only adds.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

setup: $(RUN_STAMP)

setup-test: $(TEST_STAMP)

$(RUN_STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[llm]'
	touch $(RUN_STAMP)

$(TEST_STAMP): $(RUN_STAMP)
	# torch first and pinned: unpinned, pip would pull several GB of CUDA wheels
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[llm,st,llm-test,dev]'
	touch $(TEST_STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser of its own).
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
browser: /usr/bin/chromium

/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# Debian tools the document readers call: Tesseract with its Vietnamese model (scanned PDFs and images) and
# antiword (.doc). One apt call, only when a binary or the Vietnamese model is missing.
OCR_MODEL := $(firstword $(wildcard /usr/share/tesseract-ocr/*/tessdata/vie.traineddata))
system-packages:
	@if ! command -v tesseract >/dev/null || ! command -v antiword >/dev/null || [ -z "$(OCR_MODEL)" ]; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie antiword; \
	fi

# Debian's nginx for the deployment test (tests/test_deploy.py runs deploy/nginx/khuyencong.conf on loopback).
nginx: /usr/sbin/nginx

/usr/sbin/nginx:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light

index/CURRENT: | $(RUN_STAMP) system-packages
	$(BIN)/khuyencong ingest

index: index/CURRENT

ingest: setup system-packages
	$(BIN)/khuyencong ingest

run: setup system-packages index
	$(BIN)/python app.py

test: setup-test browser nginx system-packages ingest
	$(BIN)/python -m pytest -q

bench: setup-test system-packages index
	$(BIN)/python -m evals.bench

eval: setup-test index
	$(BIN)/khuyencong eval

tune: setup-test index
	$(BIN)/python -m evals.tune

load: setup-test index
	$(BIN)/python -m evals.load

lint: setup-test
	$(BIN)/ruff check .

clean:
	rm -rf index/gen-* index/CURRENT index/cache index/quickstart
