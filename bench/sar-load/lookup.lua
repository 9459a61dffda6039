-- GET /api/v1/sars/{number} for random numbers among the bulk-loaded SARs (county SAR_COUNTY,
-- sequences SAR_BASE+1 .. SAR_BASE+SAR_N), each with its Luhn check digit.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

local base = tonumber(os.getenv("SAR_BASE"))
local n = tonumber(os.getenv("SAR_N"))
local county = tonumber(os.getenv("SAR_COUNTY"))
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Accept"] = "application/json"

local function luhn(s)
  local sum, double = 0, true
  for i = #s, 1, -1 do
    local d = s:byte(i) - 48
    if double then d = d * 2; if d > 9 then d = d - 9 end end
    sum = sum + d
    double = not double
  end
  return (10 - sum % 10) % 10
end

function request()
  local body = string.format("%02d%08d", county, base + math.random(1, n))
  return wrk.format("GET", "/api/v1/sars/" .. body .. luhn(body))
end
