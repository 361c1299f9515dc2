# The benchmarks' server, sourced by run.sh and load.sh: a PostgreSQL database crm_bench (PostgreSQL at
# 127.0.0.1:5432, trust authentication for the postgres role) with the large data set of generate.sql, and Payara
# Micro on it started as src/run.sh starts it, on port 8181. Needs a built module (mvn package); CRM_BENCH_WAR and
# CRM_BENCH_PREBOOT measure another build (a copy of an earlier one, for figures before and after a change).
bench_db=crm_bench
bench_port=${CRM_BENCH_PORT:-8181}
bench_url=http://localhost:$bench_port/crm
bench_log=crm-ear/target/benchmark-micro.log
bench_war=${CRM_BENCH_WAR:-crm-ear/target/crm-micro.war}
bench_preboot=${CRM_BENCH_PREBOOT:-src/payara/pre-boot-commands.asadmin}
bench_pglog=$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1 || true)

# A fresh database whose role logs every statement (to count the statements of a page render).
bench_database() {
    psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 <<SQL
select pg_terminate_backend(pid) from pg_stat_activity where datname = '$bench_db' and pid <> pg_backend_pid();
drop database if exists $bench_db;
drop role if exists $bench_db;
create role $bench_db login password '$bench_db';
create database $bench_db owner $bench_db;
alter role $bench_db set log_statement = 'all';
SQL
}

# bench_start HEAP [JVM OPTION...]: Micro with the module on crm_bench, returns once the login page answers. The
# collector is src/run.sh's (CRM_BENCH_GC overrides it, e.g. -XX:+UseG1GC to compare).
bench_start() {
    local heap=$1
    shift
    CRM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource CRM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$bench_db \
    CRM_DB_USER=$bench_db CRM_DB_PASSWORD=$bench_db CRM_DEMO=false CRM_ADMIN_USERNAME=bench CRM_ADMIN_PASSWORD=bench \
      java -Xmx"$heap" ${CRM_BENCH_GC:--XX:+UseParallelGC} "$@" -jar crm-ear/target/payara-micro.jar --nohazelcast --port "$bench_port" --maxhttpthreads 50 \
      --contextroot crm --deploy "$bench_war" --prebootcommandfile "$bench_preboot" > "$bench_log" 2>&1 &
    bench_micro=$!
    for _ in $(seq 1 180); do curl -sf -o /dev/null "$bench_url/login.xhtml" && return 0; sleep 1; done
    echo "the module did not start: see $bench_log" >&2
    return 1
}

# CPU time of the benchmark's server process so far, in milliseconds.
cpu_ms() {
    awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' /proc/$bench_micro/stat
}

