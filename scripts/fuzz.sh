#!/usr/bin/env bash
# Fuzzes the three readers of user files with libFuzzer (Swift's -sanitize=fuzzer, with AddressSanitizer):
#
#   RubricLoader    any rubric file: Rubric.load (scorecards, schedules, target checklists), lint, show
#   SelfAssessment  SelfAssessment.load, then scored and audited against every shipped scorecard
#   ClaimsReader    ClaimBatch.read as CSV and as YAML for every shipped schedule, then decided
#
# What each target does with an input is Tests/ScoringTests/FuzzHarness.swift, shared with the tests.
#
# Usage: scripts/fuzz.sh [TARGET…]          (default: all three)
#   FUZZ_SECONDS   time per target (default 60)
#   FUZZ_JOBS      parallel fuzzing processes per target (default 1)
#
# Builds the Scoring library (and Yams) in release mode with coverage instrumentation into
# .build-fuzz/, links each Fuzz/<target>/main.swift against it with swiftc, seeds
# Fuzz/corpus/<target>/ from the shipped rubrics and examples (plus Fuzz/seeds/<target>/ and every
# saved regression), then fuzzes each target for FUZZ_SECONDS with -rss_limit_mb=2048 -timeout=10.
# Every crash, timeout or out-of-memory input is saved to Fuzz/regressions/<target>/ (which
# FuzzRegressionTests replays on every `swift test`), and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SCRATCH="${FUZZ_SCRATCH:-$ROOT/.build-fuzz}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
JOBS="${FUZZ_JOBS:-1}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(RubricLoader SelfAssessment ClaimsReader)

# The Swift runtime's own crash reporter would wait on a crashed fuzzer; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
# Leaks are not failures here (caches live for the process); memory growth is caught by -rss_limit_mb.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export SCORE_ROOT="$ROOT"

echo "== building Scoring with -sanitize=fuzzer,address (release) into .build-fuzz"
swift build -c release --scratch-path "$SCRATCH" --target Scoring \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
RELEASE="$SCRATCH/release"
CYAML_INCLUDE="$SCRATCH/checkouts/Yams/Sources/CYaml/include"
mkdir -p "$SCRATCH/bin"
objects=("$RELEASE"/Scoring.build/*.o "$RELEASE"/Yams.build/*.o)
while IFS= read -r object; do objects+=("$object"); done < <(find "$RELEASE/CYaml.build" -name '*.o' | sort)

status=0
for target in "${TARGETS[@]}"; do
    [ -f "Fuzz/$target/main.swift" ] || { echo "unknown target $target (folders under Fuzz/)" >&2; exit 64; }
    echo "== linking $target"
    # ld.gold warns about every local ASan symbol it cannot export; nothing else is dropped.
    swiftc -sanitize=fuzzer,address -parse-as-library -O -I "$RELEASE/Modules" -Xcc -I"$CYAML_INCLUDE" \
        "$ROOT/Fuzz/$target/main.swift" "$ROOT/Tests/ScoringTests/FuzzHarness.swift" "${objects[@]}" \
        -o "$SCRATCH/bin/$target" 2> >(grep -v "Cannot export local symbol" >&2)

    corpus="Fuzz/corpus/$target"
    regressions="Fuzz/regressions/$target"
    mkdir -p "$corpus" "$regressions"
    case "$target" in
        RubricLoader) seeds=(rubrics/scorecards/*.yaml rubrics/schedules/*.yaml rubrics/targets/*.yaml) ;;
        SelfAssessment) seeds=(examples/scorecards/*.yaml examples/scorecards/*.json examples/audit/*.yaml examples/targets/*.yaml) ;;
        ClaimsReader) seeds=(examples/subsidies/*.csv examples/audit/*.csv) ;;
    esac
    cp -n "${seeds[@]}" "$corpus"/ 2>/dev/null || true
    if [ -d "Fuzz/seeds/$target" ]; then cp -n Fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true; fi
    find "$regressions" -type f ! -name '.*' ! -name '*.md' -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
    dictionary="$SCRATCH/$target.dict"
    # Every key and short value of the shipped files, so mutations speak the format.
    grep -ohE '[A-Za-z_]{2,30}:' rubrics/*/*.yaml examples/scorecards/*.yaml 2>/dev/null | sort -u | sed 's/.*/"&"/' > "$dictionary"
    head -qn1 examples/subsidies/*.csv | tr ',' '\n' | grep -E '^[A-Za-z_0-9]+$' | sort -u | sed 's/.*/"&"/' >> "$dictionary"

    echo "== fuzzing $target for ${SECONDS_PER_TARGET}s (corpus $corpus, $(ls "$corpus" | wc -l) files)"
    log="$SCRATCH/$target.log"
    set +e
    if [ "$JOBS" -gt 1 ]; then
        "$SCRATCH/bin/$target" "$corpus" -dict="$dictionary" -max_total_time="$SECONDS_PER_TARGET" \
            -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$regressions/" -print_final_stats=1 \
            -jobs="$JOBS" -workers="$JOBS" > "$log" 2>&1 < /dev/null
    else
        "$SCRATCH/bin/$target" "$corpus" -dict="$dictionary" -max_total_time="$SECONDS_PER_TARGET" \
            -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$regressions/" -print_final_stats=1 \
            > "$log" 2>&1 < /dev/null
    fi
    code=$?
    set -e
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE" "$log" | sed "s/^/   $target /" || true
    if [ "$code" -ne 0 ]; then
        echo "!! $target failed (exit $code); input saved in $regressions/, log $log:" >&2
        grep -E "ERROR|SUMMARY|Test unit written|Fatal error|#[0-9]+ .*in " "$log" | head -40 >&2 || true
        status=1
    fi
done
exit "$status"
