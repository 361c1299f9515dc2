#!/usr/bin/env bash
# Start time and memory of the embedded run (Payara Micro + H2 + demo data), as README states them.
# Needs a built module (mvn package). Uses a throw-away data folder and port 8182.
#
#   src/benchmark/startup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(mktemp -d)
port=8182
start=$(date +%s%N)
CRM_DEMO=true CRM_DATA_DIR=$data java -Xmx768m -XX:+UseParallelGC -jar crm-ear/target/payara-micro.jar --nohazelcast --port $port \
  --contextroot crm --deploy crm-ear/target/crm-micro.war > "$data/micro.log" 2>&1 &
micro=$!
trap 'kill $micro 2>/dev/null; wait $micro 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf -o /dev/null http://localhost:$port/crm/login.xhtml; do sleep 0.2; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
# A few logged-in calls, so the memory figure is that of a used server, not an idle one.
for _ in $(seq 1 20); do curl -sf -o /dev/null -u ana:ana http://localhost:$port/crm/api/v1/funnel; done
echo "first start (schema and demo data created): ready in ${ready} ms, RSS $(( $(ps -o rss= -p $micro) / 1024 )) MB"
kill $micro; wait $micro 2>/dev/null || true

start=$(date +%s%N)
CRM_DEMO=true CRM_DATA_DIR=$data java -Xmx768m -XX:+UseParallelGC -jar crm-ear/target/payara-micro.jar --nohazelcast --port $port \
  --contextroot crm --deploy crm-ear/target/crm-micro.war > "$data/micro2.log" 2>&1 &
micro=$!
until curl -sf -o /dev/null http://localhost:$port/crm/login.xhtml; do sleep 0.2; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
for _ in $(seq 1 20); do curl -sf -o /dev/null -u ana:ana http://localhost:$port/crm/api/v1/funnel; done
echo "restart (existing data): ready in ${ready} ms, RSS $(( $(ps -o rss= -p $micro) / 1024 )) MB"
