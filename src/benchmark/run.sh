#!/usr/bin/env bash
# The benchmark on the large data set: funnel, list, bulk operations, exports, one call after another. Needs a
# built module (mvn package), PostgreSQL at 127.0.0.1:5432 with trust authentication for the postgres role, and
# root (to read its log).
#
#   src/benchmark/run.sh            # creates database crm_bench, starts Micro on port 8181, loads, measures
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/benchmark/server.sh

bench_database
bench_start 768m
trap bench_stop EXIT
bench_load
java src/benchmark/CrmBenchmark.java "$bench_url" bench bench "$bench_pglog" $bench_db
bench_machine
