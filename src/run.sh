#!/usr/bin/env bash
# Runs the module the zero-setup way: Payara Micro 6 + embedded H2 file database + demo users and data,
# at http://localhost:8080/crm/. Builds whatever is missing or out of date first.
#
#   src/run.sh                       # data in ./data, port 8080
#   CRM_DATA_DIR=/srv/crm src/run.sh # another data folder
#   CRM_PORT=9090 src/run.sh         # another port
#   CRM_DB_URL=jdbc:postgresql://... CRM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource \
#     CRM_DB_USER=crm CRM_DB_PASSWORD=... src/run.sh   # PostgreSQL instead of H2
#
# Extra arguments go to Payara Micro (java -jar payara-micro.jar --help).
set -euo pipefail
cd "$(dirname "$0")/.."

. src/build.sh
build_if_needed

export CRM_DEMO=${CRM_DEMO:-true}
export CRM_DATA_DIR=${CRM_DATA_DIR:-$PWD/data}
mkdir -p "$CRM_DATA_DIR"
micro_with_archive "$CRM_DATA_DIR/class-sharing"

exec java ${JAVA_OPTS:--Xmx768m -XX:+UseParallelGC} "${micro_java[@]}" \
    --nohazelcast \
    --port "${CRM_PORT:-8080}" \
    --contextroot crm \
    --deploy "$war" \
    --prebootcommandfile src/payara/pre-boot-commands.asadmin \
    "$@"
