-- wrk script for scripts/load-test.sh: POSTs the reference CloudEvent (Tests/Data/bench/
-- medium_event.json) in HTTP binary or structured mode, one distinct id per request, and counts
-- what the receiver's event count is checked against.
--
--   wrk -t1 -c64 -d60s -s scripts/load-test.lua http://127.0.0.1:8080/ -- MODE EVENT_FILE [SCENARIO]
--
-- MODE is `binary` (ce- headers, Content-Type from datacontenttype, `data` as the body: its
-- exact bytes from the file) or `structured` (the file itself as
-- application/cloudevents+json). SCENARIO is `reply` (default: the event as it is, a
-- `com.example.order.created`, which the example receiver answers with an event, 200) or
-- `accept` (its type changed to `com.example.order.shipped`, of the same length, which the
-- receiver accepts without a reply, 202). Every request's id is the reference id followed by
-- `-<thread>-<n>`, so each is a new, valid event (the receiver does not deduplicate; the ids
-- only make every request a realistic one).
--
-- At the end it prints one line for the script to parse:
--   load-test: mode=M sent=N completed=N non2xx=N unexpected=N connect=N read=N write=N timeout=N seconds=S
-- `sent` counts requests handed to wrk for writing (request() runs once per request, just before
-- it is written, plus once before the run when wrk checks that the script's request parses,
-- which is subtracted); `completed` counts responses. They differ by the requests still in flight when
-- wrk stops (at most one per connection), which the server does receive. `non2xx` counts every
-- status outside 200-299 (wrk's own "Non-2xx or 3xx" line counts only 400 and above); `unexpected`
-- every status other than the scenario's (200 for `reply`, 202 for `accept`).

local threads = {}
local thread_count = 0

function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_number", thread_count)
    table.insert(threads, thread)
end

local id, body_before_id_end, body_after_id_end, headers, data
-- Globals, so that done() can read them from each thread with thread:get.
mode, sent, non2xx, unexpected = nil, 0, 0, 0
local expected_status

local function header_safe(name, value)
    -- The binding percent-encodes other bytes; this event needs none, so refuse rather than guess.
    if value:find('[^\32-\126]') or value:find('[%%"]') then
        error("attribute " .. name .. " needs percent-encoding, which this script does not do")
    end
    return value
end

function init(args)
    mode = args[1]
    local path = args[2]
    local scenario = args[3] or "reply"
    if mode ~= "binary" and mode ~= "structured" then error("MODE must be binary or structured") end
    if scenario ~= "reply" and scenario ~= "accept" then error("SCENARIO must be reply or accept") end
    local file = assert(io.open(path, "rb"))
    local event = file:read("*a"):gsub("%s+$", "")
    file:close()
    local created = '"type":"com.example.order.created"'
    if not event:find(created, 1, true) then error("the event's type is not com.example.order.created") end
    if scenario == "accept" then
        event = event:gsub(created:gsub("%p", "%%%0"), '"type":"com.example.order.shipped"', 1)
        expected_status = 202
    else
        expected_status = 200
    end

    local _, id_end
    _, id_end, id = event:find('"id":"([^"]*)"')
    if not id then error("the event has no string id") end
    body_before_id_end = event:sub(1, id_end - 1)
    body_after_id_end = event:sub(id_end)

    local data_at = event:find(',"data":', 1, true)
    if not data_at then error("the event has no data member (data_base64 is not supported here)") end
    data = event:sub(data_at + 8, -2)
    local attributes = event:sub(2, data_at - 1)
    headers = {}
    for name, value in attributes:gmatch('"(%w+)":"([^"]*)"') do headers[name] = value end
    for name, value in attributes:gmatch('"(%w+)":([^",}]+)') do headers[name] = value end
    local binary = {}
    for name, value in pairs(headers) do
        if name == "datacontenttype" then
            binary["Content-Type"] = header_safe(name, value)
        else
            binary["ce-" .. name] = header_safe(name, value)
        end
    end
    headers = binary
end

function request()
    sent = sent + 1
    local id_suffix = "-" .. thread_number .. "-" .. sent
    if mode == "binary" then
        headers["ce-id"] = id .. id_suffix
        return wrk.format("POST", nil, headers, data)
    end
    return wrk.format("POST", nil, { ["Content-Type"] = "application/cloudevents+json" },
        body_before_id_end .. id_suffix .. body_after_id_end)
end

function response(status, _, _)
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
    if status ~= expected_status then unexpected = unexpected + 1 end
end

function done(summary, _, _)
    local total_sent, total_non2xx, total_unexpected = -1, 0, 0 -- -1: wrk's check of the first thread's request() (never sent)
    for _, thread in ipairs(threads) do
        total_sent = total_sent + thread:get("sent")
        total_non2xx = total_non2xx + thread:get("non2xx")
        total_unexpected = total_unexpected + thread:get("unexpected")
    end
    local errors = summary.errors
    io.write(string.format(
        "load-test: mode=%s sent=%d completed=%d non2xx=%d unexpected=%d connect=%d read=%d write=%d timeout=%d seconds=%.3f\n",
        threads[1]:get("mode"), total_sent, summary.requests, total_non2xx, total_unexpected, errors.connect, errors.read, errors.write,
        errors.timeout, summary.duration / 1e6))
end
