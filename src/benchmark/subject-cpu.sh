#!/usr/bin/env bash
# The server's CPU time per request of the subject page's part of the load mix, one user (seller1) after warm-up:
# open a subject, add an activity, complete it (and, on a build whose "done" button posts back, open its dialog
# first). Each round takes another open subject of seller2's, so no subject piles activities up. Runs on the data set
# of load.sh / run.sh as they left crm_bench; start it with nothing else running. CRM_BENCH_WAR=... measures another
# build (a copy of an earlier one, for before/after).
#
#   src/benchmark/subject-cpu.sh [ROUNDS]     (40 rounds of warm-up, then 40 measured)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/benchmark/server.sh
rounds=${1:-40}
subjects=($(psql -h 127.0.0.1 -U $bench_db -Atc "select s.id from crm_subject s join crm_user u
    on u.id = s.responsible_id where u.username = 'seller2' and not s.archived and s.outcome is null
    order by random() limit $(( 2 * rounds ))" $bench_db))
trap bench_stop EXIT
bench_start 512m
jar=$(mktemp)
bench_login "$jar"

ajax() {
    bench_ajax "$jar" "$page" "$@"
}
declare -A cpu
# Round $1, on the subject of that index; the CPU of each step is added to cpu[step].
round() {
    page="$bench_url/subject/view.xhtml?id=${subjects[$1]}"
    local start answer activity version done_id
    start=$(cpu_ms)
    bench_page_state "$(curl -s -b "$jar" "$page")"
    cpu[open]=$(( ${cpu[open]:-0} + $(cpu_ms) - start ))
    start=$(cpu_ms)
    answer=$(ajax activities:saveActivity activities:activityForm "activities timeline" activities \
        --data-urlencode "activities:kind_input=CALL" --data-urlencode "activities:description=Retornar (medida)" \
        --data-urlencode "activities:dueAt_input=$(date -d tomorrow +%d/%m/%Y) 10:00" \
        --data-urlencode "activities:activityResponsible_input=seller1")
    cpu[add]=$(( ${cpu[add]:-0} + $(cpu_ms) - start ))
    local fields=()
    activity=$(grep -o 'data-activity="[0-9]*"' <<< "$answer" | head -1 | grep -o '[0-9]*' || true)
    if [ -n "$activity" ]; then
        version=$(grep -o 'data-activity="[0-9]*"[^>]*data-version="[0-9]*"' <<< "$answer" | head -1 \
            | sed 's/.*data-version="//; s/"//')
        fields=(--data-urlencode "doneForm:activity=$activity" --data-urlencode "doneForm:version=$version")
    else
        done_id=$(grep -o 'id="activities:list:[0-9]*:done"' <<< "$answer" | head -1 | sed 's/id="//; s/"//')
        [ -n "$done_id" ] || { echo "no activity to complete: ${answer:0:300}" >&2; exit 1; }
        start=$(cpu_ms)
        ajax "$done_id" "$done_id" doneForm activities > /dev/null
        cpu[dialog]=$(( ${cpu[dialog]:-0} + $(cpu_ms) - start ))
    fi
    start=$(cpu_ms)
    answer=$(ajax doneForm:confirmDone doneForm "activities timeline" doneForm \
        --data-urlencode "doneForm:result=Feito" "${fields[@]}")
    cpu[complete]=$(( ${cpu[complete]:-0} + $(cpu_ms) - start ))
    if grep -q "<error>" <<< "$answer"; then
        echo "the completion failed: ${answer:0:300}" >&2
        exit 1
    fi
}
bench_measure "$rounds" open add dialog complete
