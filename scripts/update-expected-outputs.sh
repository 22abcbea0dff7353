#!/usr/bin/env bash
# Rewrites the expected outputs of every shipped example with the current build.
# Run it after a deliberate change to a rubric or to the output format, then read the diff:
# every changed line must be explained by that change (git diff examples/).
# Every example gets every text format: text (.txt), json, csv, markdown (.md) and html. xlsx is
# binary and is checked by content in the tests (XLSXWorkbookTests, SpreadsheetOpenTests), not here.
# SCRATCH_PATH picks the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
swift build --scratch-path "$scratch"
cli=$scratch/debug/score-cli
formats="text:txt json:json csv:csv markdown:md html:html"
out=examples/scorecards/expected
for f in examples/scorecards/*.yaml examples/scorecards/*.json; do
  name=$(basename "${f%.*}")
  [ "$name" = invalid-input ] && continue
  for pair in $formats; do
    $cli score "$f" -f "${pair%%:*}" > "$out/$name.${pair##*:}" || true
  done
done
$cli score examples/scorecards/invalid-input.yaml 2> $out/invalid-input.stderr.txt > /dev/null || true
for pair in json:json csv:csv markdown:md html:html; do
  $cli score examples/scorecards/model-unit.yaml examples/scorecards/typical-unit.yaml examples/scorecards/tier-boundaries.yaml \
    examples/scorecards/claimed-disagrees.yaml examples/scorecards/street-office-no-zhuban.json -f "${pair%%:*}" > "$out/summary.${pair##*:}" || true
done
for csv in examples/subsidies/*.csv; do
  id=$(basename "$csv" .csv)
  for pair in $formats; do
    $cli subsidy "$csv" --schedule "$id" -f "${pair%%:*}" > "examples/subsidies/expected/$id.${pair##*:}" || true
  done
done
for pair in $formats; do
  $cli audit examples/audit/unit-*.yaml -f "${pair%%:*}" > "examples/audit/expected/units.${pair##*:}" || true
  $cli audit examples/audit/claims-planted.csv --schedule trade-consumption-2022 -f "${pair%%:*}" > "examples/audit/expected/claims.${pair##*:}" || true
done
for f in examples/targets/*.yaml; do
  name=$(basename "$f" .yaml)
  for pair in $formats; do
    $cli score "$f" -f "${pair%%:*}" > "examples/targets/expected/$name.${pair##*:}"
  done
done
# Ratings by quota: 41 units, a 3-way tie at 10th place (examples/ranking/README.md), one CSV per --ties.
mkdir -p examples/ranking/expected
for ties in higher lower undecided; do
  $cli score examples/ranking/*.yaml --top 优秀=10 --next 表扬=10 --ties "$ties" -f csv > "examples/ranking/expected/summary-$ties.csv"
done
