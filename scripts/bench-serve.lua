-- wrk script for scripts/bench-serve: POST one submission (the file named by TALAP_BODY) to /api/v1/check.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("TALAP_TOKEN"), "TALAP_TOKEN is not set")
local file = assert(io.open(os.getenv("TALAP_BODY"), "rb"))
wrk.body = file:read("*a")
file:close()

-- Every answer must be a 200 check result; anything else is counted and reported.
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
  io.write(string.format("p50_ms %.3f\np99_ms %.3f\nrps %.1f\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
