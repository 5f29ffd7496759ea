-- wrk script for scripts/bench: one form POST (or GET) with the identity headers,
-- taken from the environment so that one script serves every route.
--   BENCH_PATH    route, e.g. /user/user!readUser
--   BENCH_BODY    form body (empty: GET)
--   BENCH_HEADERS "name: value" lines separated by '|'
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY") or ""
local headers = {}
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
  local name, value = string.match(line, "^%s*([^:]+):%s*(.-)%s*$")
  if name then headers[name] = value end
end

if body ~= "" then
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  request = function() return wrk.format("POST", path, headers, body) end
else
  request = function() return wrk.format("GET", path, headers) end
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/bench-report.lua")
setup = function(thread) track(thread) end
