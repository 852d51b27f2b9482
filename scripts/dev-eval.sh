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
# Dialogues: follow-up questions within a conversation (a different table: follow-ups answered, and the
# follow-ups asked alone, which must never be rewritten from a context they do not have).
echo '| dialogues | dialogues | follow-ups | follow-ups answered | openers answered | alone: rewritten | alone: gold by own words |'
run --corpus data/reports --dialogues tests/fixtures/dialogues/seed-dialogues.jsonl --label seed-dialogues &
run --corpus tests/fixtures/corpus/dev-pages --dialogues tests/fixtures/dialogues/dev-pages-dialogues.jsonl --label dev-pages-dialogues &
wait
run --corpus $S/qa/real-dev/reports --dialogues tests/fixtures/dialogues/real-dev-dialogues.jsonl --label real-dev-dialogues
