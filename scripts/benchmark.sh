#!/usr/bin/env bash
# Measures score-cli end to end (process start included) on generated data, release build:
#   subsidy on 10,000 / 100,000 / 1,000,000 claims (trade-consumption-2022, prior-awards ledger on,
#   CSV output to a file), score on one self-assessment, and score on 10,000 self-assessments.
# Each figure is the median of RUNS runs (default 5), with the range; peak memory is the largest
# resident set seen, and CPU the median of user + system seconds over all threads (GNU time): CPU
# near twice the wall time means both cores were kept busy. Usage:
#   scripts/benchmark.sh            # the figures recorded in README.md
#   RUNS=3 scripts/benchmark.sh --ten-million   # also 10,000,000 claims, to check memory stays flat
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=(10000 100000 1000000)
[[ "${1:-}" == "--ten-million" ]] && sizes+=(10000000)
work=${BENCH_DIR:-.build/bench}
mkdir -p "$work"
swift build -c release >&2
cli=.build/release/score-cli
schedule=trade-consumption-2022

# One line per run: "seconds kilobytes cpu-seconds".
measure() {
  local out=$1; shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" > /dev/null 2>> "$work/stderr.txt" || true
    tail -n 1 "$work/time.txt" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
  done > "$out"
}

# "median min max peak-MB median-cpu" from a measure file.
summarise() {
  local cpu
  cpu=$(awk '{ print $3 }' "$1" | sort -n | awk '{ c[NR] = $1 } END { print (NR % 2) ? c[(NR + 1) / 2] : (c[NR / 2] + c[NR / 2 + 1]) / 2 }')
  sort -n "$1" | awk -v cpu="$cpu" '{ t[NR] = $1; if ($2 > m) m = $2 } END {
    med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%s %s %s %.0f %s\n", med, t[1], t[NR], m / 1024, cpu }'
}

echo "date: $(date -u +%Y-%m-%d) · machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB · runs: $runs"
echo
echo "| run | claims/s (median) | wall s median (min–max) | CPU s | peak MB |"
echo "|---|---:|---:|---:|---:|"

# The ledger: last year's grants, as a previous run's CSV output.
if [[ ! -f "$work/ledger.csv" ]]; then
  $cli generate --schedule $schedule --count 20000 --seed 7 -o "$work/prior.csv"
  $cli subsidy "$work/prior.csv" --schedule $schedule -f csv -o "$work/ledger.csv" 2> /dev/null || true
fi

for n in "${sizes[@]}"; do
  claims="$work/claims-$n.csv"
  [[ -f "$claims" ]] || $cli generate --schedule $schedule --count "$n" --seed 1 -o "$claims"
  measure "$work/subsidy-$n.txt" $cli subsidy "$claims" --schedule $schedule --ledger "$work/ledger.csv" -f csv -o "$work/out-$n.csv"
  read -r med lo hi mb cpu < <(summarise "$work/subsidy-$n.txt")
  rate=$(awk -v n="$n" -v t="$med" 'BEGIN { printf "%d", n / t }')
  echo "| subsidy, $n claims | $rate | $med ($lo–$hi) | $cpu | $mb |"
done

# One self-assessment, and a folder of 10,000 (the typical unit under 10,000 names).
measure "$work/score-1.txt" $cli score examples/scorecards/typical-unit.yaml
read -r med lo hi mb cpu < <(summarise "$work/score-1.txt")
echo "| score, 1 self-assessment | — | $med ($lo–$hi) | $cpu | $mb |"
units="$work/units"
if [[ ! -d "$units" ]]; then
  mkdir -p "$units"
  for i in $(seq -w 1 10000); do sed "s/^unit: .*/unit: 单位$i/" examples/scorecards/typical-unit.yaml > "$units/u$i.yaml"; done
fi
measure "$work/score-10000.txt" $cli score "$units" -f csv -o "$work/summary.csv"
read -r med lo hi mb cpu < <(summarise "$work/score-10000.txt")
echo "| score, 10,000 self-assessments | $(awk -v t="$med" 'BEGIN { printf "%d", 10000 / t }') | $med ($lo–$hi) | $cpu | $mb |"
