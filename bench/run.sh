#!/usr/bin/env bash
# Conversion and build benchmark on synthetic data (Teststadt-NNNNN), results for docs/BENCHMARKS.md.
# Usage: [BENCH_HEAP=2g] [BENCH_KEEP=1] bench/run.sh [cities=10000] [editions=100] [--no-build | --build-only]   (rows = cities x editions)
# The temporary folder (9 GB for 1M rows) is deleted at the end unless BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
cities=${1:-10000}; editions=${2:-100}; extra=${3:-}
keep=; [ "${BENCH_KEEP:-0}" = 1 ] && keep=-Dbench.keep=true
mvn -q -B -Dstyle.color=never test-compile exec:exec -Dexec.classpathScope=test \
  -Dexec.args="-Xmx${BENCH_HEAP:-16g} -XX:+UseParallelGC $keep --enable-native-access=ALL-UNNAMED -cp %classpath de.smartcitylod.bench.ConvertBench $cities $editions $extra"
