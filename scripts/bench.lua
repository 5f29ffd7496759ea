-- wrk script for scripts/bench: one form POST (or GET) with the identity headers,
-- taken from the environment so that one script serves every route.
--   BENCH_PATH    route, e.g. /user/user!readUser
--   BENCH_BODY    form body (empty: GET)
--   BENCH_HEADERS "name: value" lines separated by '|'
--   BENCH_METHOD  the method when it is not POST (a body) or GET (none): PUT, DELETE, or
--                 GET with a body, as the older phones send
--   BENCH_CONTENT_TYPE  the body's type when it is not a form (application/json)
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY") or ""
local method = os.getenv("BENCH_METHOD") or ""
local contentType = os.getenv("BENCH_CONTENT_TYPE") or ""
local headers = {}
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
  local name, value = string.match(line, "^%s*([^:]+):%s*(.-)%s*$")
  if name then headers[name] = value end
end

if contentType == "" then contentType = "application/x-www-form-urlencoded" end
if body ~= "" then
  if method == "" then method = "POST" end
  headers["Content-Type"] = contentType
  request = function() return wrk.format(method, path, headers, body) end
else
  if method == "" then method = "GET" end
  request = function() return wrk.format(method, path, headers) end
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/bench-report.lua")
setup = function(thread) track(thread) end
