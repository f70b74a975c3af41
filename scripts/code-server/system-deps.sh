#!/usr/bin/env bash
# Checks the Debian packages the tests and code-server's native build need, and installs the missing ones
# when running as root with apt; otherwise stops with the exact command to run.
#   chromium                  the browser playwright-core drives (e2e layer, integration launcher)
#   libkrb5-dev, pkg-config   code-server's kerberos module is compiled from source offline
#   build-essential, python3  node-gyp for code-server's other native modules (argon2, node-pty, spdlog, ...)
#   ripgrep                   Debian's rg stands in for @vscode/ripgrep's download from GitHub
set -euo pipefail
packages=(chromium libkrb5-dev pkg-config ripgrep build-essential python3 curl)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "system-deps: installing ${missing[*]} with apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "system-deps: missing Debian packages: ${missing[*]}" >&2
    echo "system-deps: run this as root, then try again:  sudo sh -c '$command'" >&2
    exit 1
  fi
fi
# node-gyp would download the Node headers from nodejs.org (offline: fails) unless they are installed here.
if [ ! -f /usr/include/node/node_api.h ]; then
  echo "system-deps: Node headers not found at /usr/include/node/node_api.h; code-server's native modules need them." >&2
  echo "system-deps: install Debian's nodejs package (which ships them) or set NODE_HEADERS_DIR to a folder with include/node." >&2
  [ -n "${NODE_HEADERS_DIR:-}" ] && [ -f "$NODE_HEADERS_DIR/include/node/node_api.h" ] || exit 1
fi
