#!/usr/bin/env bash
# The two ways mmx-server runs, driven over FastCGI with libfcgi's own client
# (cgi-fcgi), against the test stack's MariaDB:
#   1. under spawn-fcgi, its socket on fd 0, answering a route that needs the database;
#   2. as the supervisor: on SIGTERM it lets the request in flight finish, stops
#      accepting, removes its socket and exits;
#   3. requests already queued on the supervisor's socket at SIGTERM are answered too.
# Prints one line per check and a closing "N passed, N failed".
set -uo pipefail

: "${MMX_TEST_VAR:?}" "${MMX_TEST_REPO:?}"
SERVER_BIN=${MMX_SERVER_BIN:-$MMX_TEST_REPO/build/mmx-server}
# shellcheck disable=SC1091 # written by scripts/stack up
. "$MMX_TEST_VAR/env.sh"
WORK=$(mktemp -d /tmp/mmx-modes-XXXXXX)
passed=0 failed=0
cleanup() {
  [[ -f $WORK/spawn.pid ]] && kill "$(cat "$WORK/spawn.pid")" 2>/dev/null
  [[ -n ${supervisor:-} ]] && kill -KILL "$supervisor" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

check() { # name, command...
  local name=$1
  shift
  if "$@"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    failed=$((failed + 1))
  fi
}

# fastcgi SOCKET METHOD ROUTE [BODY] -> the worker's raw answer (headers and body)
fastcgi() {
  local body=${4:-}
  env -i REQUEST_METHOD="$2" DOCUMENT_URI="$3" SCRIPT_NAME="$3" QUERY_STRING= \
    REMOTE_ADDR=127.0.0.1 HTTP_CLIENT=modes-test \
    CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#body} \
    cgi-fcgi -bind -connect "$1" <<<"$body"
}

# An unknown mobile of its own for each login: every name takes only 5 password tries
# in 15 minutes, and the suite may run again within them.
unknown_mobile() { printf '19%09d' $(((RANDOM << 15 | RANDOM) % 1000000000)); }

wait_for_socket() {
  for _ in $(seq 100); do
    [[ -S $1 ]] && return 0
    sleep 0.1
  done
  return 1
}

# --- 1. under spawn-fcgi -------------------------------------------------------
spawn-fcgi -s "$WORK/spawn.sock" -M 0600 -F 1 -P "$WORK/spawn.pid" -- "$SERVER_BIN" >/dev/null
wait_for_socket "$WORK/spawn.sock"
answer=$(fastcgi "$WORK/spawn.sock" GET '/app/system!ping')
check "spawn-fcgi worker answers ping" grep -q '"success":true' <<<"$answer"
answer=$(fastcgi "$WORK/spawn.sock" POST '/user/user!login' \
  "userVO.userName=$(unknown_mobile)&userVO.password=nobody-has-this-password")
check "spawn-fcgi worker reaches MariaDB (login of an unknown user)" \
  grep -q '"code":"BAD_CREDENTIALS"' <<<"$answer"
kill "$(cat "$WORK/spawn.pid")"
rm -f "$WORK/spawn.pid"

# --- 2. the supervisor drains on SIGTERM ----------------------------------------
"$SERVER_BIN" --listen "$WORK/pool.sock" --workers 2 --pid-file "$WORK/pool.pid" \
  2>"$WORK/pool.log" &
supervisor=$!
wait_for_socket "$WORK/pool.sock"
check "supervisor answers through its socket" \
  grep -q '"success":true' <<<"$(fastcgi "$WORK/pool.sock" GET '/app/system!ping')"

# A login spends about a tenth of a second hashing: SIGTERM lands while it is in flight.
fastcgi "$WORK/pool.sock" POST '/user/user!login' \
  "userVO.userName=$(unknown_mobile)&userVO.password=nobody-has-this-password" >"$WORK/inflight.out" &
client=$!
# In flight: a worker has taken the connection off the listen queue.
for _ in $(seq 500); do
  [[ $(ss -xlH src "$WORK/pool.sock" | awk '{print $3; exit}') == 0 ]] &&
    ss -xH src "$WORK/pool.sock" | grep -q . && break
done
kill -TERM "$supervisor"
wait "$client"
check "the request in flight at SIGTERM is answered in full" \
  grep -q '"code":"BAD_CREDENTIALS"' "$WORK/inflight.out"

stopped=1
for _ in $(seq 100); do
  kill -0 "$supervisor" 2>/dev/null || {
    stopped=0
    break
  }
  sleep 0.1
done
check "supervisor exits after draining" test "$stopped" -eq 0
wait "$supervisor" 2>/dev/null
check "supervisor exits with status 0" test $? -eq 0
supervisor=
check "supervisor removes its socket and pid file" test ! -e "$WORK/pool.sock" -a ! -e "$WORK/pool.pid"
check "no worker outlives the supervisor" test -z "$(pgrep -f -- "--listen $WORK/pool.sock")"

# --- 3. the queued requests are served before the workers stop -------------------
"$SERVER_BIN" --listen "$WORK/one.sock" --workers 1 --pid-file "$WORK/one.pid" \
  2>"$WORK/one.log" &
supervisor=$!
wait_for_socket "$WORK/one.sock"
# One worker, six logins of a tenth of a second each: SIGTERM comes once some of them
# wait in the listen backlog (ss shows a listening socket's queue as its Recv-Q).
# SIGTERM is sent only once all six have connected (queued, being served or answered), so
# a client that had not yet connected never counts as a request the drain dropped.
queued() { ss -xlH src "$WORK/one.sock" | awk '{print $3; exit}'; }
in_service() { ss -xH state established src "$WORK/one.sock" | wc -l; }
answered_so_far() { find "$WORK" -maxdepth 1 -name 'queued-*.out' -size +0 | wc -l; }
clients=()
for i in 1 2 3 4 5 6; do
  fastcgi "$WORK/one.sock" POST '/user/user!login' \
    "userVO.userName=$(unknown_mobile)&userVO.password=nobody-has-this-password" >"$WORK/queued-$i.out" &
  clients+=($!)
done
waiting=0
for _ in $(seq 300); do
  waiting=$(queued)
  ((${waiting:-0} + $(in_service) + $(answered_so_far) >= 6 && ${waiting:-0} >= 1)) && break
  sleep 0.01 # polling the listen queue: there is no event to wait on
done
kill -TERM "$supervisor"
wait "${clients[@]}"
answered=0
for i in 1 2 3 4 5 6; do
  grep -q '"code":"BAD_CREDENTIALS"' "$WORK/queued-$i.out" && answered=$((answered + 1))
done
check "requests were queued at SIGTERM ($waiting)" test "${waiting:-0}" -ge 1
check "every request queued at SIGTERM is answered ($answered of 6)" test "$answered" -eq 6
wait "$supervisor" 2>/dev/null
check "the one-worker supervisor exits with status 0" test $? -eq 0
supervisor=
check "new connections are refused once it has stopped" test ! -e "$WORK/one.sock"

echo "$passed passed, $failed failed"
((failed == 0))
