#!/usr/bin/env bash
# The benchmark on the large data set: funnel, list, bulk operations, exports. Needs a built module (mvn package),
# PostgreSQL at 127.0.0.1:5432 with trust authentication for the postgres role, and root (to read its log).
#
#   src/benchmark/run.sh            # creates database crm_bench, starts Micro on port 8181, loads, measures
set -euo pipefail
cd "$(dirname "$0")/../.."
db=crm_bench
port=8181
pglog=$(ls -t /var/log/postgresql/postgresql-*-main.log | head -1)

psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 <<SQL
select pg_terminate_backend(pid) from pg_stat_activity where datname = '$db' and pid <> pg_backend_pid();
drop database if exists $db;
drop role if exists $db;
create role $db login password '$db';
create database $db owner $db;
-- Every statement of the module is logged, to count statements per page render.
alter role $db set log_statement = 'all';
SQL

CRM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource CRM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db \
CRM_DB_USER=$db CRM_DB_PASSWORD=$db CRM_DEMO=false CRM_ADMIN_USERNAME=bench CRM_ADMIN_PASSWORD=bench \
  java -Xmx768m -jar crm-ear/target/payara-micro.jar --nocluster --port $port --maxhttpthreads 50 \
  --contextroot crm --deploy crm-ear/target/crm-micro.war > crm-ear/target/benchmark-micro.log 2>&1 &
micro=$!
trap 'kill $micro 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null http://localhost:$port/crm/login.xhtml && break; sleep 1; done
curl -sf -o /dev/null http://localhost:$port/crm/login.xhtml || { echo "the module did not start: see crm-ear/target/benchmark-micro.log" >&2; exit 1; }

echo "Loading the data set..."
time psql -h 127.0.0.1 -U $db -q -v ON_ERROR_STOP=1 -f src/benchmark/generate.sql $db
psql -h 127.0.0.1 -U $db -tA -c "select 'subjects: ' || count(*) || ', open: ' || count(*) filter (where not archived) from crm_subject" $db

java src/benchmark/CrmBenchmark.java http://localhost:$port/crm bench bench "$pglog" $db
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"
psql -h 127.0.0.1 -U postgres -q -c "alter role $db reset log_statement"
