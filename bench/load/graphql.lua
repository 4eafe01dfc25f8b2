-- wrk script of the load kit: POSTs the JSON body in the file named by BODY to the URL given on the command line,
-- counts answers that are not 200 or carry GraphQL errors, and prints one RESULT line of JSON at the end.
-- VALUES: a file of JSON values, one per line; each request then sends the body with a value picked at random in
-- place of "__VALUE__" (its variables), so that a run reads many different entities, never one cached answer.
local file = assert(io.open(os.getenv("BODY"), "rb"))
local body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
-- KEY: an API key to send, for operations measured as a key holder (a key bound to an authority).
local key = os.getenv("KEY")
if key and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end

local values = {}
local values_file = os.getenv("VALUES")
if values_file and values_file ~= "" then
  for line in io.lines(values_file) do
    if line ~= "" then
      table.insert(values, line)
    end
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failures = 0
  math.randomseed(os.time() + (args[1] and #args[1] or 0) + math.floor(os.clock() * 1e6))
end

if #values > 0 then
  function request()
    local value = values[math.random(#values)]
    -- A function as replacement: a value is inserted as it is, whatever characters it holds.
    local sent = body:gsub('"__VALUE__"', function() return value end)
    return wrk.format(nil, nil, nil, sent)
  end
end

function response(status, headers, body)
  -- A plain find: cheap enough not to slow the client down more than the server.
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'RESULT {"requests": %d, "rps": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "failed": %d, "socket_errors": %d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
