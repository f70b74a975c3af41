#!/usr/bin/env bash
# Starts code-server on 127.0.0.1:$CS_PORT with fresh per-port state, and returns once it answers /healthz.
#   start.sh [--vsix <file>] [--workspace <dir>] [--keep-state]
#   --vsix        install this packaged extension into the fresh extensions dir first
#   --workspace   the folder code-server opens by default (default: $CS_STATE/workspace, created empty)
#   --keep-state  keep user data and extensions from the previous run on this port (npm start uses it)
# Writes $CS_STATE/server-start.json ({ "coldStartMs": ... }); stop with stop.sh (same CS_PORT).
set -euo pipefail
source "$(dirname "$0")/env.sh"
vsix=""; workspace=""; keep_state=0
while [ $# -gt 0 ]; do
  case $1 in
    --vsix) vsix=$(realpath "$2"); shift 2;;
    --workspace) workspace=$(realpath -m "$2"); shift 2;;
    --keep-state) keep_state=1; shift;;
    *) echo "start.sh: unknown argument '$1' (expected --vsix <file>, --workspace <dir>, --keep-state)" >&2; exit 2;;
  esac
done
[ -x "$CS_BIN" ] || { echo "start.sh: code-server is not installed at ${CS_BIN#$ROOT/}; run scripts/code-server/install.sh" >&2; exit 1; }
"$(dirname "$0")/stop.sh" >/dev/null
# A TCP connect, not an HTTP request: a busy server may answer slowly, and its /healthz would then pass for ours.
if (exec 3<>"/dev/tcp/127.0.0.1/$CS_PORT") 2>/dev/null; then
  echo "start.sh: something else already listens on 127.0.0.1:$CS_PORT; choose another port with CS_PORT=<port>" >&2
  exit 1
fi
if [ $keep_state = 0 ]; then rm -rf "$CS_STATE"; fi
mkdir -p "$CS_STATE/user-data/User" "$CS_STATE/extensions" "$CS_STATE/tmp" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
workspace=${workspace:-$CS_STATE/workspace}
mkdir -p "$workspace"
# Telemetry, updates, experiments, the welcome page, workspace trust and chat off: a quiet, offline workbench.
# The state folder sits inside this git checkout, so Git is told not to offer the parent repository.
# With --keep-state the learner's own settings stay as they are.
[ -f "$CS_STATE/user-data/User/settings.json" ] || cat > "$CS_STATE/user-data/User/settings.json" <<'JSON'
{
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.startupEditor": "none",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "chat.commandCenter.enabled": false,
  "window.commandCenter": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "git.openRepositoryInParentFolders": "never"
}
JSON
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$CS_PORT" > "$CS_STATE/config.yaml"
common=(--config "$CS_STATE/config.yaml" --user-data-dir "$CS_STATE/user-data" --extensions-dir "$CS_STATE/extensions")
if [ -n "$vsix" ]; then
  [ -f "$vsix" ] || { echo "start.sh: no such .vsix: $vsix (build it with npm run package)" >&2; exit 1; }
  TMPDIR="$CS_STATE/tmp" "$CS_BIN" "${common[@]}" --install-extension "$vsix" --force > "$CS_STATE/install-extension.log" 2>&1 \
    || { cat "$CS_STATE/install-extension.log" >&2; echo "start.sh: code-server could not install $vsix" >&2; exit 1; }
  echo "code-server: installed $(basename "$vsix") into ${CS_STATE#$ROOT/}/extensions"
fi
started=$(date +%s%N)
# setsid: code-server leads its own process group, so stop.sh can end the whole tree (killing only the entry pid
# orphans its fileWatcher child). TMPDIR: the extension host puts vscode-ipc-*.sock and friends in os.tmpdir().
# EXTENSIONS_GALLERY='{}' removes the Open VSX marketplace: no gallery requests at all.
TMPDIR="$CS_STATE/tmp" EXTENSIONS_GALLERY='{}' setsid "$CS_BIN" "${common[@]}" \
  --bind-addr "127.0.0.1:$CS_PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --disable-proxy --ignore-last-opened "$workspace" > "$CS_STATE/code-server.log" 2>&1 < /dev/null &
echo $! > "$CS_STATE/code-server.pid"
for _ in $(seq 1 600); do
  # Ours must still be alive: if it failed to bind, a /healthz answer would come from someone else's server.
  if ! kill -0 "$(cat "$CS_STATE/code-server.pid")" 2>/dev/null; then
    cat "$CS_STATE/code-server.log" >&2
    echo "start.sh: code-server exited during start-up; its log is above" >&2
    rm -f "$CS_STATE/code-server.pid"; exit 1
  fi
  curl -sf -o /dev/null --max-time 2 "$CS_URL/healthz" && break
  sleep 0.05
done
cold_start_ms=$(( ($(date +%s%N) - started) / 1000000 ))
# It may have failed to bind right after answering nothing; make sure the answer came from it.
sleep 0.2
kill -0 "$(cat "$CS_STATE/code-server.pid")" 2>/dev/null || { cat "$CS_STATE/code-server.log" >&2; echo "start.sh: code-server exited during start-up; its log is above" >&2; rm -f "$CS_STATE/code-server.pid"; exit 1; }
curl -sf -o /dev/null --max-time 5 "$CS_URL/healthz" || { "$(dirname "$0")/stop.sh"; echo "start.sh: code-server did not answer $CS_URL/healthz within 30 s; see ${CS_STATE#$ROOT/}/code-server.log" >&2; exit 1; }
echo "{ \"coldStartMs\": $cold_start_ms, \"url\": \"$CS_URL\", \"workspace\": \"$workspace\" }" > "$CS_STATE/server-start.json"
echo "code-server $CS_VERSION: pid $(cat "$CS_STATE/code-server.pid") on $CS_URL after $cold_start_ms ms"
