#!/usr/bin/env bash
# Side-by-side endpoint benchmark on loopback, in one run, on the curated data:
#   ours     - ./smartcity serve (release-keyed cache)
#   fuseki   - the stock Fuseki main server (FusekiMainCmd from the same Jena 6.0.0 jars) with
#              fuseki-config/config.ttl on a copy of the same TDB2 store
#   virtuoso - Virtuoso open source 7 (Debian virtuoso-opensource) loaded from our N-Quads dump
#   nginx    - Debian's nginx serving the very same answers as static files: the physical limit
#   ours, no cache - the same server with --cache-size 0, for the uncached rows
#   ours+lb  - ours behind deploy/nginx.conf (nginx as load balancer with its one-second micro-cache,
#              answering revalidations of the current release itself), as the deployment recipe runs it
# with wrk (Debian) at fixed connections and duration. Needs: wrk nginx-light virtuoso-opensource.
# Usage: [SYNTHETIC=10000x100] bench/endpoint.sh [seconds=10] [connections=16]
#   SYNTHETIC=CxE: instead of the curated data, C synthetic cities (Teststadt-NNNNN) x E editions of
#   index results (10000x100 = 1M rows, about 9.1M quads); the repeated query is then a GROUP BY over
#   the 10,000 observations of one edition (bench/synthetic-aggregate.rq; one over all 1M rows would
#   exceed the endpoint's 10 s limit) and the pages are those of Teststadt-00001.
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10}; conns=${2:-16}
data=data; city=06411000; city2=09162000; query=queries/01-ranking-per-edition.rq
for t in wrk nginx virtuoso-t isql-vt; do command -v "$t" >/dev/null || { echo "bench/endpoint.sh: $t missing (apt-get install wrk nginx-light virtuoso-opensource)" >&2; exit 1; }; done
./smartcity --help >/dev/null
work=$(mktemp -d /tmp/smartcity-endpoint.XXXXXX)
cp -r target/smartcity-lod.jar target/lib "$work/"
export SMARTCITY_JAR="$work/smartcity-lod.jar"
pids=()
# TERM first: nginx's master stops its workers on TERM (on KILL they would be left running)
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

if [ -n "${SYNTHETIC:-}" ]; then
  mvn -q -B -Dstyle.color=never test-compile exec:exec -Dexec.classpathScope=test \
    -Dexec.args="-Xmx4g -cp %classpath de.smartcitylod.bench.ConvertBench ${SYNTHETIC%x*} ${SYNTHETIC#*x} --generate-only $work/synthetic"
  data=$work/synthetic/data; city=01000001; city2=01000002; query=bench/synthetic-aggregate.rq
fi
./smartcity build --data "$data" --store "$work/run/tdb2" --dumps "$work/run/dumps" >"$work/build.log" 2>&1
store=$(readlink -f "$work/run/tdb2"); dumps=$(readlink -f "$work/run/dumps")

p_ours=$(free_port)
# it tells the deployment's nginx (ours+lb below) the release it serves, as the deploy README says
mkdir -p "$work/lb/release"
./smartcity serve --port "$p_ours" --store "$work/run/tdb2" --dumps "$work/run/dumps" \
  --on-release "deploy/nginx-release $work/lb/release -p $work/lb -c $work/lb/nginx.conf" >"$work/ours.log" 2>&1 & pids+=($!)

# ours without its answer cache (--cache-size 0), on a copy of the run (its links are relative): the
# uncached rows measure rendering itself, since pages and documents ignore query strings in their cache key
cp -r "$work/run" "$work/run-nc"; find "$work/run-nc" \( -name tdb.lock -o -name '.in-use-*' -o -name .build.lock \) -delete
p_nc=$(free_port)
./smartcity serve --port "$p_nc" --cache-size 0 --store "$work/run-nc/tdb2" --dumps "$work/run-nc/dumps" >"$work/ours-nocache.log" 2>&1 & pids+=($!)

# stock Fuseki: the same config file, its store paths pointed at a copy of the store (TDB2 allows one process per store)
cp -r "$store" "$work/stock-tdb2"; rm -f "$work/stock-tdb2"/.in-use-* "$work/stock-tdb2/tdb.lock"
sed -e "s#tdb2:location \"run/tdb2\"#tdb2:location \"$work/stock-tdb2\"#" -e "s#text:directory \"run/tdb2/text-index\"#text:directory <file://$work/stock-tdb2/text-index>#" \
  fuseki-config/config.ttl >"$work/stock-config.ttl"
