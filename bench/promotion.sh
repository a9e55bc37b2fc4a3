#!/usr/bin/env bash
# The promotion collection at scale (docs/benchmarks.md, "Promotion collection"): starts the application
# on a fresh data directory, generates ITEMS multilingual items into its database, restarts it so that the
# search index is rebuilt from the database (the indexing rate), then measures staff and public search with
# CLIENTS concurrent clients, the public item page at RATE requests/s, and the same searches on PostgreSQL
# full-text search over the same rows, and the same searches asked of the index with no server around it (the
# floor, bench/SearchFloor.java). Output: bench/results/promotion-<UTC time>/.
#
# Settings (environment): JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PORT (18085), ITEMS
# (1000000), CLIENTS (20), WARMUP (10), DURATION (30), RATE (200), SCENARIOS (all; see PromotionBench.java,
# and floor-lucene for the floor).
# DATA_DIR: the data directory of an earlier run (target/bench-data/promotion-<time>/data) to measure again
# without generating and indexing anew.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${PORT:-18085}
ITEMS=${ITEMS:-1000000}
export CLIENTS=${CLIENTS:-20} WARMUP=${WARMUP:-10} DURATION=${DURATION:-30} RATE=${RATE:-200}
export PASSWORD=BenchPass2026 BASE="http://127.0.0.1:$PORT"
JAR=target/ttdn-0.1.0-SNAPSHOT.jar
[[ -f "$JAR" ]] || ./mvnw -q package -DskipTests
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/promotion-$STAMP"
DATA="$ROOT/target/bench-data/promotion-$STAMP"
mkdir -p "$OUT" "$DATA"
cp "$JAR" "$DATA/app.jar"
REUSE=${DATA_DIR:-}
APP_PID=
stop() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null || true; }
trap stop EXIT
start() {
	PORT=$PORT TTDN_DATA_DIR="${REUSE:-$DATA/data}" TTDN_DEMO_PASSWORD=$PASSWORD TTDN_PUBLIC_API_RATE=1000000 \
		"$JAVA" -Xmx3g -jar "$DATA/app.jar" > "$OUT/$1.log" 2>&1 &
	APP_PID=$!
	until curl -sf "$BASE/actuator/health" > /dev/null; do sleep 2; done
	export PG="jdbc:postgresql://127.0.0.1:$(grep -oP 'Embedded PostgreSQL on port \K[0-9]+' "$OUT/$1.log" | head -1)/ttdn"
}
bench() { "$JAVA" -cp "$PGJAR" bench/PromotionBench.java "$@" | tee -a "$OUT/summary.txt"; }

if [[ -z "$REUSE" ]]; then
	start app-generate
	bench generate "$ITEMS"
	stop
fi
start app-index
if [[ -z "$REUSE" ]]; then
	# Rebuild the index from the database in the background and follow it to the end: the indexing rate.
	bench index
fi
echo "load average before the load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
bench load
echo "load average after the load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
if [[ "${SCENARIOS:-all}" == all || ",${SCENARIOS}," == *,floor-lucene,* ]]; then
	# The floor: the same queries asked of the same index in one process, with no server (bench/SearchFloor.java),
	# with the application stopped so that it has the processors to itself.
	stop
	mkdir -p "$DATA/lucene-lib"
	unzip -q -j -o "$DATA/app.jar" 'BOOT-INF/lib/lucene-*' 'BOOT-INF/lib/icu4j-*' -d "$DATA/lucene-lib"
	INDEX="${REUSE:-$DATA/data}/index/promo_translation" "$JAVA" -Xms2g -Xmx2g -cp "$DATA/lucene-lib/*:$PGJAR" \
		bench/SearchFloor.java 2> /dev/null | tee -a "$OUT/summary.txt"
fi
grep RESULT "$OUT/summary.txt"
