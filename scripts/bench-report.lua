-- Shared by the wrk scripts of scripts/bench (loaded with dofile from BENCH_LUA_DIR):
-- counts every answer that is not a success envelope (one holding BENCH_SUCCESS, by
-- default "success":true; the older phones' dialects answer in their own shapes), and
-- prints one line
--   RESULT <req/s> <p50 ms> <p99 ms> <requests> <failures>
-- Each wrk thread runs its own copy of a script; done() reads their counters, so a
-- script's setup() must pass each thread to track().
local threads = {}
track = function(thread) table.insert(threads, thread) end

failures = 0
local success = os.getenv("BENCH_SUCCESS") or '"success":true'
response = function(status, _, answer)
  if status ~= 200 or not string.find(answer, success, 1, true) then
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
