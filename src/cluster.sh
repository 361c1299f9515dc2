#!/usr/bin/env bash
# A cluster on one machine, to try it: N Payara Micro instances clustered by Payara's data grid (Hazelcast),
# sharing one PostgreSQL, behind HAProxy at http://localhost:8080/crm/ (the instances on 8081, 8082, ...).
#
#   CRM_DB_URL=jdbc:postgresql://127.0.0.1:5432/crm CRM_DB_USER=crm CRM_DB_PASSWORD=... src/cluster.sh
#   CRM_INSTANCES=3 ... src/cluster.sh                 # three instances
#   CRM_DEMO=true CRM_DEMO_FORCE=true ... src/cluster.sh   # the demo users and data, the first time
#   CRM_PORT=9090 ... src/cluster.sh                   # the balancer on 9090, instances on 9091...
#
# Ctrl+C stops them all. Logs in $CRM_CLUSTER_DIR (default ./data/cluster). The same CRM_* settings as
# src/run.sh reach every instance. An H2 file cannot be shared: the cluster needs PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
. src/build.sh

instances=${CRM_INSTANCES:-2}
port=${CRM_PORT:-8080}
dir=${CRM_CLUSTER_DIR:-$PWD/data/cluster}
# A cluster of this checkout only: instances of another one on this machine do not join it.
export CRM_CLUSTER_NAME=${CRM_CLUSTER_NAME:-crm-$port}
grid_port=${CRM_GRID_PORT:-$((5900 + port % 100 * 10))}

if [[ ${CRM_DB_URL:-} != jdbc:postgresql:* ]]; then
    echo "The cluster shares one PostgreSQL: set CRM_DB_URL=jdbc:postgresql://host:5432/db, CRM_DB_USER and" >&2
    echo "CRM_DB_PASSWORD (an H2 file cannot be shared between servers)." >&2
    exit 2
fi
if ! command -v haproxy > /dev/null; then
    echo "HAProxy is missing: apt-get install haproxy (Debian's package; nothing else is needed)." >&2
    exit 2
fi

[[ ${CRM_BUILD:-true} == false ]] || build_if_needed
mkdir -p "$dir"
export CRM_DB_CLASS=${CRM_DB_CLASS:-org.postgresql.ds.PGSimpleDataSource}
export CRM_DEMO=${CRM_DEMO:-false}
export CRM_HTTP_TRUSTED_PROXIES=${CRM_HTTP_TRUSTED_PROXIES:-127.0.0.1}

# Every instance knows where the others listen: the grid's ports, one after the other from grid_port.
members=$(for i in $(seq 0 $((instances - 1))); do printf '127.0.0.1:%d,' $((grid_port + i)); done)
members=${members%,}

pids=()
stop() {
    trap - INT TERM EXIT
    echo "Stopping the cluster..."
    kill "${pids[@]}" 2> /dev/null || true
    wait 2> /dev/null || true
}
trap stop INT TERM EXIT

config="$dir/haproxy.cfg"
cp src/cluster/haproxy.cfg "$config"
for i in $(seq 1 "$instances"); do
    echo "    server crm-$i 127.0.0.1:$((port + i)) check cookie crm-$i" >> "$config"
done

# The single server's settings, and sessions kept on the data grid again: a user whose server dies goes on.
preboot=$dir/pre-boot-commands.asadmin
cat src/payara/pre-boot-commands.asadmin - > "$preboot" <<'ASADMIN'
set configs.config.server-config.availability-service.web-container-availability.availability-enabled=true
ASADMIN

for i in $(seq 1 "$instances"); do
    CRM_INSTANCE=crm-$i java ${JAVA_OPTS:--Xmx768m -XX:+UseParallelGC} -jar "$micro" \
        --name "crm-$i" \
        --clustername "$CRM_CLUSTER_NAME" \
        --clustermode "tcpip:$members" \
        --startport "$grid_port" \
        --interfaces 127.0.0.1 \
        --nohostaware \
        --port $((port + i)) \
        --contextroot crm \
        --deploy "$war" \
        --prebootcommandfile "$preboot" \
        --logtofile "$dir/crm-$i.log" \
        "$@" > "$dir/crm-$i.out" 2>&1 &
    pids+=($!)
    echo $! > "$dir/crm-$i.pid"
done

CRM_BALANCER_BIND="127.0.0.1:$port" haproxy -db -f "$config" > "$dir/haproxy.log" 2>&1 &
pids+=($!)

echo "Starting $instances instances (logs in $dir)..."
started=$SECONDS
for i in $(seq 1 "$instances"); do
    until curl -sf -o /dev/null "http://127.0.0.1:$((port + i))/health/ready"; do
        if ! kill -0 "${pids[$((i - 1))]}" 2> /dev/null; then
            echo "Instance crm-$i ended; see $dir/crm-$i.log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "  crm-$i ready at http://127.0.0.1:$((port + i))/crm/ ($((SECONDS - started)) s after the start)"
done
echo "The cluster answers at http://localhost:$port/crm/ (Ctrl+C stops it)."
# An instance that dies leaves the others serving (that is the point); Ctrl+C stops them all.
wait