p_fuseki=$(free_port)
java=$(command -v java); for j in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do [ "$("$j" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')" -ge 21 ] && { java=$j; break; }; done
"$java" -Xmx4g --enable-native-access=ALL-UNNAMED -cp "$work/lib/*" org.apache.jena.fuseki.main.cmds.FusekiMainCmd \
  --port "$p_fuseki" --config "$work/stock-config.ttl" >"$work/fuseki.log" 2>&1 & pids+=($!)

# Virtuoso on loopback, ResultSetMaxRows raised, loaded from the dump (graphs kept; its default graph is their union)
mkdir -p "$work/vt"; cp "$dumps/smartcity-lod.nq.gz" "$work/vt/"
p_vt=$(free_port); p_vth=$(free_port)
sed -e "s#/var/lib/virtuoso-opensource-7/db/#$work/vt/#g" -e "s#^ServerPort *= 1111#ServerPort = 127.0.0.1:$p_vt#" \
    -e "s#^ServerPort *= 8890#ServerPort = 127.0.0.1:$p_vth#" -e "s#^DirsAllowed *=.*#DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, $work/vt#" \
    -e "s#^ResultSetMaxRows *=.*#ResultSetMaxRows = 1000000#" /etc/virtuoso-opensource-7/virtuoso.ini >"$work/vt/virtuoso.ini"
(cd "$work/vt" && exec virtuoso-t -f -c virtuoso.ini >"$work/vt/out.log" 2>&1) & pids+=($!)
for _ in $(seq 1 120); do isql-vt "$p_vt" dba dba exec="status();" >/dev/null 2>&1 && break; sleep 0.5; done
isql-vt "$p_vt" dba dba exec="ld_dir('$work/vt', 'smartcity-lod.nq.gz', 'urn:smartcity-lod:unused'); rdf_loader_run(); checkpoint;" >"$work/vt/load.log" 2>&1

wait_http "http://127.0.0.1:$p_ours/\$/ping"; wait_http "http://127.0.0.1:$p_nc/\$/ping"; wait_http "http://127.0.0.1:$p_fuseki/\$/ping"; wait_http "http://127.0.0.1:$p_vth/sparql?query=ASK%7B%7D"

# nginx: the same answers as static files, fetched once from our server
mkdir -p "$work/static" "$work/nginx/logs"
urlq() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.stdin.read()))'; }
q1=$(grep -v '^#' "$query" | urlq)
accept='application/sparql-results+json'
fetch() { curl -fsS "$@" || { echo "bench/endpoint.sh: could not fetch ${*: -3:1} from our server" >&2; exit 1; }; }
fetch -H "Accept: $accept" "http://127.0.0.1:$p_ours/smartcity/sparql?query=$q1" -o "$work/static/query.json"
fetch -H 'Accept: text/html' "http://127.0.0.1:$p_ours/page/city/$city" -o "$work/static/page.html"
fetch "http://127.0.0.1:$p_ours/data/city/$city.ttl" -o "$work/static/doc.ttl"
cp "$dumps/smartcity-lod.nq.gz" "$work/static/dump.nq.gz"
chmod 755 "$work"; chmod -R a+rX "$work/static"          # nginx workers run as nobody
p_nginx=$(free_port)
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2; daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; etag on; types { application/json json; text/html html; text/turtle ttl; application/gzip gz; }
  server { listen 127.0.0.1:$p_nginx; root $work/static; } }
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
wait_http "http://127.0.0.1:$p_nginx/query.json"

# ours behind the deployment recipe's nginx (deploy/nginx.conf: one replica here, its micro-cache on)
mkdir -p "$work/lb/logs" "$work/lb/cache"
p_lb=$(free_port)
sed -e "s#worker_processes auto;#worker_processes 2; daemon off; pid $work/lb/nginx.pid; error_log $work/lb/logs/error.log;#" \
    -e "s#127.0.0.1:3031#127.0.0.1:$p_ours#" -e "/127.0.0.1:3032/d" -e "s#127.0.0.1:8080#127.0.0.1:$p_lb#" \
    -e "s#/var/cache/nginx/smartcity-lod#$work/lb/cache#" -e "s#/var/lib/smartcity-lod/nginx#$work/lb/release#" deploy/nginx.conf >"$work/lb/nginx.conf"
chmod -R a+rwX "$work/lb"
nginx -p "$work/lb" -c "$work/lb/nginx.conf" & pids+=($!)
wait_http "http://127.0.0.1:$p_lb/\$/ping"

