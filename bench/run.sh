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
# application, default none), KEEP_DATA=1 to keep the data directories under target/bench-data/, ROUNDS (1; 2 to
# measure the three scenarios once more on the warmed-up application).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

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

describe_run

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

# ROUNDS=2 runs the three scenarios again on the same, by then warmed-up, application (scenario names
# with "-round2"): the first round is the benchmark; the second shows the steady state.
for round in $(seq 1 "${ROUNDS:-1}"); do
	suffix=$([[ $round == 1 ]] && echo "" || echo "-round$round")
	scenario "unit-api$suffix" basic '/api/v1/units/{id}'
	scenario "units-list$suffix" basic '/api/v1/jurisdictions/{code}/units'
	# A client waits for its page however long it takes (a second request on the same session while the
	# first is still being rendered would race on the session's attributes).
	scenario "org-tree$suffix" form '/org/{code}' --expect 'data-testid="unit-tree"' --timeout 120
done

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
