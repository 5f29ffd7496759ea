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

-- Each wrk thread runs its own copy of this script; done() reads their counters.
local threads = {}
setup = function(thread) table.insert(threads, thread) end

failures = 0
response = function(status, _, answer)
  if status ~= 200 or not string.find(answer, '"success":true', 1, true) then
    failures = failures + 1
  end
end

done = function(summary, latency, _)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, failed + summary.errors.connect
      + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