# varying literals: a different query per request, so no cache can answer it
cat >"$work/vary.lua" <<'EOF'
local base = os.getenv("VARY_PATH")
local n = 0
-- a seed per thread and a counter per request: no two requests are the same query
math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
local offset = math.random(1, 1000000000)
request = function()
  n = n + 1
  local q = "SELECT ?o ?rank WHERE { ?o <https://w3id.org/smartcity-de/ontology#rank> ?rank FILTER(?rank = " .. (n % 83 + 1) .. ") } LIMIT " .. (offset + n)
  local enc = q:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format("GET", base .. enc, { ["Accept"] = "application/sparql-results+json" })
end
EOF

# uncached pages and documents: the same resource, sent to the server without its cache (a different
# query string each time too, so that no cache on the way could answer) and rendered from the store
cat >"$work/uncached.lua" <<'EOF'
local n = 0
math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
local offset = math.random(1, 1000000000)
request = function()
  n = n + 1
  return wrk.format("GET", os.getenv("UNCACHED_PATH") .. "?u=" .. (offset + n), { ["Accept"] = os.getenv("UNCACHED_ACCEPT") })
end
EOF

results="$work/results.tsv"; printf 'workload\tserver\treq/s\tp50\tp99\terrors\n' >"$results"
row() {   # workload server wrk-output: one result row (errors: socket errors plus non-2xx/3xx answers)
  local errs non2xx
  errs=$(awk '/Socket errors/{gsub(",","");s=$4+$6+$8+$10} END{print s+0}' <<<"$3"); non2xx=$(awk '/Non-2xx/{print $5}' <<<"$3")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$(awk '/Requests\/sec/{print $2}' <<<"$3")" "$(awk '$1=="50%"{print $2}' <<<"$3")" \
    "$(awk '$1=="99%"{print $2}' <<<"$3")" "$((errs + ${non2xx:-0}))" | tee -a "$results"
}
bench() {   # workload server url [header ...]
  local name=$1 server=$2 url=$3; shift 3
  local hs=(); for h in "$@"; do hs+=(-H "$h"); done
  row "$name" "$server" "$(wrk -t2 -c"$conns" -d"${dur}s" --latency "${hs[@]}" "$url" 2>&1)"
}
varyb() {   # server endpoint-url (wrk takes the host from the URL, the Lua script the path)
  row "query, varying literal" "$1" "$(VARY_PATH="$(sed -E 's#^https?://[^/]+##' <<<"$2")?query=" wrk -t2 -c"$conns" -d"${dur}s" --latency -s "$work/vary.lua" "$2" 2>&1)"
}
uncached() {   # workload path accept (after 5 s unmeasured: a running server has compiled its page code long since)
  UNCACHED_PATH="$2" UNCACHED_ACCEPT="$3" wrk -t2 -c"$conns" -d5s -s "$work/uncached.lua" "http://127.0.0.1:$p_nc" >/dev/null 2>&1
  row "$1" ours "$(UNCACHED_PATH="$2" UNCACHED_ACCEPT="$3" wrk -t2 -c"$conns" -d"${dur}s" --latency -s "$work/uncached.lua" "http://127.0.0.1:$p_nc" 2>&1)"
}
etag_of() {   # url [accept]: the ETag of a GET
  curl -fs -D - -o /dev/null ${2:+-H "Accept: $2"} "$1" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r'
}
# warm-up: each server answers each workload once
for u in "http://127.0.0.1:$p_ours/smartcity/sparql?query=$q1" "http://127.0.0.1:$p_fuseki/smartcity/sparql?query=$q1" "http://127.0.0.1:$p_vth/sparql?query=$q1"; do
  curl -fs -o /dev/null -H "Accept: $accept" "$u"; done
