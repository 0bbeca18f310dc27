#!/usr/bin/env bash
# httpsys / NIO per request, measured so that the ratio means something on a shared machine: the NIO and the
# httpsys per-request benchmarks and the handler alone (HandlerOnlyBenchmark, the work both sides pay) in
# interleaved rounds (each round one NIO, one httpsys and one handler fork, in an order that changes from round to
# round), then RatioReport's tables per request type: each round's CPU ns per request on the event loop, B/op (JMH
# -prof gc) and wall ns/op, the kernel calls per request of the null kernel and the event loop's CPU in the kernel's
# completion wait, the MEDIAN of the per-round ratios, and what the handler alone costs against both sides.
# Every ratio quoted in perf/RESULTS.md comes from this command.
#   perf/run-ratio.sh                          # 7 rounds, 5 warm-up + 10 measured 1 s iterations: ~12 min on 2 cores
#   perf/run-ratio.sh --quick                  # smoke run: 3 rounds of short iterations, ~45 s
#   perf/run-ratio.sh --rounds 7 --warmup 5 --iterations 10 --requests GET --results /tmp/ratio
# Set HTTPSYS_BUILD_DIR to build elsewhere than target/ (e.g. target-perf). SKIP_BUILD=1 reuses the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'USAGE'
Usage: perf/run-ratio.sh [--rounds N] [--warmup N] [--iterations N] [--time T] [--requests GET,POST_4K]
                         [--results DIR] [--quick] [--help]
  --rounds N        interleaved rounds of three forks (NIO, httpsys, handler alone), at least 3 (default 7)
  --warmup N        JMH warm-up iterations per fork (default 5)
  --iterations N    JMH measured iterations per fork (default 10)
  --time T          length of one iteration, JMH syntax (default 1s)
  --requests LIST   request types, comma-separated: GET, POST_4K (default GET,POST_4K)
  --results DIR     where the JMH CSV results and logs go (default: a new temporary directory)
  --quick           smoke run: 3 rounds, 1 warm-up and 2 measured iterations of 200ms (numbers mean nothing)
USAGE
}

rounds=7 warmup=5 iterations=10 time=1s requests=GET,POST_4K results=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --iterations) iterations="$2"; shift 2 ;;
    --time) time="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --quick) rounds=3 warmup=1 iterations=2 time=200ms; shift ;;
    --help|-h) usage; exit 0 ;;
    *) echo "run-ratio.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
if ! [[ "$rounds" =~ ^[0-9]+$ ]] || [ "$rounds" -lt 3 ]; then
  echo "run-ratio.sh: --rounds must be a number of at least 3, not $rounds" >&2; exit 2
fi

BUILD_DIR="${HTTPSYS_BUILD_DIR:-target}"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -q -B -ntp -Dhttpsys.build.dir='${project.basedir}/'"$BUILD_DIR" -pl perf -am package -DskipTests
fi
JAR="perf/$BUILD_DIR/benchmarks.jar"
[ -f "$JAR" ] || { echo "run-ratio.sh: $JAR is missing: run without SKIP_BUILD=1" >&2; exit 1; }
results="${results:-$(mktemp -d -t httpsys-ratio.XXXXXX)}"
mkdir -p "$results"

declare -A BENCHMARK=([nio]='NioPipelineBenchmark\.request$' [httpsys]='HttpSysPipelineBenchmark\.request$'
                      [handler]='HandlerOnlyBenchmark\.request$')
# The order of the three forks, round after round: each side runs first, second and third equally often, and
# NIO before httpsys as often as after, every six rounds. Files are round-<n>-<position>-<side>.csv.
ORDERS=("nio httpsys handler" "httpsys handler nio" "handler nio httpsys"
        "httpsys nio handler" "nio handler httpsys" "handler httpsys nio")
echo "run-ratio.sh: $rounds rounds, -wi $warmup -i $iterations -w $time -r $time, requests $requests; results in $results"
echo "load before: $(uptime)"
for round in $(seq 1 "$rounds"); do
  order="${ORDERS[$(((round - 1) % ${#ORDERS[@]}))]}"
  position=1
  for side in $order; do
    base="$results/round-$round-$position-$side"
    # httpsys: the handler added by a ChannelInitializer per request, as most bootstraps do (its pipeline param).
    extra=()
    [ "$side" = httpsys ] && extra=(-p pipeline=initializer)
    echo "round $round/$rounds: $side ($(date -u +%H:%M:%S) UTC)"
    java -jar "$JAR" "${BENCHMARK[$side]}" -p request="$requests" "${extra[@]}" -f 1 -wi "$warmup" -i "$iterations" \
        -w "$time" -r "$time" -prof gc -rf csv -rff "$base.csv" > "$base.log" 2>&1 \
      || { echo "run-ratio.sh: JMH failed, see $base.log" >&2; tail -20 "$base.log" >&2; exit 1; }
    position=$((position + 1))
  done
done
echo "load after: $(uptime)"
java -cp "$JAR" io.netty.contrib.httpsys.perf.jmh.RatioReport --results "$results"
