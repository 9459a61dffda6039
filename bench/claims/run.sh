#!/usr/bin/env bash
# Claim check benchmark: generates an 837P of LINES service lines (default 1,000,000) with the matching SARs in a
# SQLite database, then times, on the same file, one after the other:
#   1. cat FILE > /dev/null                       the floor (reading the bytes, page cache warm)
#   2. ccs claims check FILE (Release build)       ours, end to end: read, map, load facts from the DB, check, report
#   3. OpenCcs.Bench.Claims read FILE              our reader alone: parse and map to ClaimToCheck, no DB, no rules
#   4. node bench/claims/node/parse.js FILE        the peer: node-x12 (npm) streaming parser, parse and count only
# each under /usr/bin/time -v (wall time, user/sys CPU, maximum resident set size), with the load average
# before each run (the machine may be shared). Results go to stdout and, with RESULTS_OUT, to a file.
#
# Environment: LINES (default 1000000), RUNS (default 3, best wall time kept), FORMAT (ccs --format, default text),
# WORK (folder for the file and database; default a temporary one, deleted at the end unless KEEP=1),
# RESULTS_OUT (also write the results table there), BASELINE_CCS (an older ccs.dll to measure in the same run).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD
lines="${LINES:-1000000}"
runs="${RUNS:-3}"
format="${FORMAT:-text}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ -n "${WORK:-}" ]]; then
    work="$WORK"
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/openccs-claims-bench.XXXXXX)
    if [[ "${KEEP:-}" != 1 ]]; then
        trap 'rm -rf "$work"' EXIT
    fi
fi

echo "== build (Release)"
dotnet build src/OpenCcs.Cli -c Release -nodeReuse:false -v q -clp:ErrorsOnly
dotnet build bench/claims -c Release -nodeReuse:false -v q -clp:ErrorsOnly
ccs="$root/src/OpenCcs.Cli/bin/Release/net10.0/ccs.dll"
generator="$root/bench/claims/bin/Release/net10.0/OpenCcs.Bench.Claims.dll"
if [[ ! -d bench/claims/node/node_modules/node-x12 ]]; then
    (cd bench/claims/node && npm install --no-audit --no-fund --silent)
fi

file="$work/claims-$lines.837"
db="$work/claims-$lines.db"
if [[ ! -f "$file" || ! -f "$db" ]]; then
    echo "== generate $lines lines and their SARs"
    rm -f "$file" "$db" "$db"-*
    dotnet "$generator" generate --lines "$lines" --out "$file" --connection "Data Source=$db"
fi
bytes=$(stat -c %s "$file")

# Runs a command RUNS times under /usr/bin/time -v; keeps the fastest. Prints "wall user sys rss_kb load".
measure() {
    local best="" out
    for ((i = 1; i <= runs; i++)); do
        local load
        load=$(cut -d' ' -f1 /proc/loadavg)
        out=$(/usr/bin/time -v "$@" 2>&1 >/dev/null | tail -n 30) || true
        local wall user sys rss
        wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$out" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
        user=$(sed -n 's/.*User time (seconds): //p' <<<"$out")
        sys=$(sed -n 's/.*System time (seconds): //p' <<<"$out")
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$out")
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best="$wall $user $sys $rss $load"
        fi
    done
    echo "$best"
}

cat "$file" >/dev/null # page cache warm for everyone
echo "== measure ($runs runs each, best wall time kept)"
floor=$(measure cat "$file")
ours=$(measure env OPENCCS_CLAIMS_STATS=1 dotnet "$ccs" claims check "$file" --format "$format" --connection "Data Source=$db")
reader=$(measure dotnet "$generator" read "$file")
# BASELINE_CCS=/path/to/an/older/ccs.dll measures that build too, in the same run, for before/after figures.
if [[ -n "${BASELINE_CCS:-}" ]]; then
    baseline=$(measure dotnet "$BASELINE_CCS" claims check "$file" --format "$format" --connection "Data Source=$db")
fi
peer=$(measure node bench/claims/node/parse.js "$file")
stats=$(OPENCCS_CLAIMS_STATS=1 dotnet "$ccs" claims check "$file" --format "$format" --connection "Data Source=$db" 2>&1 >/dev/null | grep '^stats:' || true)
reader_out=$(dotnet "$generator" read "$file")
peer_out=$(node bench/claims/node/parse.js "$file")

row() {
    local name=$1 wall user sys rss load
    read -r wall user sys rss load <<<"$2"
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v l="$load" -v lines="$lines" -v floor="${floor%% *}" -v ours="${ours%% *}" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.2f | %.0f | %s | %.0f | %.1f× | %.2f× |\n", n, w, u, s, r / 1024, l, lines / w, w / floor, w / ours }'
}

results=$(
    echo "Claim check benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'): $lines service lines, $bytes bytes, --format $format"
    echo "Machine: nproc $(nproc), $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM; uptime: $(uptime | sed 's/^ *//')"
    echo
    echo "| command | wall s | user s | sys s | max RSS MB | load avg (1 min) before | lines/s | × cat | × ours |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    row '`cat FILE > /dev/null` (floor)' "$floor"
    row '`ccs claims check FILE` (ours)' "$ours"
    if [[ -n "${baseline:-}" ]]; then
        row '`ccs claims check FILE` (baseline build, `BASELINE_CCS`)' "$baseline"
    fi
    row '`OpenCcs.Bench.Claims read FILE` (our reader alone)' "$reader"
    row '`node parse.js FILE` (node-x12 stream)' "$peer"
    echo
    echo "ccs $stats"
    echo "$reader_out"
    echo "$peer_out"
)
echo "$results"
if [[ -n "${RESULTS_OUT:-}" ]]; then
    echo "$results" >"$RESULTS_OUT"
fi
