#!/usr/bin/env bash
# Uncached latency of every example query on the curated data: each query is sent N times, each
# time with a different trailing comment, so the release-keyed cache can never answer it and the
# query runs every time. One client, one request at a time, on loopback; p50, p99 and max per query.
# Federated examples (SERVICE) are skipped: their time is the remote endpoint's.
# Usage: bench/examples.sh [runs=50] [warmup=10]
# The first `warmup` runs of each query are not counted: a public server has long compiled its hot
# code (JIT); a single warm-up run left the result writer and the sort interpreted for the first runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
warmup=${2:-10}
./smartcity --help >/dev/null
work=$(mktemp -d /tmp/smartcity-examples.XXXXXX)
cp -r target/smartcity-lod.jar target/lib "$work/"
export SMARTCITY_JAR="$work/smartcity-lod.jar"
trap 'kill -9 $pid 2>/dev/null || true' EXIT
./smartcity build --data data --store "$work/run/tdb2" --dumps "$work/run/dumps" >"$work/build.log" 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./smartcity serve --port "$port" --store "$work/run/tdb2" --dumps "$work/run/dumps" >"$work/serve.log" 2>&1 & pid=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/\$/ping" && break; sleep 0.5; done
printf 'query\truns\tp50 ms\tp99 ms\tmax ms\n'
for f in queries/*.rq; do
  grep -q 'SERVICE' "$f" && continue
  : >"$work/times"
  for i in $(seq $((1 - warmup)) "$runs"); do      # runs up to 0 warm the JIT for this query and are not counted
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Accept: application/sparql-results+json' \
        --data-urlencode "query=$(cat "$f")
# uncached run $i $RANDOM" "http://127.0.0.1:$port/smartcity/sparql")
    [ "${t%% *}" = 200 ] || { echo "$f: HTTP ${t%% *}" >&2; exit 1; }
    [ "$i" -gt 0 ] && echo "${t#* }" >>"$work/times"
  done
  python3 - "$f" "$work/times" <<'PY'
import sys, math
ts = sorted(float(x) * 1000 for x in open(sys.argv[2]))
q = lambda p: ts[min(len(ts) - 1, math.ceil(p * len(ts)) - 1)]
print(f"{sys.argv[1].split('/')[-1][:-3]}\t{len(ts)}\t{q(0.5):.1f}\t{q(0.99):.1f}\t{ts[-1]:.1f}")
PY
done
