# shellcheck shell=bash
# Shared by scripts/bench and its parts (bench-chat, -shops, -scale, -own, -dialects), sourced
# after common.sh and mmx_paths, with BASE (the stack's URL), PASSWORD (the benchmark users')
# and SECONDS_PER_RUN set.

# header_of NAME < answer headers -> the header's value
header_of() { grep -i "^$1:" | head -n1 | cut -d' ' -f2- | tr -d '\r'; }

# field KEY... < one JSON document -> the value at that path
field() { python3 -c $'import json, sys\nd = json.load(sys.stdin)\nfor k in sys.argv[1:]: d = d[k]\nprint(d)' "$@"; }

# bench_user CLIENT -> "uid token mobile" of a freshly registered user logged in as CLIENT.
# Registering and logging in hash a password: while the pool's hash slots are busy the
# answer is RATE_LIMITED or no session, so each is tried up to five times.
bench_user() {
  local client=$1 mobile code answer headers uid='' token=''
  mobile=19$(printf '%09d' $((RANDOM * 32768 + RANDOM)) | tail -c 9)
  curl -fsS -H "client: $client" --data "userVO.userMobile=$mobile" \
    "$BASE/user/user!sendRegisterCode" | grep -q '"success":true' || die "no code for $mobile"
  code=$(grep "\"mobile\":\"$mobile\"" "$VAR/sms-outbox.jsonl" | tail -n1 | field code)
  for _ in 1 2 3 4 5; do
    answer=$(curl -fsS -H "client: $client" \
      --data "userVO.userMobile=$mobile&userVO.password=$PASSWORD&telSecurityCode=$code" \
      "$BASE/user/user!register")
    grep -q '"code":"RATE_LIMITED"' <<<"$answer" || break
    sleep 1
  done
  grep -q '"success":true' <<<"$answer" || die "could not register $mobile: $answer"
  for _ in 1 2 3 4 5; do
    headers=$(curl -fsS -D - -o /dev/null -H "client: $client" \
      --data "userVO.userName=$mobile&userVO.password=$PASSWORD" "$BASE/user/user!login")
    uid=$(header_of uid <<<"$headers")
    token=$(header_of accessToken <<<"$headers")
    [[ -n $uid && -n $token ]] && break
    sleep 1
  done
  [[ -n $uid && -n $token ]] || die "could not log in as $mobile"
  echo "$uid $token $mobile"
}

# bench_wrk NAME CONNECTIONS LUA [VAR=value...] -> "rps p50 p99 requests failures": one wrk
# run of scripts/LUA for SECONDS_PER_RUN with the given environment (the script's BENCH_…).
bench_wrk() {
  local name=$1 connections=$2 lua=$3 out
  shift 3
  out=$(env "$@" BENCH_LUA_DIR="$REPO/scripts" wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" \
    -d"${SECONDS_PER_RUN}s" --timeout 10s -s "$REPO/scripts/$lua" "$BASE" 2>&1) ||
    die "wrk failed for $name: $out"
  grep '^RESULT ' <<<"$out" | cut -d' ' -f2-
}
