-- POST /api/v1/sars with a valid submission for a child with an open case and a paneled physician
-- of the provider's organisation (same shape as tests/OpenCcs.Web.Tests/Authorizations/SubmissionTests.cs).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")

wrk.method = "POST"
wrk.path = "/api/v1/sars"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = string.format(
  '{"formType":"EstablishedClient","clientId":"%s","dateOfBirth":"%s","requestingProviderNpi":"%s","diagnosisCode":"Q21.0",' ..
  '"lines":[{"codeSystem":"Cpt","code":"93306","description":"Echocardiogram, complete","from":"2026-12-01","to":"2027-02-28","units":2,"frequency":"once a month"}]}',
  os.getenv("CHILD_CIN"), os.getenv("CHILD_DOB"), os.getenv("NPI"))
