#!/usr/bin/env bash
# Regenerates the shell completion scripts (completions/) and the man page (docs/man/score-cli.1)
# from the command definitions. Run it after adding or changing a command, an option or a help
# text, then read the diff. ShellCompletionTests fails while the shipped files are stale.
#
# The completion scripts are ArgumentParser's own (`score-cli --generate-completion-script`); the
# man page is rendered from `score-cli --experimental-dump-help` by Tests/ScoringTests/ManualPage.swift
# (ArgumentParser's generate-manual plugin stamps the day's date and cannot run inside `swift test`).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=()
[[ -n "${SCRATCH_PATH:-}" ]] && scratch=(--scratch-path "$SCRATCH_PATH")
swift build "${scratch[@]}" --product score-cli
cli="$(swift build "${scratch[@]}" --show-bin-path)/score-cli"
mkdir -p completions docs/man
for shell in bash zsh fish; do
  "$cli" --generate-completion-script "$shell" > "completions/score-cli.$shell"
done
UPDATE_MANUAL=1 swift test "${scratch[@]}" --filter ShellCompletionTests
