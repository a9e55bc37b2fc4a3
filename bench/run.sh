#!/usr/bin/env bash
# Measures the application on this machine (docs/benchmarks.md):
#   1. demo data only, fresh data directory: time from process start to ready and memory; then a
#      restart on the same directory (data already there);
#   2. generated national-scale data (--ttdn.bench.generate=true) on another fresh directory: time to
#      ready and memory, then CLIENTS concurrent clients against the unit API, the units list and the
#      organisation tree page (WARMUP s warm-up, DURATION s measurement each), memory after the load.
# Results go to bench/results/<UTC time>/ (summary.txt, results.jsonl, application logs, metrics); the
# summary is printed at the end. The application is stopped on exit.
#
# Settings (environment): JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PORT (default 8080, or
# the next free port), CLIENTS (50), WARMUP (10), DURATION (30), BENCH_JAVA_OPTS (JVM options of the
# application, default none), KEEP_DATA=1 to keep the data directories under target/bench-data/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=target/ttdn-0.1.0-SNAPSHOT.jar
PASSWORD=BenchPass2026
CLIENTS=${CLIENTS:-50}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
READY_TIMEOUT=${READY_TIMEOUT:-600}
read -r -a APP_OPTS <<< "${BENCH_JAVA_OPTS:-}"
TICKS=$(getconf CLK_TCK)

for tool in curl jq awk ss; do
	command -v "$tool" > /dev/null || { echo "bench/run.sh needs $tool" >&2; exit 1; }
done
if [[ ! -x "$JAVA" ]]; then
	echo "no java at $JAVA; set JAVA_HOME to a JDK 21 or newer" >&2
	exit 1
fi
if [[ ! -f "$JAR" ]]; then
	echo "building $JAR …"
	./mvnw -q package -DskipTests
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP"
DATA="$ROOT/target/bench-data/$STAMP"
mkdir -p "$OUT" "$DATA"
# Run a copy, so that a rebuild of target/ during the measurements cannot pull the jar from under the JVM.
BUILT=$(stat -c '%y' "$JAR" | cut -d. -f1)
cp "$JAR" "$DATA/app.jar"
JAR="$DATA/app.jar"
SUMMARY="$OUT/summary.txt"
JSONL="$OUT/results.jsonl"
: > "$SUMMARY"
: > "$JSONL"

say() { echo "$*" | tee -a "$SUMMARY"; }

port_free() { ! ss -ltnH "sport = :$1" 2> /dev/null | grep -q .; }
PORT=${PORT:-8080}
while ! port_free "$PORT"; do
	PORT=$((PORT + 1))
done
BASE="http://127.0.0.1:$PORT"

APP_PID=""
APP_DIR=""

postmaster_pid() {
	local file="$1/postgres/postmaster.pid"
	if [[ -f "$file" ]]; then head -1 "$file"; fi
}

stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2> /dev/null; then
		kill -TERM "$APP_PID" 2> /dev/null || true
		for _ in $(seq 1 300); do
			kill -0 "$APP_PID" 2> /dev/null || break
			sleep 0.1
		done
		if kill -0 "$APP_PID" 2> /dev/null; then
			kill -KILL "$APP_PID" 2> /dev/null || true
		fi
	fi
	# The embedded PostgreSQL of this run's data directory, should the JVM not have stopped it.
	if [[ -n "$APP_DIR" ]]; then
		local pm
		pm=$(postmaster_pid "$APP_DIR")
		if [[ -n "$pm" ]] && kill -0 "$pm" 2> /dev/null && grep -qa -- "$APP_DIR" "/proc/$pm/cmdline" 2> /dev/null; then
			kill -INT "$pm" 2> /dev/null || true
			for _ in $(seq 1 100); do
				kill -0 "$pm" 2> /dev/null || break
				sleep 0.1
			done
		fi
	fi
	APP_PID=""
	APP_DIR=""
}
cleanup() {
	stop_app
	rm -f "$DATA/app.jar"
	if [[ "${KEEP_DATA:-0}" != 1 && -n "$STAMP" && -d "$DATA" ]]; then
		rm -rf "$DATA"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }

