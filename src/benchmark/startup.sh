#!/usr/bin/env bash
# Start time and memory of the embedded run (Payara Micro + H2 + demo data) started as src/run.sh starts it, as
# README states them: a first start in an empty data folder, then RESTARTS restarts on its data (default 3).
# Needs a built module (mvn package). Uses a throw-away data folder and port 8182.
#
#   src/benchmark/startup.sh [RESTARTS]
#   CRM_CLASS_SHARING=false src/benchmark/startup.sh   # without the class-data sharing archive, to compare
#   CRM_BENCH_WAR=/path/to/other/crm-micro.war src/benchmark/startup.sh   # another build of the WAR
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/build.sh
war=${CRM_BENCH_WAR:-$war}
restarts=${1:-3}
data=$(mktemp -d)
port=8182
micro_pid=
trap '[ -z "$micro_pid" ] || kill $micro_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT

# start_once ID LABEL: starts the server, waits until the login page answers, makes 20 logged-in calls (so the memory
# figure is that of a used server, not an idle one), stops it and reports.
start_once() {
    local start ready rss stop
    start=$(date +%s%N)
    micro_with_archive "$data/class-sharing"
    CRM_DEMO=true CRM_DATA_DIR=$data java -Xmx768m -XX:+UseParallelGC "${micro_java[@]}" --nohazelcast --port $port \
        --contextroot crm --deploy "$war" --prebootcommandfile src/payara/pre-boot-commands.asadmin \
        > "$data/$1.log" 2>&1 &
    micro_pid=$!
    until curl -sf -o /dev/null http://localhost:$port/crm/login.xhtml; do
        kill -0 $micro_pid 2>/dev/null || { echo "Payara Micro ended; its log:" >&2; tail -20 "$data/$1.log" >&2; exit 1; }
        sleep 0.1
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    for _ in $(seq 1 20); do
        curl -sf -o /dev/null -u ana:ana http://localhost:$port/crm/api/v1/funnel \
            || { echo "a logged-in call failed; the log:" >&2; tail -20 "$data/$1.log" >&2; exit 1; }
    done
    rss=$(( $(ps -o rss= -p $micro_pid) / 1024 ))
    start=$(date +%s%N)
    kill $micro_pid; wait $micro_pid 2>/dev/null || true
    micro_pid=
    stop=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "$2: ready in ${ready} ms, RSS ${rss} MB, stopped in ${stop} ms"
}

start_once first "first start (schema and demo data created)"
for i in $(seq 1 "$restarts"); do start_once "restart-$i" "restart $i (existing data)"; done