bench "query, repeated" ours "http://127.0.0.1:$p_ours/smartcity/sparql?query=$q1" "Accept: $accept"
bench "query, repeated" fuseki "http://127.0.0.1:$p_fuseki/smartcity/sparql?query=$q1" "Accept: $accept"
bench "query, repeated" virtuoso "http://127.0.0.1:$p_vth/sparql?query=$q1" "Accept: $accept"
bench "query, repeated" nginx "http://127.0.0.1:$p_nginx/query.json"
# nginx's cache holds each URL after its first request (a cold URL: its first burst waits on the cache lock)
curl -fs -o /dev/null -H "Accept: $accept" "http://127.0.0.1:$p_lb/smartcity/sparql?query=$q1"; curl -fs -o /dev/null "http://127.0.0.1:$p_lb/page/city/$city"
bench "query, repeated" ours+lb "http://127.0.0.1:$p_lb/smartcity/sparql?query=$q1" "Accept: $accept"
etag=$(etag_of "http://127.0.0.1:$p_ours/smartcity/sparql?query=$q1" "$accept")
netag=$(etag_of "http://127.0.0.1:$p_nginx/query.json")
# a revalidation repeats the request it revalidates: the same Accept (the ETag varies with it, Vary: Accept)
check304() { [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Accept: $accept" -H "If-None-Match: $2" "$1")" = 304 ] || { echo "no 304 from $1" >&2; exit 1; }; }
check304 "http://127.0.0.1:$p_ours/smartcity/sparql?query=$q1" "$etag"
bench "query, 304 revalidation" ours "http://127.0.0.1:$p_ours/smartcity/sparql?query=$q1" "Accept: $accept" "If-None-Match: $etag"
# nginx gets the same request line (the query string is ignored by its static files) ...
check304 "http://127.0.0.1:$p_nginx/query.json?query=$q1" "$netag"
bench "query, 304 revalidation" nginx "http://127.0.0.1:$p_nginx/query.json?query=$q1" "If-None-Match: $netag"
check304 "http://127.0.0.1:$p_lb/smartcity/sparql?query=$q1" "$etag"
# nginx knows the release (deploy/nginx-release, run by ours at start) and answers these itself
curl -s -D - -o /dev/null -H "Accept: $accept" -H "If-None-Match: $etag" "http://127.0.0.1:$p_lb/smartcity/sparql?query=$q1" | grep -qi '^X-Cache-Status: RELEASE' \
  || { echo "nginx does not answer the revalidation from the release (see $work/ours.log)" >&2; exit 1; }
bench "query, 304 revalidation" ours+lb "http://127.0.0.1:$p_lb/smartcity/sparql?query=$q1" "Accept: $accept" "If-None-Match: $etag"
# ... and with short URLs (an ASK query; nginx's bare path): how much of a 304's cost is the URL
ask='ASK%7B%7D'
aetag=$(etag_of "http://127.0.0.1:$p_ours/smartcity/sparql?query=$ask" "$accept")
check304 "http://127.0.0.1:$p_ours/smartcity/sparql?query=$ask" "$aetag"
check304 "http://127.0.0.1:$p_lb/smartcity/sparql?query=$ask" "$aetag"
bench "query, 304 revalidation, short URL" ours "http://127.0.0.1:$p_ours/smartcity/sparql?query=$ask" "Accept: $accept" "If-None-Match: $aetag"
bench "query, 304 revalidation, short URL" ours+lb "http://127.0.0.1:$p_lb/smartcity/sparql?query=$ask" "Accept: $accept" "If-None-Match: $aetag"
bench "query, 304 revalidation, short URL" nginx "http://127.0.0.1:$p_nginx/query.json" "If-None-Match: $netag"
varyb ours "http://127.0.0.1:$p_ours/smartcity/sparql"
varyb fuseki "http://127.0.0.1:$p_fuseki/smartcity/sparql"
varyb virtuoso "http://127.0.0.1:$p_vth/sparql"
bench "city page" ours "http://127.0.0.1:$p_ours/page/city/$city"
bench "city page" nginx "http://127.0.0.1:$p_nginx/page.html"
bench "city page" ours+lb "http://127.0.0.1:$p_lb/page/city/$city"
bench "RDF document" ours "http://127.0.0.1:$p_ours/data/city/$city.ttl"
bench "RDF document" nginx "http://127.0.0.1:$p_nginx/doc.ttl"
uncached "city page, uncached" "/page/city/$city" "text/html"
uncached "RDF document, uncached" "/data/city/$city.ttl" "text/turtle"
bench "dump download" ours "http://127.0.0.1:$p_ours/dumps/smartcity-lod.nq.gz"
bench "dump download" nginx "http://127.0.0.1:$p_nginx/dump.nq.gz"

echo; echo "ratios (req/s of ours over the other, same workload):"
awk -F'\t' 'NR>1{r[$1"|"$2]=$3} END{for(k in r){split(k,a,"|"); if(a[2]=="ours" || a[2]=="ours+lb") for(o in r){split(o,b,"|"); if(b[1]==a[1] && b[2] !~ /^ours/) printf "  %-26s %s/%-9s %.2f\n", a[1], a[2], b[2], r[k]/r[o]}}}' "$results" | sort
# one uncached request at a time for another city (its labels read once first), the median of nine
one() { for i in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null -w '%{time_total}\n' "$1?nocache=$i$RANDOM"; done | tail -9 | sort -n | sed -n 5p; }
echo "(one uncached request at a time, median of 9, in seconds: city page $(one "http://127.0.0.1:$p_nc/page/city/$city2"), RDF document $(one "http://127.0.0.1:$p_nc/data/city/$city2.ttl"))"
echo "logs and results: $work"
