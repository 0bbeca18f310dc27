#!/usr/bin/env sh
# The A/B matrix in one command: the hello example on httpsys and nio (HTTPS also on NIO + OpenSSL), every
# scenario of the seed several times, one table with httpsys/nio ratios. Extra arguments go to PerfMatrix, e.g.
#   perf/run-matrix.sh --runs 5 --clients 500 --warmup 10 --duration 30 --variants httpsys,httpsys-cache,nio,nio-openssl
# Set HTTPSYS_BUILD_DIR to build elsewhere than target/ (e.g. target-perf). SKIP_BUILD=1 reuses the jar.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR="${HTTPSYS_BUILD_DIR:-target}"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -q -B -ntp -Dhttpsys.build.dir="$BUILD_DIR" -pl perf -am package -DskipTests
fi
exec java ${JAVA_OPTS:-} -cp "perf/$BUILD_DIR/benchmarks.jar" io.netty.contrib.httpsys.perf.PerfMatrix "$@"