# CPU time of the JIT compilers' threads so far, in milliseconds. It is part of cpu_ms: for minutes after a start the
# compilers take as much CPU as the requests, and how much varies from run to run. (On two cores the JVM keeps one
# C1 and one C2 thread for its whole life, so none of their time is lost with an ended thread.)
jit_ms() {
    local ticks
    ticks=$(for t in /proc/$bench_micro/task/*; do
        if grep -q '^C[12] CompilerThre' "$t/comm" 2>/dev/null; then sed 's/^.*) //' "$t/stat" 2>/dev/null; fi
    done | awk '{ t += $12 + $13 } END { print t + 0 }')
    echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# Faces' view state and PrimeFaces' CSP nonce of a page's HTML: sets view_state and nonce.
bench_page_state() {
    view_state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<< "$1" | head -1 | sed 's/.*value="//; s/"$//')
    nonce=$(grep -o "PrimeFaces\.csp\.init('[^']*')" <<< "$1" | head -1 | sed "s/.*init('//; s/')//")
}

# bench_login JAR: logs seller1 in with the login form, the session's cookie kept in the curl cookie file JAR.
bench_login() {
    bench_page_state "$(curl -s -c "$1" -b "$1" "$bench_url/login.xhtml")"
    curl -s -o /dev/null -c "$1" -b "$1" -L "$bench_url/login.xhtml" --data-urlencode "login=login" \
        --data-urlencode "login:username=seller1" --data-urlencode "login:password=bench" --data-urlencode "login:submit=" \
        --data-urlencode "next=" --data-urlencode "jakarta.faces.ViewState=$view_state" --data-urlencode "primefaces.nonce=$nonce"
    if curl -s -b "$1" "$bench_url/index.xhtml" | grep -q 'id="login"'; then
        echo "the login as seller1 failed (load the data set first: load.sh or run.sh)" >&2
        return 1
    fi
}

# bench_ajax JAR PAGE SOURCE EXECUTE RENDER FORM [curl argument...]: a PrimeFaces ajax postback of PAGE (its view
# state and nonce from the last bench_page_state), in the session of the cookie file JAR; prints the partial response.
bench_ajax() {
    local jar=$1 page=$2 source=$3 execute=$4 render=$5 form=$6
    shift 6
    curl -s -b "$jar" "$page" -H 'Faces-Request: partial/ajax' -H 'X-Requested-With: XMLHttpRequest' \
        --data-urlencode "jakarta.faces.partial.ajax=true" --data-urlencode "jakarta.faces.source=$source" \
        --data-urlencode "jakarta.faces.partial.execute=$execute" --data-urlencode "jakarta.faces.partial.render=$render" \
        --data-urlencode "$source=$source" --data-urlencode "$form=$form" \
        --data-urlencode "jakarta.faces.ViewState=$view_state" --data-urlencode "primefaces.nonce=$nonce" "$@"
}

# bench_measure ROUNDS STEP...: one user's rounds of a script's mix. Calls the script's function round with 0 to
# ROUNDS-1 (warm-up), then with ROUNDS to 2*ROUNDS-1, measured; round adds each step's server CPU to cpu[STEP] (the
# script declares "declare -A cpu"). Prints each step's CPU per request and the measured window's, with and without
# the JIT compilers (they work beside the requests, also between them).
bench_measure() {
    local rounds=$1 i window jit step total=0
    shift
    for i in $(seq 0 $(( rounds - 1 ))); do round "$i"; done
    cpu=()
    window=$(cpu_ms)
    jit=$(jit_ms)
    for i in $(seq "$rounds" $(( 2 * rounds - 1 ))); do round "$i"; done
    window=$(( $(cpu_ms) - window ))
    jit=$(( $(jit_ms) - jit ))
    for step in "$@"; do
        [ -n "${cpu[$step]:-}" ] || continue
        echo "$step: $(( cpu[$step] * 1000 / rounds )) µs of server CPU per request"
        total=$(( total + cpu[$step] ))
    done
    echo "one round: $(( total * 1000 / rounds )) µs ($rounds rounds)"
    echo "the measured rounds' whole CPU: $(( window * 1000 / rounds )) µs per round, of which the JIT compilers" \
         "$(( jit * 1000 / rounds )) µs: $(( (window - jit) * 1000 / rounds )) µs per round without them"
}

bench_stop() {
    if [ -n "${bench_micro:-}" ]; then
        kill "$bench_micro" 2>/dev/null || true
        wait "$bench_micro" 2>/dev/null || true
        bench_micro=
    fi
}

# The large data set; the sellers get the password "bench" (the administrator's, copied) so that load tests can
# log in as them.
bench_load() {
    echo "Loading the data set..."
    time psql -h 127.0.0.1 -U $bench_db -q -v ON_ERROR_STOP=1 -f src/benchmark/generate.sql $bench_db
    psql -h 127.0.0.1 -U $bench_db -q -v ON_ERROR_STOP=1 -c "update crm_user set password_hash =
        (select password_hash from crm_user where username = 'bench') where username like 'seller%'" $bench_db
    psql -h 127.0.0.1 -U $bench_db -tA -c "select 'subjects: ' || count(*) || ', open: '
        || count(*) filter (where not archived) from crm_subject" $bench_db
}

bench_machine() {
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"
}
