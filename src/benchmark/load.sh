#!/usr/bin/env bash
# Many users at once: a sales floor of N logged-in users (Gatling, src/benchmark/load) on the large data set, the
# floor under the funnel page, and 1,000 sessions in the heap. Prints the tables that BENCHMARKS.md keeps. Needs a
# built module (mvn package), PostgreSQL at 127.0.0.1:5432 with trust authentication for the postgres role, root
# (to read its log), pgbench and Maven online once (Gatling's libraries). Not part of CI: it runs about 35 minutes.
#
#   src/benchmark/load.sh
#
# CRM_LOAD_KEEP_DATA=true   use crm_bench as the last run left it (no new data set: saves about three minutes)
# CRM_LOAD_USERS="10 50 200" the floor's sizes, one run each
# CRM_LOAD_DURATION=120     seconds each user works after its login
# CRM_LOAD_SESSIONS=1000    sessions kept for the memory run (0: none)
# CRM_LOAD_HEAP=512m        the server's heap
# CRM_LOAD_JFR=true         record the 50-user run with Flight Recorder and print where the time went
# CRM_LOAD_WARMUP=300       seconds of 25 users before the measured runs: on two cores the JIT compilers take a
#                           quarter of the server's CPU and more for minutes after a start (each run says how much)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/benchmark/server.sh

users=${CRM_LOAD_USERS:-10 50 200}
duration=${CRM_LOAD_DURATION:-120}
sessions=${CRM_LOAD_SESSIONS:-1000}
heap=${CRM_LOAD_HEAP:-512m}
out=crm-ear/target/load
mkdir -p $out
trap bench_stop EXIT

if [ "${CRM_LOAD_KEEP_DATA:-false}" != true ]; then
    bench_database
    bench_start 768m
    bench_load
    bench_stop
fi

gatling() {
    mvn -f src/benchmark/load/pom.xml -B -ntp -q gatling:test -Dbase="$bench_url" -Dcrm.load.description="$1" \
        "${@:2}" > $out/gatling.log 2>&1 || echo "(Gatling reports failed requests or assertions: see the table)"
    gatling_run=$(ls -td src/benchmark/load/target/gatling/*/ | head -1)
}
# CPU time of PostgreSQL so far, in milliseconds: its live processes and what its postmaster collected from the
# ended ones (parallel workers live for one query, so sampling them would miss most of their time).
pg_cpu_ms() {
    local postmaster ticks
    postmaster=$(pgrep -o -x postgres)
    ticks=$(for p in $(pgrep -x postgres); do cat /proc/$p/stat 2>/dev/null; done | awk -v pm="$postmaster" \
        '{ pid = $1; sub(/^.*\) /, ""); t += $12 + $13; if (pid == pm) t += $14 + $15 } END { print t + 0 }')
    echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}
# The server's heap in use after a full collection, in MB.
heap_mb() {
    jcmd $bench_micro GC.run > /dev/null
    sleep 2
    # jstat's columns S0U, S1U, EU and OU (KB): the same for every collector.
    jstat -gc $bench_micro | awk 'NR == 2 {print int(($3 + $4 + $6 + $8) / 1024)}'
}

echo "## The floor (one user, sequential calls)"
psql -h 127.0.0.1 -U postgres -q -c "alter role $bench_db set log_statement = 'all'"
bench_start "$heap"
java src/benchmark/CrmBenchmark.java --floor "$bench_url" seller1 bench "$bench_pglog" $bench_db $out/funnel.sql
psql -h 127.0.0.1 -U postgres -q -c "alter role $bench_db reset log_statement"
echo "The funnel render's SQL straight in PostgreSQL (pgbench, 300 times, one client):"
pgbench -h 127.0.0.1 -U $bench_db -n -f $out/funnel.sql -t 300 $bench_db 2>&1 | grep -E "latency average|tps"
bench_stop

echo
echo "## A sales floor (-Xmx$heap, $duration s each user, think time 0.5-1.5 s between steps)"
bench_start "$heap"
gatling warm-up -Dusers=25 -Dramp=10 -Dduration="${CRM_LOAD_WARMUP:-300}"
for n in $users; do
    ramp=$(( n / 5 > 10 ? n / 5 : 10 ))
    jfr=
    if [ "${CRM_LOAD_JFR:-false}" = true ] && [ "$n" = 50 ]; then
        jcmd $bench_micro JFR.start name=load settings=profile filename=$PWD/$out/load-50.jfr > /dev/null
        jfr=yes
    fi
    start=$(cpu_ms)
    jit=$(jit_ms)
    pg_start=$(pg_cpu_ms)
    gatling "$n users" -Dusers="$n" -Dramp=$ramp -Dduration="$duration"
    cpu=$(( $(cpu_ms) - start ))
    jit=$(( $(jit_ms) - jit ))
    pg_cpu=$(( $(pg_cpu_ms) - pg_start ))
    [ -n "$jfr" ] && jcmd $bench_micro JFR.stop name=load > /dev/null
    echo
    echo "### $n users (ramp $ramp s)"
    java src/benchmark/LoadReport.java "$gatling_run" "$cpu" "$(heap_mb)" "$pg_cpu"
    echo "Of the server's CPU in this run, the JIT compilers took $jit ms ($(( jit * 100 / (cpu > 0 ? cpu : 1) )) %)."
    [ -n "$jfr" ] && java src/benchmark/Profile.java $out/load-50.jfr
done

if [ "$sessions" -gt 0 ]; then
    echo
    echo "## $sessions sessions in -Xmx$heap"
    before=$(heap_mb)
    gatling "$sessions sessions" -Dmode=sessions -Dusers="$sessions" -Dramp=$(( sessions / 4 )) -Dduration=0
    after=$(heap_mb)
    echo "Heap after a full GC: $before MB before, $after MB with $sessions more sessions" \
         "($(( (after - before) * 1024 / sessions )) KB per session); out of memory: $(grep -c OutOfMemoryError $bench_log || true)"
    java src/benchmark/LoadReport.java "$gatling_run" 0 "$after"
    # What the sessions hold, by class (the largest 25), for the record.
    jcmd $bench_micro GC.class_histogram | head -28 > $out/sessions-histogram.txt
    echo "The heap's largest classes with the sessions: $out/sessions-histogram.txt"
    start=$(cpu_ms)
    jit=$(jit_ms)
    pg_start=$(pg_cpu_ms)
    gatling "50 users beside $sessions sessions" -Dusers=50 -Dramp=10 -Dduration="$duration"
    cpu=$(( $(cpu_ms) - start ))
    jit=$(( $(jit_ms) - jit ))
    pg_cpu=$(( $(pg_cpu_ms) - pg_start ))
    echo
    echo "### 50 users while the $sessions sessions are kept"
    java src/benchmark/LoadReport.java "$gatling_run" "$cpu" "$(heap_mb)" "$pg_cpu"
    echo "Of the server's CPU in this run, the JIT compilers took $jit ms ($(( jit * 100 / (cpu > 0 ? cpu : 1) )) %)."
fi
bench_machine
