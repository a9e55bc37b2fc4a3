#!/usr/bin/env bash
# Planning at scale (issue 3; docs/benchmarks.md): starts the application on a fresh data directory
# with the generated national-scale data (about 5,000 units; for each an accepted plan per year for
# ten years with ten tasks: 500,000 tasks), then runs bench/PlanningBench.java: import of a
# 2,000-task .xlsx appendix (upload and preview, confirm), the page, JSON and .docx/.xlsx export of
# that 2,000-task plan, and the national roll-up of task status. Results go to
# bench/results/<UTC time>/ (summary.txt, application log, metrics).
#
# Settings (environment): as bench/run.sh (JAVA_HOME, PORT, BENCH_JAVA_OPTS, KEEP_DATA=1), and
# REPEAT (20) requests per measured call, IMPORTS (3) imports of the 2,000-task appendix.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export BENCH_PASSWORD=$PASSWORD
CP="$ROOT/target/bench-classpath.txt"
if [[ ! -s "$CP" || "$CP" -ot pom.xml ]]; then
	./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=runtime > /dev/null
fi

describe_run
say ""
say "== planning at national scale"
start_app planning "$DATA/planning" --ttdn.bench.generate=true
say "start to ready, fresh data directory, demo data and generation: $READY_MS ms"
say "  log: $(grep -o 'National-scale plans generated in.*' "$OUT/app-planning.log" | head -1 || true)"
say "memory at ready: $(mem_line)"
before=$(cpu_snapshot)
"$JAVA" -cp "$(cat "$CP")" "$ROOT/bench/PlanningBench.java" --base "$BASE" --user admin --password-env BENCH_PASSWORD \
	--repeat "${REPEAT:-20}" --imports "${IMPORTS:-3}" --year "$(date +%Y)" 2>&1 | tee -a "$SUMMARY"
after=$(cpu_snapshot)
for uri in '/api/v1/plans/rollup' '/api/v1/plans/{id}/appendix' '/api/v1/plans/{id}/appendix/{importId}/confirm' \
	'/api/v1/plans/{id}/export' '/plans/{id}' '/api/v1/plans/{id}/appendix/{importId}'; do
	file="$OUT/metrics-$(echo "$uri" | tr -c 'a-zA-Z0-9' '_').json"
	api "/actuator/metrics/http.server.requests?tag=uri:$(jq -rn --arg u "$uri" '$u|@uri')" > "$file" 2> /dev/null || true
	read -r c t mx <<< "$(stats "$file")"
	say "  server side $uri: $(awk -v c="$c" -v t="$t" -v mx="$mx" 'BEGIN { printf "%d requests, mean %.1f ms inside the application (max of the last minutes %.1f ms)", c, (c > 0 ? 1000 * t / c : 0), 1000 * mx }')"
done
say "  CPU during the measurements: $(awk -v b="$before" -v a="$after" -v hz="$TICKS" 'BEGIN { split(b, x, " "); split(a, y, " ");
	printf "application JVM %.1f s, PostgreSQL %.1f s", (y[1] - x[1]) / hz, (y[2] - x[2]) / hz }')"
say "memory after: $(mem_line)"
stop_app

ln -sfn "$STAMP" "$ROOT/bench/results/latest"
echo
echo "results: $OUT"
