#!/usr/bin/env bash
# Installs code-server $CS_VERSION from the npm registry into the git-ignored $CS_DIR on first use and reuses
# it afterwards (as @vscode/test-electron caches VS Code in .vscode-test/). Needs only the npm registry:
# the GitHub downloads in its postinstall are replaced by local files (see the comments below).
set -euo pipefail
source "$(dirname "$0")/env.sh"
# First the Debian packages (a quick dpkg check when present): chromium is needed even when code-server is cached.
"$(dirname "$0")/system-deps.sh"
# Two runs on different ports may both find code-server missing: the second waits for the first to finish.
mkdir -p "$ROOT/.cache/code-server"
exec 9> "$ROOT/.cache/code-server/install.lock"
flock 9
if [ -x "$CS_BIN" ] && "$CS_BIN" --version 2>/dev/null | grep -q "^$CS_VERSION "; then
  echo "code-server $CS_VERSION: cached in ${CS_DIR#$ROOT/}"
  exit 0
fi
NODE_HEADERS_DIR=${NODE_HEADERS_DIR:-/usr}
work=$ROOT/.cache/code-server/install-tmp
rm -rf "$CS_DIR" "$work"
mkdir -p "$CS_DIR" "$work/rgpack"
# @vscode/ripgrep's postinstall downloads rg from api.github.com unless it finds the release asset in
# $TMPDIR/vscode-ripgrep-cache-<package version>/; seed that cache with Debian's rg.
# (package version -> release tag: 1.15.11 -> v13.0.0-10 for code-server 4.100.3, 1.15.14 -> v13.0.0-13 for 4.104.0;
# for another version look for "Finding release for v..." in install.log.)
cp "$(command -v rg)" "$work/rgpack/rg"
for pair in 1.15.11:v13.0.0-10 1.15.14:v13.0.0-13; do
  cache="$work/vscode-ripgrep-cache-${pair%%:*}"
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-${pair##*:}-x86_64-unknown-linux-musl.tar.gz" -C "$work/rgpack" rg
done
cd "$CS_DIR"
echo '{ "name": "code-server-cache", "private": true }' > package.json
started=$(date +%s)
echo "code-server $CS_VERSION: installing into ${CS_DIR#$ROOT/}: download, then native modules compiled."
echo "  This took about 3 minutes on a 2-core machine (longer when it is busy); progress every 15 s,"
echo "  the full log is ${CS_DIR#$ROOT/}/install.log."
# npm_config_unsafe_perm=true  code-server's postinstall refuses to run as root without it (npm 11 then warns
#                              "Unknown env config", which is harmless).
# npm_config_yes=true          node-pty's postinstall runs `npx node-gyp`; an npmrc with yes=false cancels it.
# npm_config_nodedir           compile against the local Node headers instead of downloading them.
TMPDIR="$work" npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$NODE_HEADERS_DIR" \
  npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CS_VERSION" > "$CS_DIR/install.log" 2>&1 &
npm_pid=$!
trap 'kill "$npm_pid" 2>/dev/null || true' INT TERM
last_report=$started
while kill -0 "$npm_pid" 2>/dev/null; do
  sleep 1
  now=$(date +%s)
  if [ $(( now - last_report )) -ge 15 ]; then
    last_report=$now
    # The latest step npm or a package script announced: "> node-pty@1.0.0 install", "gyp info spawn make", …
    step=$(grep -E '^> [^ ]+@|gyp info (spawn|ok)|^added [0-9]+ packages' "$CS_DIR/install.log" 2>/dev/null | tail -1 | cut -c1-90 || true)
    echo "  … $(( now - started )) s: ${step:-downloading packages}"
  fi
done
if ! wait "$npm_pid"; then
  tail -40 "$CS_DIR/install.log" >&2
  echo "code-server $CS_VERSION: install failed after $(( $(date +%s) - started )) s; the full log is ${CS_DIR#$ROOT/}/install.log" >&2
  rm -rf "$work"
  exit 1
fi
trap - INT TERM
rm -rf "$work"
echo "code-server $CS_VERSION: installed in $(( $(date +%s) - started )) s, $(du -sh "$CS_DIR/node_modules" | cut -f1)"
