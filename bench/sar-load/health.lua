-- Baseline: anonymous GET /health (no auth, no SAR query) to separate the HTTP stack from the SAR work.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
wrk.path = "/health"
