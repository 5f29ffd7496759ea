#!/usr/bin/env bash
# The older phones' dialects translate and nothing else: no file under dialects/ holds SQL or
# includes a repository (db/); each includes only the services, the shared readers of
# handlers/ (params, readers, group_common) and the house's header check (authenticate),
# core/ types, the request, answer and identity-header types of fcgi/, and the dialect
# framework itself.
# One line per breach; exit 1 when there is any.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"

allowed='^#include "(services/[a-z_]+\.hpp|handlers/(params|readers|group_common|authenticate)\.hpp|core/[a-z_]+\.hpp|fcgi/(request|response|router|identity_headers)\.hpp|dialects/[a-z0-9_/]+\.hpp)"$'
sql='\b(SELECT\b.*\bFROM|INSERT[[:space:]]+INTO|UPDATE[[:space:]]+[a-z_]+[[:space:]]+SET|DELETE[[:space:]]+FROM|REPLACE[[:space:]]+INTO|JSON_TABLE|FOR[[:space:]]+UPDATE)\b'
breaches=0
files=$(find dialects -name '*.cpp' -o -name '*.hpp' | sort)
[[ -n $files ]] || { echo "no dialect files found under $root/dialects"; exit 1; }
for file in $files; do
  while IFS= read -r line; do
    if ! [[ $line =~ $allowed ]]; then
      echo "$file: includes what a dialect may not: $line"
      breaches=$((breaches + 1))
    fi
  done < <(grep -E '^#include "' "$file" || true)
  while IFS= read -r hit; do
    echo "$file: SQL in a dialect: $hit"
    breaches=$((breaches + 1))
  done < <(grep -inE "$sql" "$file" || true)
  if grep -qE '\bdb::[A-Z][A-Za-z]*Repository\b|\bConnection\b' "$file"; then
    echo "$file: uses a repository or the connection"
    breaches=$((breaches + 1))
  fi
done
if ((breaches > 0)); then
  echo "$breaches breach(es) of the dialect rule"
  exit 1
fi
echo "ok: $(wc -w <<<"$files") dialect files hold no SQL and include no repository"
