#!/usr/bin/env bash
# Rewrites the expected outputs of every shipped example with the current build.
# Run it after a deliberate change to a rubric or to the output format, then read the diff:
# every changed line must be explained by that change (git diff examples/).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
cli=.build/debug/score-cli
out=examples/scorecards/expected
for f in model-unit typical-unit tier-boundaries claimed-disagrees; do
  $cli score examples/scorecards/$f.yaml > $out/$f.txt || true
done
$cli score examples/scorecards/water-saving-changning.yaml > $out/water-saving-changning.txt || true
$cli score examples/scorecards/water-saving-vector-84.yaml > $out/water-saving-vector-84.txt || true
$cli score examples/scorecards/street-office-no-zhuban.json > $out/street-office-no-zhuban.txt || true
$cli score examples/scorecards/invalid-input.yaml 2> $out/invalid-input.stderr.txt > /dev/null || true
$cli score examples/scorecards/typical-unit.yaml -f json > $out/typical-unit.json
$cli score examples/scorecards/typical-unit.yaml -f csv > $out/typical-unit.csv
$cli score examples/scorecards/typical-unit.yaml -f markdown > $out/typical-unit.md
$cli score examples/scorecards/model-unit.yaml examples/scorecards/typical-unit.yaml examples/scorecards/tier-boundaries.yaml \
  examples/scorecards/claimed-disagrees.yaml examples/scorecards/street-office-no-zhuban.json -f csv > $out/summary.csv || true
for csv in examples/subsidies/*.csv; do
  id=$(basename "$csv" .csv)
  for pair in text:txt csv:csv json:json; do
    $cli subsidy "$csv" --schedule "$id" -f "${pair%%:*}" > "examples/subsidies/expected/$id.${pair##*:}" || true
  done
done
$cli audit examples/audit/unit-*.yaml > examples/audit/expected/units.txt || true
$cli audit examples/audit/claims-planted.csv --schedule trade-consumption-2022 > examples/audit/expected/claims.txt || true
$cli audit examples/audit/claims-planted.csv --schedule trade-consumption-2022 -f json > examples/audit/expected/claims.json || true
$cli score examples/targets/energy-carbon-changning-2020.yaml > examples/targets/expected/energy-carbon-changning-2020.txt
$cli score examples/targets/one-network-2023-midyear.yaml > examples/targets/expected/one-network-2023-midyear.txt
