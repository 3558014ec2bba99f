#!/usr/bin/env bash
# Soak test of seamless releases, on loopback only: a server under a fixed number of concurrent
# clients (SPARQL queries and pages) while the data is rebuilt every 30 s, alternating between the
# curated data and a copy with one extra, clearly synthetic source row; some builds are killed with
# SIGKILL at a random moment first. Reports requests, failed requests (target 0), release switches
# and the server's resident memory over time (target: flat). Nothing is written to data/.
# Usage: bench/soak.sh [seconds=600] [clients=8] [rebuild-every=30]   (server heap: JAVA_OPTS, default -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-600}; clients=${2:-8}; every=${3:-30}
./smartcity --help >/dev/null                      # builds the jar when needed

work=$(mktemp -d /tmp/smartcity-soak.XXXXXX)
cp -r target/smartcity-lod.jar target/lib "$work/"   # a pinned copy: edits to the sources during the run change nothing
export SMARTCITY_JAR="$work/smartcity-lod.jar"

trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${server:-}" ] && kill -9 "$server" 2>/dev/null || true' EXIT
mkdir -p "$work/a" "$work/b"
cp data/*.csv "$work/a/"; cp data/*.csv "$work/b/"
echo 'soak-synthetic,Soak-Test: synthetische Quelle (nicht veröffentlicht),smartcity-lod bench/soak.sh,,2020,,dataset,de,synthetic row of the soak test' >> "$work/b/sources.csv"
# ./smartcity execs java, so $! of a background ./smartcity is the JVM itself (to measure and to kill)
build() { ./smartcity build --data "$1" --store "$work/run/tdb2" --dumps "$work/run/dumps" >>"$work/build.log" 2>&1; }

build "$work/a"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JAVA_OPTS=${JAVA_OPTS:--Xmx1g} ./smartcity serve --port "$port" --store "$work/run/tdb2" --dumps "$work/run/dumps" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://localhost:$port/\$/ping" >/dev/null && break; sleep 0.5; done

query='SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> }'
client() {   # one client: a query, a city page, an edition page, an RDF document, in turn; one line per request
  local i=0 urls=("/smartcity/sparql" "/page/city/06411000" "/page/index/2024" "/data/city/05711000.ttl")
  while [ -f "$work/running" ]; do
    local u=${urls[$((i % 4))]}; i=$((i + 1))
    if [ "$u" = /smartcity/sparql ]; then
      curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -H 'Accept: application/sparql-results+json' --data-urlencode "query=$query" "http://localhost:$port$u"
    else
      curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "http://localhost:$port$u"
    fi
  done >>"$work/codes.$1"
}
touch "$work/running"
for c in $(seq 1 "$clients"); do client "$c" & done

start=$(date +%s); next=$((start + every)); flip=b; killed=0; builds=0
echo "t_s rss_kib" >"$work/rss"
while [ $(( $(date +%s) - start )) -lt "$duration" ]; do
  now=$(date +%s)
  echo "$((now - start)) $(ps -o rss= -p "$server" | tr -d ' ')" >>"$work/rss"
  if [ "$now" -ge "$next" ]; then
    if [ $((RANDOM % 3)) -eq 0 ]; then                      # a build killed with SIGKILL at a random moment
      ./smartcity build --data "$work/$flip" --store "$work/run/tdb2" --dumps "$work/run/dumps" >>"$work/build.log" 2>&1 &
      b=$!; sleep "0.$((RANDOM % 10))$((RANDOM % 10))"; sleep $((RANDOM % 3)); kill -9 "$b" 2>/dev/null || true; wait "$b" 2>/dev/null || true
      killed=$((killed + 1))
    fi
    build "$work/$flip"; builds=$((builds + 1))
    if [ "$flip" = b ]; then flip=a; else flip=b; fi
    next=$((next + every))
  fi
  sleep 10
done
rm -f "$work/running"; wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
total=$(cat "$work"/codes.* | wc -l); failed=$(cat "$work"/codes.* | grep -vc '^200$' || true)
swaps=$(grep -c 'now serving release' "$work/server.log" || true)
read -r rss0 rssmin rssmax rss1 < <(awk 'NR>1{v[NR]=$2} END{min=1e18;max=0;for(i in v){if(v[i]<min)min=v[i];if(v[i]>max)max=v[i]} print v[2], min, max, v[NR]}' "$work/rss")
echo "soak: ${duration}s, $clients clients, rebuild every ${every}s on loopback"
echo "requests: $total; failed: $failed; builds: $builds (+$killed killed with SIGKILL first); release switches: $swaps"
echo "server RSS (KiB): first $rss0, min $rssmin, max $rssmax, last $rss1"
echo "RSS over time (s KiB):"; awk 'NR>1 && (NR-2) % 6 == 0' "$work/rss" | tr '\n' ';'; echo
[ "$failed" -eq 0 ] || { echo "failed requests by status:"; cat "$work"/codes.* | grep -v '^200$' | sort | uniq -c; }
echo "logs: $work"
