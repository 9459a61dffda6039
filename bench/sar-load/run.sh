#!/usr/bin/env bash
# SAR load benchmark: throwaway PostgreSQL 15 on loopback, OpenCCS (Release) against it, N bulk-loaded SARs,
# wrk for look-ups and submissions at 16 and 64 clients, and pgbench for the database floor.
# Usage: bench/sar-load/run.sh            (SARS=1000000, DURATION=20)
#        SARS=100000 DURATION=10 bench/sar-load/run.sh
#        PG_OPTS="-c synchronous_commit=off" CLIENTS=16 ...   (diagnostic: no WAL flush wait at commit)
#        BENCH_DB=/var/tmp/openccs-bench-db bench/sar-load/run.sh   (keep the seeded cluster there; later runs reuse it)
#        MEASURE="lookup health" ...   (only some of: lookup health submit pgbench)
#        APP_BIN=/path/to/Release/net10.0 ...   (run that build instead of building the working tree)
#        APP_OPTS="Logging__LogLevel__Microsoft.EntityFrameworkCore.Query=Debug" ...   (more settings for the app)
#        WARMUP=20 ...   (seconds of look-ups, and of submissions, before each is measured; default 20)
set -euo pipefail

SARS=${SARS:-1000000}
DURATION=${DURATION:-20}
CLIENTS=${CLIENTS:-"16 64"}
MEASURE=${MEASURE:-"lookup health submit pgbench"}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
# No Reset On Close: a pooled connection is not reset (DISCARD ALL) on every return to the pool; the app sets no
# session state. Max Auto Prepare: the statements run on every request are prepared once per connection, so
# PostgreSQL stops parsing and planning them each time (PostgreSQL CPU per look-up fell from about 1.9 to 0.6 ms).
CONN_OPTS=${CONN_OPTS:-"Maximum Pool Size=200;No Reset On Close=true;Max Auto Prepare=50;Auto Prepare Min Usages=2"}
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
export BENCH_DIR

command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

WORK=$(mktemp -d /tmp/openccs-bench.XXXXXX)
chmod 755 "$WORK"; chown postgres "$WORK"
PGDATA="$WORK/pgdata"
# BENCH_DB keeps the cluster (and what the bulk load chose) between runs, so a re-run skips the seed and the bulk load.
REUSE=""
if [ -n "${BENCH_DB:-}" ]; then
  mkdir -p "$BENCH_DB"; chmod 755 "$BENCH_DB"; chown postgres "$BENCH_DB"
  PGDATA="$BENCH_DB/pgdata"
  if [ -f "$BENCH_DB/ready.env" ]; then
    # shellcheck disable=SC1091
    . "$BENCH_DB/ready.env"; REUSE=1
    [ "$SARS" = "$BENCH_SARS" ] || { echo "$BENCH_DB holds $BENCH_SARS bulk SARs, not $SARS; set SARS=$BENCH_SARS or use another BENCH_DB" >&2; exit 1; }
  else
    rm -rf "$PGDATA"
  fi
