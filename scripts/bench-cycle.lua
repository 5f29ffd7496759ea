-- wrk script for scripts/bench-scale: each connection sends the requests of
-- BENCH_REQUESTS in turn, over and over (e.g. an addMembers then the removeMembers
-- that undoes it, so that every request does its whole work).
--   BENCH_REQUESTS "path,form body" entries separated by '|'
--   BENCH_HEADERS  "name: value" lines separated by '|'
-- Prints the same RESULT line as scripts/bench.lua.
local headers = {}
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
  local name, value = string.match(line, "^%s*([^:]+):%s*(.-)%s*$")
  if name then headers[name] = value end
end
headers["Content-Type"] = "application/x-www-form-urlencoded"

local requests = {}
init = function(_)
  for entry in string.gmatch(os.getenv("BENCH_REQUESTS") or "", "[^|]+") do
    local path, body = string.match(entry, "^([^,]*),(.*)$")
    if path then table.insert(requests, wrk.format("POST", path, headers, body)) end
  end
  if #requests == 0 then error("BENCH_REQUESTS names no request") end
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/bench-report.lua")
setup = function(thread) track(thread) end

local position = 0
request = function()
  position = position % #requests + 1
  return requests[position]
end