# start_app LABEL DATA_DIR [ARGS…]: starts the jar, waits until it is ready; sets READY_MS and HEALTH_MS.
start_app() {
	local label="$1" dir="$2"
	shift 2
	mkdir -p "$dir"
	local log="$OUT/app-$label.log"
	local t0
	t0=$(now_ms)
	TTDN_DATA_DIR="$dir" TTDN_DEMO_PASSWORD="$PASSWORD" PORT="$PORT" \
		"$JAVA" "${APP_OPTS[@]}" -jar "$JAR" "$@" > "$log" 2>&1 &
	APP_PID=$!
	APP_DIR="$dir"
	HEALTH_MS=""
	local deadline=$((t0 + READY_TIMEOUT * 1000))
	while true; do
		if ! kill -0 "$APP_PID" 2> /dev/null; then
			echo "the application exited during start; see $log" >&2
			tail -40 "$log" >&2
			exit 1
		fi
		if [[ -z "$HEALTH_MS" ]] && curl -fsS -m 2 "$BASE/actuator/health" 2> /dev/null | grep -q '"status":"UP"'; then
			HEALTH_MS=$(($(now_ms) - t0))
		fi
		# Readiness turns UP once the application runners (demo and generated data) have finished.
		if curl -fsS -m 2 "$BASE/actuator/health/readiness" 2> /dev/null | grep -q '"UP"'; then
			break
		fi
		if (($(now_ms) > deadline)); then
			echo "not ready after $READY_TIMEOUT s; see $log" >&2
			exit 1
		fi
		sleep 0.1
	done
	READY_MS=$(($(now_ms) - t0))
	HEALTH_MS=${HEALTH_MS:-$READY_MS}
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2> /dev/null || echo 0; }

pg_pids() {
	local pm
	pm=$(postmaster_pid "$APP_DIR")
	if [[ -n "$pm" ]]; then
		echo "$pm"
		ps -o pid= --ppid "$pm" 2> /dev/null || true
	fi
}

# Proportional set size of the embedded PostgreSQL processes (postmaster and its children), in kB.
pg_pss_kb() {
	local total=0 pid v
	for pid in $(pg_pids); do
		v=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2> /dev/null || echo 0)
		total=$((total + ${v:-0}))
	done
	echo "$total"
}

mem_line() {
	local java_kb pg_kb
	java_kb=$(rss_kb "$APP_PID")
	pg_kb=$(pg_pss_kb)
	printf 'JVM VmRSS %d MiB; embedded PostgreSQL PSS (all its processes) %d MiB' $((java_kb / 1024)) $((pg_kb / 1024))
}

# CPU clock ticks: "application postgres machine-busy machine-total".
cpu_snapshot() {
	local app pg=0 pid t
	app=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat" 2> /dev/null || echo 0)
	for pid in $(pg_pids); do
		t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null || echo 0)
		pg=$((pg + t))
	done
	awk -v app="$app" -v pg="$pg" '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; total = busy + $5 + $6; print app, pg, busy, total}' /proc/stat
}

api() { curl -fsS -m 30 -u "admin:$PASSWORD" -H 'Accept: application/json' "$BASE$1"; }

# "COUNT TOTAL_TIME MAX" of a metric file (0 0 0 if missing).
stats() {
	jq -r '[(["COUNT", "TOTAL_TIME", "MAX"][] as $s | [.measurements[] | select(.statistic == $s) | .value][0] // 0)] | @tsv' \
		"$1" 2> /dev/null || echo "0 0 0"
}

snapshot() {
	local label="$1" m
	for m in hikaricp.connections.acquire hikaricp.connections.usage; do
		api "/actuator/metrics/$m" > "$OUT/metrics-$label-$m.json" 2> /dev/null || true
	done
}

# scenario NAME AUTH URL [DRIVER ARGS…]
scenario() {
	local name="$1" auth="$2" url="$3"
	shift 3
	say ""
	say "-- $name: GET $url ($auth), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	snapshot "before-$name"
	local before after
	before=$(cpu_snapshot)
	"$JAVA" -XX:+UseSerialGC -Xmx512m "$ROOT/bench/LoadDriver.java" --base "$BASE" --name "$name" \
		--clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" --auth "$auth" --user admin \
		--password-env BENCH_PASSWORD --url "$url" --out "$JSONL" "$@" 2>&1 | tee -a "$SUMMARY"
	after=$(cpu_snapshot)
	snapshot "after-$name"
	server_side "$name" "$url" "$before" "$after"
}

