#!/usr/bin/env bash
# Smoke test of a frozen build: the app starts, writes and checks the demo programme, and renders.
set -euo pipefail
app="${1:-dist/workshop-desk/workshop-desk}"
work="$(mktemp -d)"
export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
"$app" --version
"$app" demo "$work/demo.wdesk"
"$app" check "$work/demo.wdesk"
"$app" --smoke-test
"$app" --screenshot "$work/shots" --demo
ls "$work/shots"/console.png "$work/shots"/projector.png
echo "frozen build OK"
