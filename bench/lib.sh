#!/usr/bin/env bash
# Shared by the benchmark scripts of bench/: settings, a fresh results directory, starting and
# stopping the application on its own data directory, memory and CPU readings, metrics. Sourced,
# not run; the caller sets nothing before sourcing it.

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
	command -v "$tool" > /dev/null || { echo "the benchmarks need $tool" >&2; exit 1; }
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

# The run, the machine and the JVM, at the top of every summary.
describe_run() {
	say "TTĐN benchmark $STAMP, $BASE, target/ttdn-0.1.0-SNAPSHOT.jar built $BUILT"
	say "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -m | awk '/^Mem:/ {print $2}') MiB memory, $(uname -sr)"
	say "java: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
	say "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: other work may have been running during the measurements)"
	say "application JVM options: ${BENCH_JAVA_OPTS:-(none, JVM defaults)}"
}