server_side() {
	local name="$1" url="$2" before="$3" after="$4" uri all
	case "$url" in
		/api/v1/units/*) uri='/api/v1/units/{id}' ;;
		/api/v1/jurisdictions/*/units) uri='/api/v1/jurisdictions/{code}/units' ;;
		/org/*) uri='/org/{code}' ;;
		*) uri='' ;;
	esac
	all=$(tail -1 "$JSONL" | jq -r '.all_requests // 0')
	say "  CPU during $name (warm-up included): $(awk -v b="$before" -v a="$after" -v hz="$TICKS" -v n="$all" -v cores="$(nproc)" 'BEGIN {
		split(b, x, " "); split(a, y, " ")
		app = (y[1] - x[1]) / hz; pg = (y[2] - x[2]) / hz; busy = (y[3] - x[3]) / hz; total = (y[4] - x[4]) / hz
		other = busy - app - pg; if (other < 0) other = 0
		printf "application JVM %.1f s (%.2f ms per request), PostgreSQL %.1f s (%.2f ms per request), everything else %.1f s (load driver and other work), machine busy %.0f%% of %d CPUs",
			app, (n > 0 ? 1000 * app / n : 0), pg, (n > 0 ? 1000 * pg / n : 0), other, (total > 0 ? 100 * busy / total : 0), cores }')"
	if [[ -n "$uri" ]]; then
		api "/actuator/metrics/http.server.requests?tag=uri:$(jq -rn --arg u "$uri" '$u|@uri')" \
			> "$OUT/metrics-$name-uri.json" 2> /dev/null || true
		local c t
		read -r c t _ <<< "$(stats "$OUT/metrics-$name-uri.json")"
		say "  server side ($uri, since start): $(awk -v c="$c" -v t="$t" 'BEGIN { printf "%d requests, mean %.1f ms inside the application", c, (c > 0 ? 1000 * t / c : 0) }')"
	fi
	local ac at uc ut bac bat buc but
	read -r ac at _ <<< "$(stats "$OUT/metrics-after-$name-hikaricp.connections.acquire.json")"
	read -r bac bat _ <<< "$(stats "$OUT/metrics-before-$name-hikaricp.connections.acquire.json")"
	read -r uc ut _ <<< "$(stats "$OUT/metrics-after-$name-hikaricp.connections.usage.json")"
	read -r buc but _ <<< "$(stats "$OUT/metrics-before-$name-hikaricp.connections.usage.json")"
	say "  connection pool during $name: $(awk -v ac="$ac" -v at="$at" -v bac="$bac" -v bat="$bat" -v uc="$uc" -v ut="$ut" -v buc="$buc" -v but="$but" 'BEGIN {
		n = ac - bac; m = uc - buc
		printf "%d checkouts, mean wait for a connection %.2f ms, mean time holding one %.2f ms", n, (n > 0 ? 1000 * (at - bat) / n : 0), (m > 0 ? 1000 * (ut - but) / m : 0) }')"
}

export BENCH_PASSWORD=$PASSWORD

say "TTĐN benchmark $STAMP, $BASE, target/ttdn-0.1.0-SNAPSHOT.jar built $BUILT"
say "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -m | awk '/^Mem:/ {print $2}') MiB memory, $(uname -sr)"
say "java: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
say "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: other work may have been running during the measurements)"
say "application JVM options: ${BENCH_JAVA_OPTS:-(none, JVM defaults)}"

# ---------------------------------------------------------------------------------------- 1. demo data only
say ""
say "== 1. demo data only"
start_app demo "$DATA/demo"
say "start to ready, fresh data directory (PostgreSQL initdb, migrations, demo data): $READY_MS ms (/actuator/health UP after $HEALTH_MS ms, readiness after $READY_MS ms)"
say "  log: $(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$OUT/app-demo.log" | head -1 || true); $(grep -o 'Demo data loaded in [0-9]* ms' "$OUT/app-demo.log" | head -1 || true)"
say "memory at ready: $(mem_line)"
sleep 10
say "memory 10 s after ready: $(mem_line)"
stop_app
start_app demo-restart "$DATA/demo"
say "start to ready, restart on the same data directory: $READY_MS ms"
say "memory at ready: $(mem_line)"
stop_app

# ---------------------------------------------------------------------------------------- 2. national scale
say ""
say "== 2. generated national-scale data"
NATIONAL_DIR="$DATA/national"
start_app national "$NATIONAL_DIR" --ttdn.bench.generate=true
say "start to ready, fresh data directory, demo data and generation: $READY_MS ms"
say "  log: $(grep -o 'Demo data loaded in [0-9]* ms' "$OUT/app-national.log" | head -1 || true); $(grep -o 'National-scale benchmark data generated in.*' "$OUT/app-national.log" | head -1 || true)"
CODES=$(api /api/v1/jurisdictions | jq -r '.[] | select(.validTo == null) | .code')
units=0
for code in $CODES; do
	units=$((units + $(api "/api/v1/jurisdictions/$code/units" | jq length)))
done
say "through the API: $(echo "$CODES" | wc -w) current jurisdictions holding $units units valid today"
say "memory at ready: $(mem_line)"

scenario unit-api basic '/api/v1/units/{id}'
scenario units-list basic '/api/v1/jurisdictions/{code}/units'
# A client waits for its page however long it takes (a second request on the same session while the
# first is still being rendered would race on the session's attributes).
scenario org-tree form '/org/{code}' --expect 'data-testid="unit-tree"' --timeout 120

say ""
say "memory after the load: $(mem_line)"

say ""
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_app

ln -sfn "$STAMP" "$ROOT/bench/results/latest"
echo
echo "results: $OUT"
echo "----------------------------------------------------------------"
cat "$SUMMARY"
