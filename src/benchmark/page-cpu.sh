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
bench_login "$jar"
for page in "${pages[@]}"; do
    for round in 1 2 3 4; do
        start=$(cpu_ms)
        jit=$(jit_ms)
        for _ in $(seq 1 "$gets"); do
            curl -s -o /dev/null -b "$jar" -H 'Accept-Encoding: gzip' "$bench_url/$page"
        done
        cpu=$(( $(cpu_ms) - start ))
        jit=$(( $(jit_ms) - jit ))
        echo "$page, round $round: $(( cpu * 1000 / gets )) µs of server CPU per GET ($gets GETs), of which the JIT" \
             "compilers $(( jit * 1000 / gets )) µs: $(( (cpu - jit) * 1000 / gets )) µs without them"
    done
done
