# The two commands of the contract are `make run` and `make test`; everything else is a step of them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
# llama-cpp-python compiles from source: a portable build, not one tuned to the build machine's CPU.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF

.PHONY: setup browser nginx ingest index run test bench eval tune load lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: unpinned, pip would pull several GB of CUDA wheels
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[st,llm,dev]'
	touch $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser of its own).
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
browser: /usr/bin/chromium

/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# Debian's nginx for the deployment test (tests/test_deploy.py runs deploy/nginx/khuyencong.conf on loopback).
nginx: /usr/sbin/nginx

/usr/sbin/nginx:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light

index/CURRENT: | $(STAMP)
	$(BIN)/khuyencong ingest

index: index/CURRENT

ingest: setup
	$(BIN)/khuyencong ingest

run: setup index
	$(BIN)/python app.py

test: setup browser nginx ingest
	$(BIN)/python -m pytest -q

bench: setup index
	$(BIN)/python -m evals.bench

eval: setup index
	$(BIN)/khuyencong eval

tune: setup index
	$(BIN)/python -m evals.tune

load: setup index
	$(BIN)/python -m evals.load

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf index/gen-* index/CURRENT index/cache index/quickstart
