# The two commands a new user needs are `make demo` and `make test` (see README.md).
.PHONY: demo test check setup bench screen-reader

## Set up and serve the app with demo data at http://127.0.0.1:8000
demo:
	bash scripts/demo.sh

## Set up and run the whole suite (lint, types, SQLite with browser tests, PostgreSQL)
test:
	bash scripts/test.sh

## Lint, formatting, types, templates and layering only (quick)
check: setup
	bash scripts/check.sh

## Install the Python and npm dependencies and build the front-end assets
setup:
	bash scripts/setup.sh

## Build a national network's data and time the key pages on SQLite and PostgreSQL (SCALE=0.1 for a quick look)
bench:
	bash scripts/bench.sh

## Hear Grace's journey through the Orca screen reader and fail on defects heard (installs Orca; not in `make test`)
screen-reader:
	bash scripts/screen-reader.sh
