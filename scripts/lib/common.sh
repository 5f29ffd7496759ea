# shellcheck shell=bash
# Shared helpers for the scripts in scripts/. Sourced, never run.
#
# After `mmx_paths`, every script agrees on where a stack lives:
#   VAR   the var dir ($MMX_VAR, default $REPO/var), absolute
#   RUN   sockets and pid files: $VAR/run, or /tmp/mmx-<hash of VAR> when
#         $VAR/run is longer than 90 characters (sun_path holds only 108 bytes)
#   PORT  nginx's port on 127.0.0.1 ($MMX_PORT, default 8080)

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

# What building and running the stack needs on a fresh Debian 12. An entry with
# "|" is satisfied by any of its alternatives; the first one is installed.
MMX_PACKAGES=(
  build-essential cmake pkg-config
  libfcgi-dev libcgicc-dev rapidjson-dev libmariadb-dev libsodium-dev
  libboost-test-dev libcurl4-openssl-dev libicu-dev libqrencode-dev libpng-dev libvips-dev
  # Alipay login: RSA2 (SHA256withRSA) signatures with OpenSSL's libcrypto; the openssl
  # command makes the third-party suite's key pairs.
  libssl-dev openssl
  mariadb-server mariadb-client
  "nginx-light|nginx-full|nginx-extras|nginx-core"
  spawn-fcgi libfcgi-bin wrk curl ca-certificates clang-format iproute2
  # The API contract's checker and the /docs/ viewer (tools/openapi, npm ci). A nodejs
  # that bundles npm (NodeSource's) stands for Debian's npm package.
  nodejs "npm|nodejs"
  clang libclang-rt-14-dev
  # The production files' checks (ctest deploy_files): systemd-analyze verify and
  # logrotate -d. util-linux (mount) and python3 drive scripts/soak.
  systemd logrotate python3
  # The staff console's end-to-end test drives Debian's headless Chromium through
  # playwright-core (console/e2e), which downloads no browser of its own; a Chinese font
  # so its screenshots show the console's text.
  chromium fonts-wqy-microhei
)

step() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# --- packages and build -------------------------------------------------------

package_installed() {
  local status
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null) || return 1
  [[ $status == ii* ]]
}

