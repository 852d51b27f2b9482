#!/usr/bin/env bash
# Runs every development set and prints one table row each (answerable figures and abstention).
cd "$(dirname "$0")/.."
S=../shared
run() { npm run -s eval -- "$@" 2>/dev/null | sed -n 3p; }
run --corpus $S/qa/real-dev/reports --qa $S/qa/real-dev/qa.jsonl --label real-dev &
run --corpus data/reports --qa tests/fixtures/qa/seed-dev.jsonl --label seed-dev &
wait
run --corpus tests/fixtures/corpus/dev-pages --qa tests/fixtures/qa/dev-pages.jsonl --label dev-pages &
run --corpus tests/fixtures/corpus/dev-layouts --qa tests/fixtures/qa/dev-layouts.jsonl --label dev-layouts &
wait
run --corpus $S/bench/cmrc2018-trial.corpus.jsonl --qa $S/bench/cmrc2018-trial.qa.jsonl --label cmrc &
run --corpus $S/bench/xquad-en2zh-dev.corpus.jsonl --qa $S/bench/xquad-en2zh-dev.qa.jsonl --label xquad &
wait
run --corpus $S/bench/drcd-dev.corpus.jsonl --qa $S/bench/drcd-dev.qa.jsonl --label drcd
