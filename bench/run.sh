#!/usr/bin/env bash
# Conversion and build benchmark on synthetic data (Teststadt-NNNNN), results for docs/BENCHMARKS.md.
# Usage: [BENCH_HEAP=2g] bench/run.sh [cities=10000] [editions=100] [--no-build | --build-only]   (rows = cities x editions)
set -euo pipefail
cd "$(dirname "$0")/.."
cities=${1:-10000}; editions=${2:-100}; extra=${3:-}
mvn -q -B -Dstyle.color=never test-compile exec:exec -Dexec.classpathScope=test \
  -Dexec.args="-Xmx${BENCH_HEAP:-16g} -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -cp %classpath de.smartcitylod.bench.ConvertBench $cities $editions $extra"
