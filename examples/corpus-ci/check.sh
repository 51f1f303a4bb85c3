#!/usr/bin/env bash
# A CI job that guards the corpus: recount seeds/ and check it against the rules, with the
# committed report as the baseline. Exit 0: every error-level rule passed; 1: a rule failed;
# 2: a usage or input error. The JUnit file feeds GitLab, Jenkins or GitHub test reporters.
#
# In a real pipeline, point PATHS at the new data drop and BASELINE at the last accepted
# report (for example an artifact of the previous run).
set -euo pipefail
cd "$(dirname "$0")/../.."

PATHS=${PATHS:-seeds}
BASELINE=${BASELINE:-reports/summary.json}
mkdir -p target

cargo run --release --quiet -- check $PATHS \
  --rules examples/corpus-ci/rules.toml \
  --baseline "$BASELINE" \
  --junit target/corpus-check.xml \
  --format table
