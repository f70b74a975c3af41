#!/usr/bin/env bash
# Stops the code-server that start.sh started on $CS_PORT: it leads its own process group (setsid), so the
# group is signalled (server, fileWatcher, extension hosts, ptyHost), first TERM, then KILL after 5 s.
source "$(dirname "$0")/env.sh"
pid_file=$CS_STATE/code-server.pid
[ -f "$pid_file" ] || exit 0
pid=$(cat "$pid_file")
if kill -TERM -- "-$pid" 2>/dev/null; then
  for _ in $(seq 1 50); do pgrep -g "$pid" >/dev/null || break; sleep 0.1; done
  if pgrep -g "$pid" >/dev/null; then
    echo "code-server: process group $pid ignored SIGTERM for 5 s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null
  fi
  echo "code-server: stopped (process group $pid, port $CS_PORT)"
fi
rm -f "$pid_file"
# The extension host leaves its sockets (vscode-ipc-*.sock, vscode-git-*.sock) in the per-port TMPDIR.
rm -rf "$CS_STATE/tmp"