fi
PGPORT=$(free_port)
APPPORT=$(free_port)
APP_PID=""
cleanup() {
  set +e
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; fi
  if [ -f "$PGDATA/postmaster.pid" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

log "PostgreSQL 15 cluster in $PGDATA on 127.0.0.1:$PGPORT${REUSE:+ (reused)}"
if [ -z "$REUSE" ]; then
  mkdir -p "$PGDATA"; chown postgres "$PGDATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust --no-sync >/dev/null
fi
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$WORK/pg.log" \
  -o "-h 127.0.0.1 -p $PGPORT -k $WORK -c max_connections=300 -c shared_buffers=1GB -c fsync=on -c synchronous_commit=on ${PG_OPTS:-}" start >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q)
[ -n "$REUSE" ] || "${PSQL[@]}" -d postgres -c "CREATE DATABASE openccs"
PSQL+=(-d openccs)

if [ -n "${APP_BIN:-}" ]; then
  DLL="$APP_BIN/OpenCcs.Web.dll"  # an earlier Release build kept aside, for before/after runs under the same load
  log "using $DLL"
else
  log "building OpenCCS (Release)"
  dotnet build "$ROOT/src/OpenCcs.Web" -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
  DLL=$(ls "$ROOT"/src/OpenCcs.Web/bin/Release/net*/OpenCcs.Web.dll | head -1)
fi

log "starting OpenCCS on 127.0.0.1:$APPPORT"
( cd "$(dirname "$DLL")" && exec env Database__Provider=Postgres \
    ConnectionStrings__Ccs="Host=127.0.0.1;Port=$PGPORT;Database=openccs;Username=postgres;$CONN_OPTS" \
    Demo__Seed=true ASPNETCORE_URLS="http://127.0.0.1:$APPPORT" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning ${APP_OPTS:-} dotnet "$DLL" >"$WORK/app.log" 2>&1 ) &
APP_PID=$!
BASE="http://127.0.0.1:$APPPORT"
for _ in $(seq 1 120); do
  curl -sf "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -sf "$BASE/health" >/dev/null || { echo "app did not become healthy" >&2; tail -50 "$WORK/app.log"; exit 1; }

TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"provider@demo.openccs.org","password":"OpenCcs-Demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
export TOKEN

if [ -z "$REUSE" ]; then
# A child with a CIN and an open case, and a physician of the provider's organisation paneled today.
read -r CHILD_CIN CHILD_DOB SAR_COUNTY < <("${PSQL[@]}" -At -F ' ' -c "
  SELECT c.\"Cin\", c.\"DateOfBirth\", c.\"CountyOfResidence\" FROM children c
  WHERE c.\"Cin\" IS NOT NULL AND EXISTS (SELECT 1 FROM cases k WHERE k.\"ChildId\" = c.\"Id\" AND k.\"Status\" = 'Open')
  ORDER BY c.\"Id\" LIMIT 1")
NPI=$("${PSQL[@]}" -At -c "
  SELECT p.\"Npi\" FROM providers p JOIN provider_organizations o ON o.\"Id\" = p.\"OrganizationId\"
  WHERE o.\"Name\" = 'Sunrise Pediatric Specialists' AND p.\"Type\" = 'Physician'
    AND EXISTS (SELECT 1 FROM provider_panel_periods pp WHERE pp.\"ProviderId\" = p.\"Id\"
                AND pp.\"From\" <= current_date AND (pp.\"To\" IS NULL OR pp.\"To\" >= current_date))
  ORDER BY p.\"Id\" LIMIT 1")
export CHILD_CIN CHILD_DOB NPI SAR_COUNTY
log "child $CHILD_CIN (county $SAR_COUNTY), physician NPI $NPI"

# One submission through the API is the template the bulk load copies (so every column holds what the app writes).
BODY=$(CHILD_CIN=$CHILD_CIN CHILD_DOB=$CHILD_DOB NPI=$NPI python3 -c '
import json,os
print(json.dumps({"formType":"EstablishedClient","clientId":os.environ["CHILD_CIN"],"dateOfBirth":os.environ["CHILD_DOB"],
 "requestingProviderNpi":os.environ["NPI"],"diagnosisCode":"Q21.0","lines":[{"codeSystem":"Cpt","code":"93306",
 "description":"Echocardiogram, complete","from":"2026-12-01","to":"2027-02-28","units":2,"frequency":"once a month"}]}))')
TEMPLATE=$(curl -sf -X POST "$BASE/api/v1/sars" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$BODY" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
curl -sf "$BASE/api/v1/sars/$TEMPLATE" -H "Authorization: Bearer $TOKEN" >/dev/null
log "template SAR $TEMPLATE"

"${PSQL[@]}" <<SQL
CREATE FUNCTION bench_luhn(body text) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$
  SELECT ((10 - sum(CASE WHEN (length(body) - i) % 2 = 0
                          THEN CASE WHEN d * 2 > 9 THEN d * 2 - 9 ELSE d * 2 END ELSE d END) % 10) % 10)::text
  FROM (SELECT i, substr(body, i, 1)::int AS d FROM generate_series(1, length(body)) AS i) AS digits \$\$;
CREATE FUNCTION bench_sar_number(county int, seq bigint) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$
  SELECT lpad(county::text, 2, '0') || lpad(seq::text, 8, '0') || bench_luhn(lpad(county::text, 2, '0') || lpad(seq::text, 8, '0')) \$\$;
SELECT bench_sar_number($SAR_COUNTY, right(left('$TEMPLATE', 10), 8)::bigint) = '$TEMPLATE' AS luhn_matches_app \gset
\if :luhn_matches_app
\else
  \echo 'bench_sar_number disagrees with the app' 
  SELECT 1/0;
\endif
SQL

SAR_BASE=$("${PSQL[@]}" -At -c "SELECT \"LastSequence\" FROM sar_number_counters WHERE \"CountyCode\" = $SAR_COUNTY")
export SAR_BASE SAR_N=$SARS
else
  export CHILD_CIN CHILD_DOB NPI SAR_COUNTY SAR_BASE SAR_N=$SARS
  log "reusing $BENCH_DB: template SAR $TEMPLATE, child $CHILD_CIN (county $SAR_COUNTY), bulk sequences $((SAR_BASE + 1))..$((SAR_BASE + SARS))"
fi
cols() { "${PSQL[@]}" -At -c "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name = '$1' AND column_name NOT IN ($2)"; }
SAR_COLS=$(cols sars "'Id','Number'")
LINE_COLS=$(cols sar_lines "'Id','SarId'")
TRANS_COLS=$(cols sar_transitions "'Id','SarId'")
prefixed() { echo "$1" | sed 's/\([^,]*\)/t.\1/g'; }

if [ -z "$REUSE" ]; then
log "bulk-loading $SARS SARs (county $SAR_COUNTY, sequences $((SAR_BASE + 1))..$((SAR_BASE + SARS)))"
T0=$(date +%s)
"${PSQL[@]}" <<SQL
BEGIN;
INSERT INTO sars ("Id","Number",$SAR_COLS)
  SELECT gen_random_uuid(), bench_sar_number($SAR_COUNTY, $SAR_BASE + g), $(prefixed "$SAR_COLS")
  FROM sars t, generate_series(1, $SARS) AS g WHERE t."Number" = '$TEMPLATE';
INSERT INTO sar_lines ("SarId",$LINE_COLS)
  SELECT s."Id", $(prefixed "$LINE_COLS")
  FROM sars s, sar_lines t JOIN sars ts ON ts."Id" = t."SarId" AND ts."Number" = '$TEMPLATE'
  WHERE s."County" = $SAR_COUNTY AND s."Number" > bench_sar_number($SAR_COUNTY, $SAR_BASE) AND s."Number" <> '$TEMPLATE';
INSERT INTO sar_transitions ("SarId",$TRANS_COLS)
  SELECT s."Id", $(prefixed "$TRANS_COLS")
  FROM sars s, sar_transitions t JOIN sars ts ON ts."Id" = t."SarId" AND ts."Number" = '$TEMPLATE'
  WHERE s."County" = $SAR_COUNTY AND s."Number" > bench_sar_number($SAR_COUNTY, $SAR_BASE) AND s."Number" <> '$TEMPLATE';
UPDATE sar_number_counters SET "LastSequence" = $SAR_BASE + $SARS, "Version" = "Version" + 1 WHERE "CountyCode" = $SAR_COUNTY;
COMMIT;
VACUUM ANALYZE sars; VACUUM ANALYZE sar_lines; VACUUM ANALYZE sar_transitions;
SQL
log "bulk load took $(( $(date +%s) - T0 )) s; sars now $("${PSQL[@]}" -At -c 'SELECT count(*) FROM sars')"
[ -z "${BENCH_DB:-}" ] || printf 'BENCH_SARS=%s\nTEMPLATE=%s\nCHILD_CIN=%s\nCHILD_DOB=%s\nNPI=%s\nSAR_COUNTY=%s\nSAR_BASE=%s\n' \
  "$SARS" "$TEMPLATE" "$CHILD_CIN" "$CHILD_DOB" "$NPI" "$SAR_COUNTY" "$SAR_BASE" >"$BENCH_DB/ready.env"
fi
SAMPLE=$("${PSQL[@]}" -At -c "SELECT bench_sar_number($SAR_COUNTY, $SAR_BASE + $SARS)")
curl -sf "$BASE/api/v1/sars/$SAMPLE" -H "Authorization: Bearer $TOKEN" >/dev/null || { echo "bulk SAR $SAMPLE not visible to the provider" >&2; exit 1; }

RESULTS="$WORK/results.txt"; : >"$RESULTS"
measures() { case " $MEASURE " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
# The machine may be shared: keep the load average next to the figures.
echo "load-before $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
# CPU time (ms) used so far by the app and by PostgreSQL's processes: per request it is a cost that a busy, shared
# machine changes much less than it changes requests per second. A backend that exits during the run takes its CPU
# time with it (the pool closes idle connections), so PostgreSQL's figure is a lower bound, or n/a if it went down.
cpu_ms() { local tck; tck=$(getconf CLK_TCK); awk -v t="$tck" '{ s += $14 + $15 } END { printf "%d", s * 1000 / t }' "$@" 2>/dev/null || echo 0; }
app_cpu() { cpu_ms "/proc/$APP_PID/stat"; }
pg_cpu() { cpu_ms $(pgrep -u postgres -x postgres | sed 's|.*|/proc/&/stat|'); }
run_wrk() { # name script clients
  local out a0 p0 n
  a0=$(app_cpu); p0=$(pg_cpu)
  out=$(wrk -t2 -c"$3" -d"${DURATION}s" --timeout 5s -s "$2" "$BASE" 2>&1 | tee -a "$WORK/wrk.log" | grep '^RESULT' || true)
  n=$(echo "$out" | sed -n 's/.*requests=\([0-9]*\).*/\1/p'); n=${n:-0}
  echo "$1 c=$3 ${out#RESULT } app_cpu_ms_per_req=$(awk -v d=$(( $(app_cpu) - a0 )) -v n="$n" 'BEGIN { printf "%.2f", n ? d / n : 0 }') pg_cpu_ms_per_req=$(awk -v d=$(( $(pg_cpu) - p0 )) -v n="$n" 'BEGIN { if (d < 0) print "n/a"; else printf "%.2f", n ? d / n : 0 }') load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS"
}
# Warm-up: under load the runtime keeps recompiling hot methods (tiered, profile-guided) for about 20 s; measured
# before that, a look-up costs the app twice the CPU (1.2 ms in the first 10 s at 64 clients, 0.5 ms from 20 s on).
WARMUP=${WARMUP:-20}
log "warm-up (${WARMUP} s of look-ups, then ${WARMUP} s of submissions before those are measured)"
wrk -t2 -c64 -d"${WARMUP}s" -s "$BENCH_DIR/lookup.lua" "$BASE" >/dev/null 2>&1
if measures lookup; then for c in $CLIENTS; do run_wrk lookup "$BENCH_DIR/lookup.lua" "$c"; done; fi
if measures health; then run_wrk health "$BENCH_DIR/health.lua" 16; fi
measures submit && wrk -t2 -c64 -d"${WARMUP}s" -s "$BENCH_DIR/submit.lua" "$BASE" >/dev/null 2>&1
xacts() { "${PSQL[@]}" -At -F ' ' -c "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = 'openccs'"; }
for c in $CLIENTS; do
  measures submit || break
  read -r c0 r0 < <(xacts); s0=$("${PSQL[@]}" -At -c "SELECT \"LastSequence\" FROM sar_number_counters WHERE \"CountyCode\" = $SAR_COUNTY")
  run_wrk submit "$BENCH_DIR/submit.lua" "$c"
  sleep 1; read -r c1 r1 < <(xacts); s1=$("${PSQL[@]}" -At -c "SELECT \"LastSequence\" FROM sar_number_counters WHERE \"CountyCode\" = $SAR_COUNTY")
  # PostgreSQL's statistics: committed and rolled-back transactions during the run (a lost optimistic counter race rolls back).
  echo "submit-db c=$c sars_created=$((s1 - s0)) xact_commit=$((c1 - c0)) xact_rollback=$((r1 - r0))" | tee -a "$RESULTS"
done

# The floor: the rows one submission writes, in one transaction, straight to PostgreSQL.
AUDIT_COLS=$(cols audit_events "'Id'")
cat >"$WORK/submit.sql" <<SQL
BEGIN;
UPDATE sar_number_counters SET "LastSequence" = "LastSequence" + 1, "Version" = "Version" + 1 WHERE "CountyCode" = $SAR_COUNTY RETURNING "LastSequence" AS seq \gset
INSERT INTO sars ("Id","Number",$SAR_COLS) SELECT gen_random_uuid(), bench_sar_number($SAR_COUNTY, :seq), $(prefixed "$SAR_COLS") FROM sars t WHERE t."Number" = '$TEMPLATE';
INSERT INTO sar_lines ("SarId",$LINE_COLS) SELECT s."Id", $(prefixed "$LINE_COLS") FROM sars s, sar_lines t JOIN sars ts ON ts."Id" = t."SarId" AND ts."Number" = '$TEMPLATE' WHERE s."Number" = bench_sar_number($SAR_COUNTY, :seq);
INSERT INTO sar_transitions ("SarId",$TRANS_COLS) SELECT s."Id", $(prefixed "$TRANS_COLS") FROM sars s, sar_transitions t JOIN sars ts ON ts."Id" = t."SarId" AND ts."Number" = '$TEMPLATE' WHERE s."Number" = bench_sar_number($SAR_COUNTY, :seq);
INSERT INTO audit_events ($AUDIT_COLS) SELECT $(prefixed "$AUDIT_COLS") FROM audit_events t WHERE t."RecordType" = 'Sar' AND t."Action" = 'Create' ORDER BY t."Id" LIMIT 1;
COMMIT;
SQL
for c in $CLIENTS; do
  measures pgbench || break
  out=$(runuser -u postgres -- pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M prepared -c "$c" -j 2 -T "$DURATION" -r -f "$WORK/submit.sql" openccs 2>&1 | tee -a "$WORK/pgbench.log")
  tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  lat=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
  failed=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
  echo "pgbench c=$c tps=$tps latency_avg_ms=$lat failed=${failed:-0}" | tee -a "$RESULTS"
done

"${PSQL[@]}" -At -c "SELECT 'app audit_events rows: ' || count(*) FROM audit_events" | tee -a "$RESULTS"
echo "load-after $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
echo "--- N=$SARS duration=${DURATION}s"
cat "$RESULTS"
if [ -n "${RESULTS_OUT:-}" ]; then
  cp "$RESULTS" "$RESULTS_OUT"; cp "$WORK/app.log" "$RESULTS_OUT.app.log"
  [ ! -f "$WORK/wrk.log" ] || cp "$WORK/wrk.log" "$RESULTS_OUT.wrk.log"
  [ ! -f "$WORK/pgbench.log" ] || cp "$WORK/pgbench.log" "$RESULTS_OUT.pgbench.log"
fi
