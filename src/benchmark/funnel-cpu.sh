#!/usr/bin/env bash
# The server's CPU time per request of the funnel's part of the load mix, one user (seller1) after warm-up: open the
# funnel, show the first column's next page, drop that column's newest card on the second column (the requests and
# render ids the page sends). Runs on the data set of load.sh / run.sh as they left crm_bench (each round moves a
# card); start it with nothing else running. CRM_BENCH_WAR=... measures another build (a copy of an earlier one).
#
#   src/benchmark/funnel-cpu.sh [ROUNDS]     (ROUNDS of warm-up, then ROUNDS measured; 40 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/benchmark/server.sh
rounds=${1:-40}
trap bench_stop EXIT
bench_start 512m
jar=$(mktemp)
bench_login "$jar"
page="$bench_url/index.xhtml"

declare -A cpu
step() {
    local name=$1 start answer
    shift
    start=$(cpu_ms)
    answer=$(bench_ajax "$jar" "$page" "$@")
    cpu[$name]=$(( ${cpu[$name]:-0} + $(cpu_ms) - start ))
    if ! grep -q "<update" <<< "$answer" || grep -q "<error>" <<< "$answer"; then
        echo "$name failed: ${answer:0:300}" >&2
        exit 1
    fi
}
round() {
    local start board drop card stages
    start=$(cpu_ms)
    board=$(curl -s -b "$jar" "$page")
    cpu[open]=$(( ${cpu[open]:-0} + $(cpu_ms) - start ))
    bench_page_state "$board"
    drop=$(grep -o 'crmDrop = function() {return PrimeFaces\.ab({s:"[^"]*"' <<< "$board" | sed 's/.*s:"//; s/"$//')
    # The first card of the page is the first column's newest; the sections' stages are the columns in order.
    card=($(grep -m1 -o 'data-subject="[0-9]*" data-version="[0-9]*"' <<< "$board" | grep -o '[0-9]*'))
    stages=($(grep -o '<section id="board:columns:[0-9]*:column" data-stage="[0-9]*"' <<< "$board" \
        | sed 's/.*data-stage="//; s/"//'))
    step "next page" board:columns:0:more board:columns:0:more board:columns:0:column board
    step move "$drop" "$drop" "board:columns:0:column board:columns:1:column board:figures moveForm" board \
        --data-urlencode "subject=${card[0]}" --data-urlencode "version=${card[1]}" --data-urlencode "stage=${stages[1]}"
}
bench_measure "$rounds" open "next page" move
