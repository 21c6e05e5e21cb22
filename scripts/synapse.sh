#!/usr/bin/env bash
# A throwaway Matrix homeserver (Synapse) on loopback, for the live-sync tests (issue 15).
#   scripts/synapse.sh install        pins matrix-synapse into build/deps/synapse (a venv)
#   scripts/synapse.sh start DIR      writes a configuration and a fresh database in DIR, starts
#                                     Synapse on a free 127.0.0.1 port; prints its base URL
#   scripts/synapse.sh stop DIR       stops the one started in DIR, by its process id
#   scripts/synapse.sh restart DIR    starts it again on the same port and database (a server back
#                                     after an outage)
# The configuration (../shared/TOOLCHAIN.md): SQLite, no federation, registration without
# verification, rate limits raised. Nothing here reaches beyond 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=1.163.2
VENV=$ROOT/build/deps/synapse

# Starts the server configured in $1 and waits until it answers on port $2; prints its base URL.
launch() {
  "$VENV/bin/python" -m synapse.app.homeserver -c "$1/homeserver.yaml" --daemonize
  for _ in $(seq 150); do
    curl -sf "http://127.0.0.1:$2/_matrix/client/versions" >/dev/null && { echo "http://127.0.0.1:$2"; exit 0; }
    sleep 0.1
  done
  echo "synapse.sh: Synapse did not answer on port $2; its log: $1/homeserver.log" >&2
  exit 1
}

case "${1:-}" in
install)
  if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.installed" 2>/dev/null)" != "$VERSION" ]; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "matrix-synapse==$VERSION"
    echo "$VERSION" >"$VENV/.installed"
  fi
  ;;
start)
  dir=${2:?usage: synapse.sh start DIR}
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
  rm -rf "$dir/homeserver.db" "$dir/media"
  port=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  big='{per_second: 1000, burst_count: 1000}'
  cat >"$dir/homeserver.yaml" <<EOF
server_name: localhost
pid_file: $dir/homeserver.pid
listeners:
  - {port: $port, bind_addresses: ['127.0.0.1'], type: http, tls: false, x_forwarded: false,
     resources: [{names: [client], compress: false}]}
database: {name: sqlite3, args: {database: $dir/homeserver.db}}
media_store_path: $dir/media
log_config: $dir/log.yaml
signing_key_path: $dir/signing.key
enable_registration: true
enable_registration_without_verification: true
registration_shared_secret: cultivate-tests
macaroon_secret_key: cultivate-tests-macaroon
form_secret: cultivate-tests-form
report_stats: false
presence: {enabled: false}
federation_domain_whitelist: []
trusted_key_servers: []
suppress_key_server_warning: true
rc_message: $big
rc_registration: $big
rc_login: {address: $big, account: $big, failed_attempts: $big}
rc_joins: {local: $big, remote: $big}
rc_joins_per_room: $big
rc_invites: {per_room: $big, per_user: $big, per_issuer: $big}
rc_room_creation: $big
rc_media_create: $big
EOF
  cat >"$dir/log.yaml" <<EOF
version: 1
formatters: {plain: {format: '%(asctime)s %(levelname)s %(name)s %(message)s'}}
handlers: {file: {class: logging.FileHandler, filename: $dir/homeserver.log, formatter: plain}}
root: {level: WARNING, handlers: [file]}
disable_existing_loggers: false
EOF
  [ -f "$dir/signing.key" ] || "$VENV/bin/python" -m synapse.app.homeserver -c "$dir/homeserver.yaml" --generate-keys >/dev/null
  launch "$dir" "$port"
  ;;
restart)
  dir=$(cd "${2:?usage: synapse.sh restart DIR}" && pwd)
  port=$(sed -n 's/.*{port: \([0-9]*\),.*/\1/p' "$dir/homeserver.yaml")
  launch "$dir" "$port"
  ;;
stop)
  dir=${2:?usage: synapse.sh stop DIR}
  # --kill: at once (SIGKILL), as a server that dies in the middle of an answer.
  sig=TERM; [ "${3:-}" = "--kill" ] && sig=KILL
  if [ -f "$dir/homeserver.pid" ]; then
    pid=$(cat "$dir/homeserver.pid")
    kill -"$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/homeserver.pid"
  fi
  ;;
*)
  echo "usage: synapse.sh install | start DIR | stop DIR | restart DIR" >&2
  exit 2
  ;;
esac
