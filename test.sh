#!/usr/bin/env bash
# Builds OpenCCS once and runs every test project under tests/.
#
# Installs what the tests need from Debian when it is missing (PostgreSQL server binaries for the
# throwaway test cluster, Chromium for the browser tests), builds the solution in Release, runs each
# *.Tests.csproj with a TRX logger, and sums the TRX counters. The last line printed is always
# "N passed, N failed"; the exit code is 0 only when nothing failed.
#
# Environment:
#   CI=true                 skipped tests count as failures
#   TEST_RESULTS_DIR        where TRX files and logs go (default: TestResults/ in the repo)
#   TEST_PROJECT_TIMEOUT    seconds one test project may run before it is killed (default 900)
#   TEST_FILTER             passed to dotnet test --filter when set
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
root=$PWD

export CI="${CI:-}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

results_dir="${TEST_RESULTS_DIR:-$root/TestResults}"
project_timeout="${TEST_PROJECT_TIMEOUT:-900}"

is_ci() {
    case "${CI,,}" in
        true | 1 | yes) return 0 ;;
        *) return 1 ;;
    esac
}

# The summary line is what CI reads; print it whatever happens before the tests run.
finish() {
    local passed=$1 failed=$2
    echo "$passed passed, $failed failed"
    if ((failed == 0)); then exit 0; else exit 1; fi
}

# ---------------------------------------------------------------------------------------------
# 1. System packages
# ---------------------------------------------------------------------------------------------
missing=()
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql)
fi
if [[ ! -x /usr/bin/chromium ]]; then
    missing+=(chromium)
fi
# Chromium only recommends a font with Arial/Helvetica metrics; pages and screenshots need one.
if [[ ! -d /usr/share/fonts/truetype/liberation ]]; then
    missing+=(fonts-liberation)
fi

if ((${#missing[@]} > 0)); then
    install_command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Run as root (or with sudo), then run ./test.sh again:" >&2
        echo "  $install_command" >&2
        exit 1
    fi
    echo "Installing system packages: ${missing[*]}"
    install_started=$SECONDS
    mkdir -p "$results_dir"
    apt_log="$results_dir/apt-install.log"
    if ! { apt-get update \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            -o DPkg::Lock::Timeout=300 "${missing[@]}"; } >"$apt_log" 2>&1 </dev/null; then
        tail -n 40 "$apt_log" >&2
        echo "Installing ${missing[*]} failed (full log: $apt_log)." >&2
        finish 0 1
    fi
    # Debian starts a cluster on port 5432 when it installs the server; the tests start their own.
    if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v service >/dev/null; then
        service postgresql stop >/dev/null 2>&1 || true
    fi
    echo "Installed in $((SECONDS - install_started)) s."
fi

if ! command -v dotnet >/dev/null; then
    echo "The .NET SDK (dotnet) is not on PATH; install the SDK named in global.json." >&2
    finish 0 1
fi

# ---------------------------------------------------------------------------------------------
# 2. Build once
# ---------------------------------------------------------------------------------------------
echo "Building OpenCcs.sln (Release)..."
build_started=$SECONDS
# No node reuse: nothing from the build may outlive this script.
if ! dotnet build OpenCcs.sln -c Release -nodeReuse:false </dev/null; then
    echo "Build failed after $((SECONDS - build_started)) s."
    dotnet build-server shutdown >/dev/null 2>&1 || true
    finish 0 1
fi
echo "Build took $((SECONDS - build_started)) s."
# The compiler server is not needed for the tests; give its memory back.
dotnet build-server shutdown >/dev/null 2>&1 || true

# ---------------------------------------------------------------------------------------------
# 3. Test projects, one after the other (2 cores; integration and browser tests are heavy)
# ---------------------------------------------------------------------------------------------
mapfile -t projects < <(find tests -name '*.Tests.csproj' -type f | LC_ALL=C sort)
if ((${#projects[@]} == 0)); then
    echo "No *.Tests.csproj under tests/."
    finish 0 1
fi

mkdir -p "$results_dir"
declare -A exit_codes=() durations=()
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    rm -f "$results_dir/$name.trx" "$results_dir/$name.log"
    echo
    echo "=== $name ==="
    args=(test "$project" -c Release --no-build
        --logger "trx;LogFileName=$name.trx" --results-directory "$results_dir")
    if [[ -n "${TEST_FILTER:-}" ]]; then
        args+=(--filter "$TEST_FILTER")
    fi
    started=$SECONDS
    set +e
    timeout --kill-after=30 "$project_timeout" dotnet "${args[@]}" </dev/null 2>&1 | tee "$results_dir/$name.log"
    exit_codes[$name]=${PIPESTATUS[0]}
    set -e
    durations[$name]=$((SECONDS - started))
done

# ---------------------------------------------------------------------------------------------
# 4. Sum the TRX counters
# ---------------------------------------------------------------------------------------------
# Value of one attribute of the <Counters .../> element, 0 when absent.
counter() {
    local value
    value=$(sed -n "s/.* $1=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$2")
    echo "${value:-0}"
}

total_passed=0
total_failed=0
echo
echo "Test results ($results_dir):"
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    trx="$results_dir/$name.trx"
    code=${exit_codes[$name]}
    log="$results_dir/$name.log"
    if ((code == 124 || code == 137)); then
        ended="was killed after ${project_timeout} s (TEST_PROJECT_TIMEOUT)"
    else
        ended="exited with code $code"
    fi
    counters=""
    if [[ -f "$trx" ]]; then
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    fi
    if [[ -z "$counters" ]]; then
        echo "  $name: 0 passed, 1 failed, 0 skipped (${durations[$name]} s)"
        echo "      no test results: dotnet test $ended without writing a TRX; counted as 1 failed (log: $log)"
        total_failed=$((total_failed + 1))
        continue
    fi

    total=$(counter total "$counters")
    passed=$(counter passed "$counters")
    failed=$(($(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
    # xunit's skipped tests are in total but not in executed (notExecuted stays 0).
    skipped=$((total - passed - failed))
    ((skipped < 0)) && skipped=0

    notes=()
    if ((code != 0 && failed == 0)); then
        # A crashed test host or an aborted run leaves a TRX with no failure in it.
        notes+=("dotnet test $ended although its TRX reports no failure (test host crash or aborted run?); counted as 1 failed (log: $log)")
        failed=1
    fi
    if ((total == 0 && code == 0)); then
        notes+=("no tests ran")
    fi

    echo "  $name: $passed passed, $failed failed, $skipped skipped (${durations[$name]} s)"
    grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>' "$trx" \
        | sed -n 's/.* testName="\([^"]*\)".*/      failed: \1/p' || true
    if ((skipped > 0)) && is_ci; then
        notes+=("CI=true: its $skipped skipped test(s) count as failed (CI runs every test; a skip hides a missing dependency)")
        failed=$((failed + skipped))
    fi
    for note in "${notes[@]}"; do
        echo "      $note"
    done

    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
done

finish "$total_passed" "$total_failed"
