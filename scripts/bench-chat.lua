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

dofile(os.getenv("BENCH_LUA_DIR") .. "/bench-report.lua")

local counter = 1
setup = function(thread)
  thread:set("position", counter)
  counter = counter + 1
  track(thread)
end

position = position or 1
request = function()
  local r = identities[(position - 1) % #identities + 1]
  position = position + 1
  return r
end
