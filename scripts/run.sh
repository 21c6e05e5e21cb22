#!/usr/bin/env bash
# Builds the page and serves it on http://127.0.0.1:8080 (or --port N). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) echo "usage: scripts/run.sh [--port N]"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (usage: scripts/run.sh [--port N])" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
scripts/build.sh web
exec node web/serve.mjs --root build/web/dist --port "$port"
