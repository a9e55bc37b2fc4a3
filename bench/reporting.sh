#!/usr/bin/env bash
# Reporting benchmarks (C6), on this machine, against the packaged application:
#   1. consolidation of 1,000 accepted unit reports: build the draft, then export it to .docx and .xlsx;
#   2. the compliance matrix of 5,000 units × 20 periods (GET /api/v1/reporting/compliance), with the
#      load driver and the application's own timing of the request (Micrometer);
#   3. reminder planning for 5,000 units owing a report due in 7 days (the scheduled job's own timing).
# Data: the national-scale registry (--ttdn.bench.generate=true) plus the reporting data of
# vn.ttdn.reporting.ReportingScaleData (--ttdn.bench.reporting=true), on a fresh data directory.
# Results: bench/results/reporting-<UTC time>/summary.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR="$ROOT/target/ttdn-0.1.0-SNAPSHOT.jar"
PORT=${PORT:-18480}
BASE="http://127.0.0.1:$PORT"
PASSWORD=BenchPass2026
ROUNDS=${ROUNDS:-5}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/reporting-$STAMP"
DATA="$ROOT/target/bench-data/reporting-$STAMP"
SUMMARY="$OUT/summary.txt"
mkdir -p "$OUT" "$DATA"

if [[ ! -f "$JAR" ]]; then
	(cd "$ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -q -DskipTests package)
fi

say() { echo "$*" | tee -a "$SUMMARY"; }
api() { curl -fsS -m 120 -u "admin:$PASSWORD" "$@"; }

APP_PID=""
cleanup() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2> /dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2> /dev/null || true
	fi
	[[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$DATA"
}
trap cleanup EXIT

say "TTĐN reporting benchmark $STAMP on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -m | awk '/^Mem:/ {print $2}') MiB"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (shared machine: other builds may run meanwhile)"

TTDN_DATA_DIR="$DATA" TTDN_DEMO_PASSWORD="$PASSWORD" PORT="$PORT" TTDN_REMINDERS_INTERVAL=PT20S \
	"$JAVA" -jar "$JAR" --ttdn.bench.generate=true --ttdn.bench.reporting=true \
	--logging.level.vn.ttdn.reporting.ReminderJob=DEBUG > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1800); do
	curl -fsS -m 2 "$BASE/actuator/health/readiness" 2> /dev/null | grep -q '"UP"' && break
	kill -0 "$APP_PID" 2> /dev/null || { tail -40 "$OUT/app.log"; exit 1; }
	sleep 0.2
done
say "$(grep -o 'Reporting benchmark data generated in [0-9]* ms' "$OUT/app.log")"
# The application warms its document writer in the background once ready (OfficeWarmUp); the first
# round below is the first export after that, as a user's first export after a deployment would be.
# WARM=0 starts the rounds at once, to measure an export that competes with the warm-up.
if [[ "${WARM:-1}" == 1 ]]; then
	for _ in $(seq 1 600); do
		grep -q 'Office document writer warmed up\|not loaded in advance' "$OUT/app.log" && break
		sleep 0.2
	done
fi
say "$(grep -o 'Office document writer warmed up in [0-9]* ms' "$OUT/app.log" || echo 'document writer not warmed up yet')"

PERIOD=$(api "$BASE/api/v1/reporting/periods?jurisdiction=01&year=2024" | jq -r '.[] | select(.title == "Kỳ đo hiệu năng số 1") | .id')
say ""
say "== 1. consolidation of $(api "$BASE/api/v1/reporting/periods/$PERIOD" | jq .accepted) accepted reports (period $PERIOD), $ROUNDS rounds"
for i in $(seq 1 "$ROUNDS"); do
	build=$(api -X POST -o /dev/null -w '%{time_total}' "$BASE/api/v1/reporting/periods/$PERIOD/consolidation")
	docx=$(api -o "$OUT/consolidation.docx" -w '%{time_total}' "$BASE/api/v1/reporting/periods/$PERIOD/consolidation/export?format=docx")
	xlsx=$(api -o "$OUT/consolidation.xlsx" -w '%{time_total}' "$BASE/api/v1/reporting/periods/$PERIOD/consolidation/export?format=xlsx")
	say "  round $i: build ${build} s, .docx ${docx} s ($(stat -c %s "$OUT/consolidation.docx") bytes), .xlsx ${xlsx} s ($(stat -c %s "$OUT/consolidation.xlsx") bytes); build + .docx $(awk -v a="$build" -v b="$docx" 'BEGIN {printf "%.3f", a + b}') s"
done

say ""
MATRIX="/api/v1/reporting/compliance?jurisdiction=01&year=2024"
api -o "$OUT/matrix.json" "$BASE$MATRIX"
say "== 2. compliance matrix: $(jq '.rows | length' "$OUT/matrix.json") units × $(jq '.columns | length' "$OUT/matrix.json") periods, $(stat -c %s "$OUT/matrix.json") bytes of JSON"
export BENCH_PASSWORD=$PASSWORD
# "COUNT TOTAL_TIME" of a timer, from the actuator.
timer() { api "$BASE/actuator/metrics/$1" | jq -r '[.measurements[] | {(.statistic): .value}] | add | "\(.COUNT) \(.TOTAL_TIME)"'; }
for clients in 1 4; do
	read -r hc ht <<< "$(timer 'http.server.requests?tag=uri:/api/v1/reporting/compliance')"
	read -r mc mt <<< "$(timer ttdn.reporting.compliance)"
	"$JAVA" -XX:+UseSerialGC -Xmx512m "$ROOT/bench/LoadDriver.java" --base "$BASE" --name "compliance-$clients" \
		--clients "$clients" --warmup 10 --duration 20 --auth basic --user admin --password-env BENCH_PASSWORD \
		--url "$MATRIX" --timeout 30 2>&1 | grep -v '^RESULT' | tee -a "$SUMMARY"
	read -r hc2 ht2 <<< "$(timer 'http.server.requests?tag=uri:/api/v1/reporting/compliance')"
	read -r mc2 mt2 <<< "$(timer ttdn.reporting.compliance)"
	say "  server side, warm-up included: $(awk -v a="$hc" -v b="$ht" -v c="$hc2" -v d="$ht2" -v e="$mc" -v f="$mt" -v g="$mc2" -v h="$mt2" 'BEGIN {
		printf "%d requests, mean %.0f ms per request inside the application (HTTP Basic, query, JSON), of which building the matrix %.0f ms", c - a, 1000 * (d - b) / (c - a), 1000 * (h - f) / (g - e) }')"
done

say ""
say "== 3. reminder planning (job every 20 s; the first run after start plans the reminders of 5,000 units)"
for _ in $(seq 1 120); do
	[[ $(grep -c 'Reminders: ' "$OUT/app.log" || true) -ge 3 ]] && break
	sleep 1
done
grep -o 'Reminders: .*' "$OUT/app.log" | head -5 | sed 's/^/  /' | tee -a "$SUMMARY"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
