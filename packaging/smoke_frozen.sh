#!/usr/bin/env bash
# Smoke test of a frozen (or installed) build, on a headless machine: the app states its version, writes and checks
# the demo programme, exports the Word minutes and the Excel synthesis, serves a sitting's phones, opens its main
# window, and renders the console and the projector to PNG files in French and in English.
#
#   packaging/smoke_frozen.sh [EXECUTABLE] [GUI-EXECUTABLE]
#
# EXECUTABLE defaults to dist/workshop-desk/workshop-desk. GUI-EXECUTABLE (default: EXECUTABLE) renders the
# screenshots: on Windows the command line is workshop-desk-cli.exe and the windowed program workshop-desk.exe.
# SMOKE_SHOTS=DIR keeps the screenshots there (default: a temporary folder, removed on success).
set -euo pipefail
app="${1:-dist/workshop-desk/workshop-desk}"
gui="${2:-$app}"
work="$(mktemp -d)"
shots="${SMOKE_SHOTS:-$work/shots}"
# Everything the app writes (settings, log, backups) goes into the scratch folder, on every OS.
export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
step() { echo "--- $*"; }

step "version"
version="$("$app" --version)"
echo "$version"
[[ "$version" == workshop-desk\ [0-9]* ]] || fail "unexpected --version output: $version"

step "demo programme written and checked"
"$app" demo "$work/demo.wdesk"
[ -s "$work/demo.wdesk" ] || fail "the demo file was not written"
"$app" check "$work/demo.wdesk"
"$app" list "$work/demo.wdesk"

step "minutes and synthesis exported (French and English)"
"$app" export minutes "$work/demo.wdesk" --out "$work/minutes-fr.docx" --lang fr
"$app" export synthesis "$work/demo.wdesk" --out "$work/synthesis-fr.xlsx" --lang fr
"$app" export minutes "$work/demo.wdesk" --out "$work/minutes-en.docx" --lang en
"$app" export synthesis "$work/demo.wdesk" --out "$work/synthesis-en.xlsx" --lang en
for document in minutes-fr.docx synthesis-fr.xlsx minutes-en.docx synthesis-en.xlsx; do
    # Word and Excel files are zip archives: "PK" first, and more than a few kilobytes.
    [ "$(head -c 2 "$work/$document")" = "PK" ] || fail "$document is not a Word/Excel file"
    [ "$(wc -c <"$work/$document")" -gt 5000 ] || fail "$document is nearly empty"
done
ls -l "$work"/*.docx "$work"/*.xlsx

step "the participant server: a sitting's phones served on this computer, the phone page fetched, stopped cleanly"
sitting="$("$app" list "$work/demo.wdesk" | awk -F'\t' '$3 == "conference" {print $1; exit}')"
"$app" serve "$work/demo.wdesk" --sitting "$sitting" --host 127.0.0.1 --port 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.log" && break; sleep 0.2; done
url="$(grep -o 'http://[^ ]*' "$work/serve.log" | head -1)"
[ -n "$url" ] || { kill "$server" 2>/dev/null; fail "serve printed no join URL: $(cat "$work/serve.log")"; }
python="$(command -v python3 || command -v python)"  # a plain HTTP client where curl may be missing
page="$("$python" -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' "$url")" \
    || { kill "$server"; fail "the phone page did not load from $url"; }
grep -q "<html" <<<"$page" || { kill "$server"; fail "the phone page is not HTML: $page"; }
kill -TERM "$server"
wait "$server" || fail "serve did not stop cleanly on SIGTERM: $(cat "$work/serve.log")"
echo "phone page served at $url"

step "main window on a programme, in French with Qt's own French catalog (the app logs qtbase_fr.qm when it finds none)"
"$app" --smoke-test "$work/demo.wdesk"  # the console on a programme, as at a real start
started="$("$app" --smoke-test --lang fr "$work/demo.wdesk" 2>&1)"
if grep -q "qtbase_fr.qm" <<<"$started"; then fail "Qt's French catalog is not in the build: $started"; fi

step "screens rendered headless"
"$gui" --screenshot "$shots/fr" --demo --lang fr >/dev/null
"$gui" --screenshot "$shots/en" --demo --lang en >/dev/null
# The screens every build must render; tests/ui/test_app_modes.py checks the app writes exactly these names.
screens="console console-run projector-agenda-live projector-welcome projector-pause console-packages"
for language in fr en; do
    for screen in $screens; do
        [ -s "$shots/$language/$screen.png" ] || fail "no $language/$screen.png"
    done
done
echo "$(ls "$shots/fr" | wc -l) screenshots per language in $shots"

rm -rf "$work"
echo "frozen build OK: $version"
