# Shared settings for the code-server scripts; sourced, never run. Every path lives under the repository's
# git-ignored .cache/, so nothing is written to $HOME and two runs on different CS_PORTs never share state.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export ROOT
# 4.100.3 is VS Code 1.100.3, the engines.vscode floor, and the last code-server whose engines.node is 20.
export CS_VERSION=${CS_VERSION:-4.100.3}
export CS_DIR=${CS_DIR:-$ROOT/.cache/code-server/$CS_VERSION}
export CS_BIN=$CS_DIR/node_modules/.bin/code-server
export CS_PORT=${CS_PORT:-18080}
export CS_URL=http://127.0.0.1:$CS_PORT
# Per-port state: user data, extensions, workspace, XDG folders and TMPDIR of one running code-server.
export CS_STATE=${CS_STATE:-$ROOT/.cache/code-server-state/$CS_PORT}
# Any code-server call, even --version, writes ~/.config/code-server/config.yaml unless XDG_CONFIG_HOME is set.
export XDG_CONFIG_HOME=$CS_STATE/xdg/config XDG_DATA_HOME=$CS_STATE/xdg/data XDG_CACHE_HOME=$CS_STATE/xdg/cache
