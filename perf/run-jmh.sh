#!/usr/bin/env sh
# The JMH benchmarks (NIO baseline, JNA call cost, the HTTP.SYS request path over a null kernel) with the GC
# profiler for B/op. Extra arguments go to JMH, e.g. a benchmark regex or -f 2 -wi 5 -i 5.
# Set HTTPSYS_BUILD_DIR to build elsewhere than target/. SKIP_BUILD=1 reuses the jar.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR="${HTTPSYS_BUILD_DIR:-target}"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -q -B -ntp -Dhttpsys.build.dir="$BUILD_DIR" -pl perf -am package -DskipTests
fi
exec java -jar "perf/$BUILD_DIR/benchmarks.jar" -prof gc "$@"