ensure_packages() {
  step "checking system packages"
  local entry alternative found
  local -a alternatives missing=()
  for entry in "${MMX_PACKAGES[@]}"; do
    IFS='|' read -r -a alternatives <<<"$entry"
    found=
    for alternative in "${alternatives[@]}"; do
      if package_installed "$alternative"; then
        found=1
        break
      fi
    done
    [[ -n $found ]] || missing+=("${alternatives[0]}")
  done
  if ((${#missing[@]} == 0)); then
    note "all ${#MMX_PACKAGES[@]} packages present"
    ensure_npm
    return 0
  fi

  local -a sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null ||
      die "missing packages (${missing[*]}) and not root; install them as root"
    sudo=(sudo)
  fi
  step "installing missing packages: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
  ensure_npm
}

# Debian's nodejs comes without npm (NodeSource's bundles it): take Debian's npm only when
# no npm command came with the nodejs installed.
ensure_npm() {
  command -v npm >/dev/null && return 0
  local -a sudo=()
  ((EUID == 0)) || sudo=(sudo)
  step "installing npm (the nodejs here has none)"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm
}

build() {
  step "building ($REPO/build, RelWithDebInfo)"
  [[ -f $REPO/CMakeLists.txt ]] || die "no CMakeLists.txt in $REPO: nothing to build"
  (cd "$REPO" &&
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
    cmake --build build -j2)
}

# --- paths ------------------------------------------------------------------

mmx_paths() {
  local var=${MMX_VAR:-$REPO/var}
  [[ $var == /* ]] || var=$PWD/$var
  VAR=$(realpath -m -- "$var")
  # The paths go into nginx.conf and option files unescaped.
  case $VAR in
    *[[:space:]\"\'\;\$\\\{\}\#]*) die "MMX_VAR must not contain spaces, quotes, ; \$ \\ { } or #: $VAR" ;;
  esac

  if ((${#VAR} + 4 > 90)); then
    local hash
    hash=$(printf '%s' "$VAR" | sha256sum)
    RUN=/tmp/mmx-${hash:0:12}
  else
    RUN=$VAR/run
  fi

  # Four workers a core: password hashing may hold at most two a core (hash slots and
  # their waiting room), and the rest keep serving every other route.
  # shellcheck disable=SC2034
  WORKERS=${MMX_WORKERS:-$(($(nproc) * 4))}

  PORT=${MMX_PORT:-8080}
  if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT == 0 || PORT > 65535)); then
    die "MMX_PORT is not a port: $PORT"
  fi

  # shellcheck disable=SC2034 # used by the scripts that source this file
  SERVER_BIN=${MMX_SERVER_BIN:-$REPO/build/mmx-server}
  # shellcheck disable=SC2034
  MINIMAL_BIN=${MMX_MINIMAL_BIN:-$REPO/build/mmx-minimal}
  DB_SOCKET=$RUN/mysqld.sock
  DB_NAME=mmx
  DB_USER=mmx
}

# Creates the dirs a stack writes to. RUN may sit in /tmp, so it must be ours.
mmx_make_dirs() {
  mkdir -p "$VAR/log" "$VAR/upload" "$VAR/download" "$VAR/nginx/logs" "$VAR/nginx/temp"
  if [[ $RUN == "$VAR/run" ]]; then
    mkdir -p "$RUN"
  else
    [[ -e $RUN ]] || mkdir -m 0700 "$RUN"
    [[ -d $RUN && ! -L $RUN && -O $RUN ]] || die "$RUN exists but is not a directory owned by $(id -un)"
  fi
}

# Prints the content of a secret file, creating it (random, 0600) the first time.
mmx_secret() {
  local file=$1
  if [[ ! -s $file ]]; then
    (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat -- "$file"
}

# --- the server's environment -----------------------------------------------

# Exports what mmx-server reads (README.md, Configuration). Everything that names a
# place is derived from VAR, so two stacks never share a file; only the secret
# and the per-IP limits keep a value the caller already set (a test may want
# the limits tight again).
mmx_export_server_env() {
  export MMX_DB_SOCKET=$DB_SOCKET
  export MMX_DB_NAME=$DB_NAME
  export MMX_DB_USER=$DB_USER
  MMX_DB_PASSWORD=$(mmx_secret "$VAR/db-password")
  export MMX_DB_PASSWORD
  export MMX_RUN_DIR=$RUN
  export MMX_LOG_FILE=$VAR/log/requests.log
  export MMX_UPLOAD_DIR=$VAR/upload
  export MMX_DOWNLOAD_DIR=$VAR/download
  export MMX_PUBLIC_BASE_URL=http://127.0.0.1:$PORT
  export MMX_SMS_SENDER=file
  export MMX_SMS_OUTBOX=$VAR/sms-outbox.jsonl
  if [[ -z ${MMX_SECRET:-} ]]; then
    MMX_SECRET=$(mmx_secret "$VAR/secret")
  fi
  export MMX_SECRET
  export MMX_LOGIN_IP_LIMIT=${MMX_LOGIN_IP_LIMIT:-100000}
  export MMX_CODE_IP_LIMIT=${MMX_CODE_IP_LIMIT:-100000}
  # Accounts by user name or e-mail with no SMS code: on for local work and the test stacks
  # (production leaves it off unless its operator turns it on).
  export MMX_OPEN_REGISTRATION=${MMX_OPEN_REGISTRATION:-1}
  export MMX_OPEN_REGISTRATION_IP_LIMIT=${MMX_OPEN_REGISTRATION_IP_LIMIT:-100000}
  # The local stacks speak plain HTTP on 127.0.0.1: a Secure cookie would never come back.
  export MMX_SECURE_COOKIES=${MMX_SECURE_COOKIES:-0}
  # nginx's per-address limits too: benchmarks and test suites send flat out from one address.
  export MMX_NGINX_REQ_RATE=${MMX_NGINX_REQ_RATE:-100000}
  export MMX_NGINX_REQ_BURST=${MMX_NGINX_REQ_BURST:-100000}
  export MMX_NGINX_CONN_LIMIT=${MMX_NGINX_CONN_LIMIT:-10000}
  note "per-IP limits are loosened for local work" \
    "(MMX_LOGIN_IP_LIMIT=$MMX_LOGIN_IP_LIMIT, MMX_CODE_IP_LIMIT=$MMX_CODE_IP_LIMIT," \
    "nginx: ${MMX_NGINX_REQ_RATE} r/s, burst ${MMX_NGINX_REQ_BURST}, ${MMX_NGINX_CONN_LIMIT} connections)"
}

# Writes the exported environment to $VAR/env.sh for tests and people
# (`. var/env.sh` gives a shell the server's view of the stack).
mmx_write_env_file() {
  local name
  (
    umask 077
    {
      printf '# Written by scripts/stack up: the environment mmx-server runs with.\n'
      for name in MMX_DB_SOCKET MMX_DB_NAME MMX_DB_USER MMX_DB_PASSWORD MMX_RUN_DIR \
        MMX_LOG_FILE MMX_UPLOAD_DIR MMX_DOWNLOAD_DIR MMX_PUBLIC_BASE_URL MMX_SMS_SENDER \
        MMX_SMS_OUTBOX MMX_SECRET MMX_LOGIN_IP_LIMIT MMX_CODE_IP_LIMIT \
        MMX_OPEN_REGISTRATION MMX_OPEN_REGISTRATION_IP_LIMIT MMX_SECURE_COOKIES; do
        printf 'export %s=%q\n' "$name" "${!name}"
      done
      printf 'export MMX_VAR=%q MMX_PORT=%q\n' "$VAR" "$PORT"
    } >"$VAR/env.sh.new"
  )
  mv -f "$VAR/env.sh.new" "$VAR/env.sh"
}

# --- MariaDB clients ------------------------------------------------------------

# The invoking OS user is MariaDB's administrator: mariadb-install-db gives it
# (and root) unix_socket authentication, so no admin password exists anywhere.
mmx_db_admin() {
  mariadb --no-defaults --socket="$DB_SOCKET" --user="$(id -un)" \
    --default-character-set=utf8mb4 "$@"
}

mmx_db_ping() {
  mariadb-admin --no-defaults --socket="$DB_SOCKET" --user="$(id -un)" \
    --connect-timeout=2 ping >/dev/null 2>&1
}

# --- processes ----------------------------------------------------------------

# True when PID runs and is not a zombie.
pid_alive() {
  local stat
  [[ $1 =~ ^[0-9]+$ ]] || return 1
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Prints the pid in FILE if that process runs and its argv contains NEEDLE
# (so a recycled pid never gets a signal meant for us).
pid_from_file() {
  local file=$1 needle=$2 pid
  [[ -r $file ]] || return 1
  read -r pid <"$file" || [[ -n ${pid:-} ]] || return 1
  pid_alive "$pid" && pid_argv_has "$pid" "$needle" && printf '%s\n' "$pid"
}

# True when the argv of PID, written one argument a line with a newline before
# and after, contains NEEDLE ($'\n--listen\n' matches exactly that argument).
pid_argv_has() {
  local argv
  local -a args
  mapfile -d '' -t args 2>/dev/null <"/proc/$1/cmdline" || return 1
  ((${#args[@]})) || return 1
  printf -v argv '\n%s' "${args[@]}"
  [[ $argv$'\n' == *"$2"* ]]
}

# Prints the pids whose argv contains every NEEDLE, one per line.
pids_with_argv() {
  local dir pid needle ok
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ $pid != "$$" && $pid != "$BASHPID" ]] || continue
    ok=1
    for needle in "$@"; do
      pid_argv_has "$pid" "$needle" || {
        ok=
        break
      }
    done
    [[ -n $ok ]] && pid_alive "$pid" && printf '%s\n' "$pid"
  done
  return 0
}

# True when some process listens on TCP port PORT (any address).
port_in_use() {
  local hex _sl local_address _rem state _rest file
  printf -v hex ':%04X' "$1"
  for file in /proc/net/tcp /proc/net/tcp6; do
    [[ -r $file ]] || continue
    while read -r _sl local_address _rem state _rest; do
      [[ $state == 0A && $local_address == *"$hex" ]] && return 0
    done <"$file"
  done
  return 1
}

# Prints the inodes of the listening unix sockets bound to PATH (the name stays
# in /proc/net/unix after the file is unlinked).
socket_inodes() {
  local _num _ref _proto flags _type _state inode path
  while read -r _num _ref _proto flags _type _state inode path; do
    [[ $path == "$1" && $flags == 00010000 ]] && printf '%s\n' "$inode"
  done </proc/net/unix
  return 0
}

# Prints the pids whose stdin is a listening socket bound to PATH: programs
# started by spawn-fcgi, whatever their name.
pids_listening_on_fd0() {
  local dir link inode
  local -a inodes
  mapfile -t inodes < <(socket_inodes "$1")
  ((${#inodes[@]})) || return 0
  for dir in /proc/[0-9]*; do
    link=$(readlink "$dir/fd/0" 2>/dev/null) || continue
    for inode in "${inodes[@]}"; do
      if [[ $link == "socket:[$inode]" ]] && pid_alive "${dir#/proc/}"; then
        printf '%s\n' "${dir#/proc/}"
      fi
    done
  done
  return 0
}

# Prints the parent pid of PID.
parent_pid() {
  local stat ppid
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  read -r _ ppid _ <<<"${stat##*) }"
  printf '%s\n' "$ppid"
}

# Prints the live children of PID.
child_pids() {
  local dir stat ppid
  for dir in /proc/[0-9]*; do
    read -r stat 2>/dev/null <"$dir/stat" || continue
    read -r _ ppid _ <<<"${stat##*) }"
    [[ $ppid == "$1" ]] && pid_alive "${dir#/proc/}" && printf '%s\n' "${dir#/proc/}"
  done
  return 0
}

# Waits up to SECONDS for every PID to exit; false if some still run.
wait_pids_gone() {
  local seconds=$1 pid left
  shift
  local deadline=$((SECONDS + seconds))
  while :; do
    left=
    for pid in "$@"; do
      pid_alive "$pid" && left=1
    done
    [[ -z $left ]] && return 0
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}
