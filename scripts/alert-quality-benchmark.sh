#!/usr/bin/env bash
# Alert-quality benchmark: generates synthetic series with injected incidents, replays them through
# the current alerting service (judge, lifecycle, scheduler) and through the backtester of the code
# before the rewrite (BEFORE, default 06e3a41), and prints both scores side by side.
#
#   scripts/alert-quality-benchmark.sh [OUT_DIR]      (default alerting/target/alert-quality)
#
# Environment: SERIES=100 WEEKS=12 SEED=42 STEP=PT5M THREADS=2 BEFORE=06e3a41
#   NEW_RULES=FILE  rules file for the current code; default: the generated
#                   OUT_DIR/rules-calendar.yaml (the default rule with the holiday season as a
#                   calendar period); OUT_DIR/rules.yaml (no calendar) is what the old code uses
#   OFFLINE=-o      Maven offline flag (set OFFLINE= to allow downloads)
#   SKIP_BEFORE=1   only the current code
# Needs a built tree (./mvnw -B verify or test-compile) and git; never installs into ~/.m2.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "${1:-$ROOT/alerting/target/alert-quality}" && cd "${1:-$ROOT/alerting/target/alert-quality}" && pwd)
SERIES=${SERIES:-100}
WEEKS=${WEEKS:-12}
SEED=${SEED:-42}
STEP=${STEP:-PT5M}
THREADS=${THREADS:-2}
BEFORE=${BEFORE:-06e3a41}
OFFLINE=${OFFLINE--o}
cd "$ROOT"

echo "== classpath of the current code"
CP_FILE="$OUT/classpath.txt"
./mvnw -B -q $OFFLINE -pl alerting -am test-compile dependency:build-classpath \
  -DflexTemplate.skip=true -Dspotless.check.skip=true -Dmdep.outputFile="$CP_FILE"
CP="$ROOT/alerting/target/classes:$ROOT/alerting/target/test-classes:$(cat "$CP_FILE")"
BENCH=io.entityflow.alerting.benchmark.AlertQualityBenchmark

echo "== generate $SERIES series x $WEEKS weeks (seed $SEED) into $OUT"
rm -rf "$OUT/csv" "$OUT/after" "$OUT/before"
java -cp "$CP" $BENCH generate "$OUT" "$SERIES" "$WEEKS" "$SEED"

echo "== current code: replay every series (step $STEP, $THREADS threads)"
java -cp "$CP" $BENCH run "$OUT" --step "$STEP" --threads "$THREADS" \
  --rules "${NEW_RULES:-$OUT/rules-calendar.yaml}" 2> "$OUT/after.log"
tail -1 "$OUT/after.log" || true

if [ -z "${SKIP_BEFORE:-}" ]; then
  echo "== code before the rewrite ($BEFORE): extract, build alerting offline, replay"
  SRC="$OUT/before-src"
  rm -rf "$SRC" && mkdir -p "$SRC"
  git -C "$ROOT" archive "$BEFORE" | tar -x -C "$SRC"
  (cd "$SRC" && ./mvnw -B -q $OFFLINE -pl alerting -am package dependency:build-classpath \
    -DskipTests -DflexTemplate.skip=true -Dspotless.check.skip=true \
    -Dmdep.outputFile="$SRC/classpath.txt")
  OLD_CP="$SRC/alerting/target/classes:$(cat "$SRC/classpath.txt")"
  IFS=, read -r FROM TO < "$OUT/span.txt"
  mkdir -p "$OUT/before"
  started=$(date +%s)
  ls "$OUT/csv" | sed 's/\.csv$//' | xargs -P "$THREADS" -I{} sh -c \
    'java -cp "$1" io.entityflow.alerting.backtest.BacktestCli --csv "$2/csv/$3.csv" \
       --from "$4" --to "$5" --step "$6" --rules "$2/rules.yaml" > "$2/before/$3.txt"' \
    _ "$OLD_CP" "$OUT" {} "$FROM" "$TO" "$STEP"
  echo "replayed $(ls "$OUT/before" | wc -l) series with the old backtester in $(( $(date +%s) - started ))s"
fi

echo "== scores (the same scoring code for both)"
java -cp "$CP" $BENCH score "$OUT" | tee "$OUT/scores.md"
