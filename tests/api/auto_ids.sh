#!/usr/bin/env bash
# The shop tables' own ids (shops, goods, activities made through the manager routes and
# the console) start far above the explicit ids the suites write (tests/api/shop_helpers.hpp,
# below 2^52), so an id the table hands out never lands on one a suite is about to use.
# Still below 2^53: the console reads them as exact JavaScript numbers.
set -euo pipefail
# shellcheck disable=SC1091
. "$MMX_VAR/env.sh"
MYSQL_PWD=$MMX_DB_PASSWORD mariadb --no-defaults --batch --socket="$MMX_DB_SOCKET" \
  --user="$MMX_DB_USER" "$MMX_DB_NAME" -e "
    ALTER TABLE shop AUTO_INCREMENT = 5000000000000000;
    ALTER TABLE goods AUTO_INCREMENT = 5000000000000000;
    ALTER TABLE activity AUTO_INCREMENT = 5000000000000000;"
