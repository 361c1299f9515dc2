#!/usr/bin/env bash
# The server's CPU time per GET of one page, one user (seller1) after warm-up: the cost of a render without the
# noise of a loaded machine's latencies. Runs on the data set of load.sh / run.sh as they left crm_bench; start it
# with nothing else running. CRM_BENCH_WAR=... measures another build (a copy of an earlier one, for before/after).
#
#   src/benchmark/page-cpu.sh [PAGE...]     (index.xhtml; each page, in turn: four rounds, the last ones count)
#
# CRM_PAGE_GETS=300    GETs per round
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/benchmark/server.sh
pages=("${@:-index.xhtml}")
gets=${CRM_PAGE_GETS:-300}
trap bench_stop EXIT
bench_start 512m

jar=$(mktemp)
login_page=$(curl -s -c "$jar" -b "$jar" "$bench_url/login.xhtml")
view_state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<< "$login_page" | head -1 | sed 's/.*value="//; s/"$//')
nonce=$(grep -o "PrimeFaces\.csp\.init('[^']*')" <<< "$login_page" | head -1 | sed "s/.*init('//; s/')//")
curl -s -o /dev/null -c "$jar" -b "$jar" -L "$bench_url/login.xhtml" --data-urlencode "login=login" \
    --data-urlencode "login:username=seller1" --data-urlencode "login:password=bench" --data-urlencode "login:submit=" \
    --data-urlencode "next=" --data-urlencode "jakarta.faces.ViewState=$view_state" --data-urlencode "primefaces.nonce=$nonce"
if curl -s -b "$jar" "$bench_url/${pages[0]}" | grep -q 'id="login"'; then
    echo "the login as seller1 failed (load the data set first: load.sh or run.sh)" >&2
    exit 1
fi
for page in "${pages[@]}"; do
    for round in 1 2 3 4; do
        start=$(cpu_ms)
        for _ in $(seq 1 "$gets"); do
            curl -s -o /dev/null -b "$jar" -H 'Accept-Encoding: gzip' "$bench_url/$page"
        done
        echo "$page, round $round: $(( ($(cpu_ms) - start) * 1000 / gets )) µs of server CPU per GET ($gets GETs)"
    done
done
