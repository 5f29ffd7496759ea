#!/usr/bin/env bash
# The production files in deploy/ and nginx/mmx-site.conf are checked by the tools that
# will read them: systemd-analyze verify (the unit), logrotate -d (the rotation) and
# nginx -t (the site, inside a minimal nginx.conf). Paths that exist only on a
# production host are pointed at this build: the binary, the log and upload dirs, the
# mmx user (the current one stands in for it when there is none).
#
#   tests/deploy/check.sh <the built mmx-server>
#
# A tool that is not installed, or cannot run here (systemd-analyze needs no running
# systemd, but some containers forbid what it probes), makes the check skip (exit 77)
# with a message saying which; any warning a tool prints fails it.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
server=$(realpath -- "${1:?usage: check.sh <mmx-server binary>}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
skipped=()

check_output() {  # <what> <file holding the tool's output> <exit status>
  if (($3 != 0)) || [[ -s $2 ]]; then
    printf 'FAIL %s (exit %s):\n' "$1" "$3"
    cat "$2"
    failed=1
  else
    printf 'ok   %s\n' "$1"
  fi
}

# --- the systemd unit ---------------------------------------------------------------
if command -v systemd-analyze >/dev/null; then
  sed "s#/usr/local/bin/mmx-server#$server#" "$repo/deploy/mmx.service" >"$tmp/mmx.service"
  systemd-analyze verify "$tmp/mmx.service" >"$tmp/verify.out" 2>&1
  status=$?
  if grep -qiE 'Failed to (connect|initialize|allocate manager)|Operation not permitted' "$tmp/verify.out" &&
    ! grep -q 'mmx.service:' "$tmp/verify.out"; then
    skipped+=("systemd-analyze cannot run in this container: $(head -n 1 "$tmp/verify.out")")
  else
    check_output "systemd-analyze verify deploy/mmx.service" "$tmp/verify.out" "$status"
  fi
else
  skipped+=("systemd-analyze is not installed (Debian package systemd)")
fi

# --- logrotate ------------------------------------------------------------------------
if command -v logrotate >/dev/null; then
  owner=mmx
  id mmx >/dev/null 2>&1 || owner="$(id -un) $(id -gn)"
  [[ $owner == mmx ]] && owner="mmx mmx"
  sed -e "s#/var/log/mmx/#$tmp/log/#" -e "s#create 0640 mmx mmx#create 0640 $owner#" \
    "$repo/deploy/mmx.logrotate" >"$tmp/mmx.logrotate"
  chmod 0644 "$tmp/mmx.logrotate"
  mkdir -p "$tmp/log"
  echo 'a line' >"$tmp/log/requests.log"
  # -d: what it would do, nothing done; its own chatter goes to stderr, errors say "error:".
  logrotate -d -s "$tmp/logrotate.state" "$tmp/mmx.logrotate" >"$tmp/logrotate.all" 2>&1
  status=$?
  grep -iE '^error|unknown|bad|ignoring' "$tmp/logrotate.all" >"$tmp/logrotate.out"
  check_output "logrotate -d deploy/mmx.logrotate" "$tmp/logrotate.out" "$status"
else
  skipped+=("logrotate is not installed (Debian package logrotate)")
fi

# --- the nginx site ----------------------------------------------------------------------
if command -v nginx >/dev/null && [[ -f /etc/nginx/fastcgi_params ]]; then
  mkdir -p "$tmp/nginx/logs"
  # nginx -t creates the upload directory of the package route; here under the scratch dir.
  sed -e "s#/var/log/nginx/#$tmp/nginx/logs/#" -e "s#/srv/mmx/incoming#$tmp/incoming#" \
    "$repo/nginx/mmx-site.conf" >"$tmp/nginx/site.conf"
  cat >"$tmp/nginx/nginx.conf" <<CONF
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events {}
http {
    access_log $tmp/nginx/logs/access.log;
    include $tmp/nginx/site.conf;
}
CONF
  nginx -t -q -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/logs/error.log" \
    >"$tmp/nginx.out" 2>&1
  check_output "nginx -t nginx/mmx-site.conf" "$tmp/nginx.out" "$?"
else
  skipped+=("nginx is not installed")
fi

for reason in "${skipped[@]}"; do printf 'skip %s\n' "$reason"; done
((failed == 0)) || exit 1
((${#skipped[@]} == 0)) || exit 77
exit 0
