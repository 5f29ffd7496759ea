-- wrk script for the chat benchmarks (scripts/bench-chat): like scripts/bench.lua,
-- but each request acts as the next of several users, each with its own form body,
-- so that sends spread over many conversations as real traffic does.
--   BENCH_PATH        route, e.g. /chat/message!send
--   BENCH_IDENTITIES  entries "uid,accessToken,client,body" separated by '|'
--                     (the body is a form body, e.g. toUserId=100002&msgType=text&content=hi)
-- Prints the same RESULT line as scripts/bench.lua: req/s p50 p99 requests failures.
local path = os.getenv("BENCH_PATH")
local identities = {}

-- Formatted in init(), once wrk has filled in the Host header.
init = function(_)
  for entry in string.gmatch(os.getenv("BENCH_IDENTITIES") or "", "[^|]+") do
    local uid, token, client, body = string.match(entry, "^([^,]*),([^,]*),([^,]*),(.*)$")
    if uid then
      table.insert(identities, wrk.format("POST", path, {
        ["uid"] = uid, ["accessToken"] = token, ["client"] = client,
        ["Content-Type"] = "application/x-www-form-urlencoded"}, body))
    end
  end
  if #identities == 0 then error("BENCH_IDENTITIES names nobody") end
end

local threads = {}
local counter = 1
setup = function(thread)
  thread:set("position", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

position = position or 1
request = function()
  local r = identities[(position - 1) % #identities + 1]
  position = position + 1
  return r
end

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
