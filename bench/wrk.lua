-- wrk script: rotate over "path<TAB>cookie" lines (one signed-in learner each) and
-- print the result as one JSON line, with the percentiles wrk's summary leaves out.
local targets = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t(.*)$")
    table.insert(targets, {path = path, cookie = cookie})
  end
  counter = math.random(#targets)
end

function request()
  counter = counter % #targets + 1
  local target = targets[counter]
  return wrk.format("GET", target.path, {Cookie = target.cookie, ["Accept-Language"] = "th"})
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "seconds": %.3f, "non_2xx_or_3xx": %d, "socket_errors": %d, ' ..
    '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
