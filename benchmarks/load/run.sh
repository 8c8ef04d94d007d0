#!/usr/bin/env bash
# Load run of benchmarks/README.md: one trivial endpoint unprotected, under each policy, and behind
# Spring Security's OAuth2 resource server, all against one app in one run so the ratios hold on a
# noisy machine. Loopback only; bounded in time: about 1 min to build and start, endpoints * WARMUP,
# then ROUNDS * (2 * endpoints - 1) * DURATION (about 11 minutes with the defaults).
#
#   benchmarks/load/run.sh                      # build, start, warm up, measure, print the table, stop
#   DURATION=5s ROUNDS=1 benchmarks/load/run.sh # quicker, noisier
#   STACK=webflux benchmarks/load/run.sh        # the same endpoints on WebFlux and Reactor Netty
#
# Environment: PORT (18080), DURATION per wrk run (8s), WARMUP per endpoint (10s), CONNECTIONS (16),
# THREADS wrk threads (1), ROUNDS measured passes over every endpoint (3), SKIP_BUILD=1 to reuse
# benchmarks/target/benchmarks.jar, JAVA_OPTS for the app (-Xms512m -Xmx512m), ONLY a regular
# expression of the variants to measure (e.g. ONLY='public|HS256'; the baseline always runs),
# REDIS=1 to count the rate limit in a redis-server started on 127.0.0.1:16379 (store: redis;
# LOCAL_BATCH its local-batch, 0 by default),
# TENANCY=1 to turn policy-auth.tenancy on and add a tenant-isolated endpoint with a permission,
# RESOURCES=1 to add a resource check against Cerbos on 127.0.0.1:3592 (started with cerbos/run.sh
# unless one serves there already) beside the same endpoint without it, DPOP_PROOFS the DPoP proofs
# signed before the run (3,000 a second of warm-up and rounds; each is accepted once, so a run that
# sends more is refused as invalid; the DPoP variant needs THREADS=1).
# PROFILE=dir profiles instead of measuring: after the warm-up, each selected variant and its
# baseline are loaded for DURATION each while async-profiler samples the app's CPU every millisecond
# (dir/<endpoint>.jfr), and ProfileSteps prints where a request's CPU went, in us per request: the
# call tree under policy-auth's front, and the methods that cost more than for the baseline.
#
# Each variant runs between two runs of the baseline and is reported as its ratio to their mean, so
# a machine that slows down or speeds up during the run does not bias any ratio; rounds alternate
# the order of variants; the table reports medians over rounds and the range of each ratio.
set -euo pipefail

cd "$(dirname "$0")/../.."
PORT="${PORT:-18080}"
DURATION="${DURATION:-8s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-1}"
ROUNDS="${ROUNDS:-3}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m}"
PROFILE="${PROFILE:-}"
JAR=benchmarks/target/benchmarks.jar
# STACK=webflux: the same app and endpoints on WebFlux and Reactor Netty, without the Spring
# Security peers (servlet only here).
STACK="${STACK:-servlet}"
APP_ARGS=()
if [[ "$STACK" == "webflux" ]]; then
  APP_ARGS=(--spring.main.web-application-type=reactive
    "--spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration,org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration,org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration")
fi
TENANCY="${TENANCY:-0}"
if [[ "$TENANCY" == "1" ]]; then
  APP_ARGS+=(--policy-auth.tenancy.enabled=true)
fi
REDIS="${REDIS:-0}"
REDIS_PORT=16379
if [[ "$REDIS" == "1" ]]; then
  APP_ARGS+=(--policy-auth.rate-limits.store=redis --spring.data.redis.host=127.0.0.1
    "--spring.data.redis.port=$REDIS_PORT" "--policy-auth.rate-limits.local-batch=${LOCAL_BATCH:-0}")
fi
RESOURCES="${RESOURCES:-0}"
CERBOS="http://127.0.0.1:3592"
if [[ "$RESOURCES" == "1" ]]; then
  APP_ARGS+=(--policy-auth.resources.engine=cerbos "--policy-auth.resources.cerbos.url=$CERBOS")
fi
BASE="http://127.0.0.1:${PORT}"
WORK="$(mktemp -d)"
APP_PID=""
CERBOS_PID=""
REDIS_PID=""

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "$CERBOS_PID" ]] && kill -0 "$CERBOS_PID" 2>/dev/null; then
    kill "$CERBOS_PID"
    wait "$CERBOS_PID" 2>/dev/null || true
  fi
  if [[ -n "$REDIS_PID" ]] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill "$REDIS_PID"
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop_app EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: installing it from Debian's packages" >&2
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi

if [[ "${SKIP_BUILD:-0}" != "1" || ! -f "$JAR" ]]; then
  echo "Building $JAR" >&2
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

if [[ "$RESOURCES" == "1" ]] && ! curl -fs "$CERBOS/_cerbos/health" >/dev/null 2>&1; then
  echo "Starting Cerbos with cerbos/run.sh" >&2
  bash cerbos/run.sh >"$WORK/cerbos.log" 2>&1 &
  CERBOS_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs "$CERBOS/_cerbos/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$CERBOS_PID" 2>/dev/null; then cat "$WORK/cerbos.log" >&2; echo "Cerbos died" >&2; exit 1; fi
    sleep 0.5
  done
fi

if [[ "$REDIS" == "1" ]]; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found: installing it from Debian's packages" >&2
    apt-get install -y -q redis-server >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && apt-get install -y -q redis-server >/dev/null; }
  fi
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
    >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
fi

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$JAR" io.policyauth.benchmarks.load.LoadApplication --server.port="$PORT" "${APP_ARGS[@]}" \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!

for _ in $(seq 1 120); do
  if curl -fs "$BASE/plain" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$WORK/app.log" >&2; echo "the load app died" >&2; exit 1; fi
  sleep 0.5
done
curl -fs "$BASE/plain" >/dev/null || { cat "$WORK/app.log" >&2; echo "the load app did not start" >&2; exit 1; }

curl -fs "$BASE/setup/tokens" >"$WORK/tokens"
credential() { awk -v k="$1" '$1 == k { print $2 }' "$WORK/tokens"; }
HS="Authorization: Bearer $(credential hs256)"
HS_ACME="Authorization: Bearer $(credential hs256acme)"
RS="Authorization: Bearer $(credential rs256)"
ES="Authorization: Bearer $(credential es256)"
KEY="X-API-KEY: $(credential shared)"
DB_KEY="X-API-KEY: $(credential db)"
OPAQUE="Authorization: Bearer $(credential opaque)"

# name|path|header (empty: none)|header of its baseline ("same" when the same). Every variant is
# compared with the unprotected endpoint asked the same request, headers included: a 700-byte
# bearer header costs Tomcat and wrk something whether or not anyone reads it (the second row says
# how much). The first entry is the unprotected endpoint without a header.
ENDPOINTS=(
  "unprotected|/plain||"
  "unprotected, RS256 bearer header sent (unread)|/plain|$RS|"
  "unprotected, 1 us of work in the handler|/plain/busy||"
  "unprotected, a counter and a timer recorded in the handler|/plain/metered||"
  "unprotected, the least a front does (its handler's policy found, counted, timed, caller set)|/plain/fronted||"
  "public|/public||"
  "internal|/internal||"
  "shared_api_key|/shared|$KEY|same"
  "db_api_key (cache warm)|/db|$DB_KEY|same"
  "private HS256|/private/hs256|$HS|same"
  "private HS256, under a rate limit not reached|/private/limited|$HS|same"
  "private RS256|/private/rs256|$RS|same"
  "private ES256|/private/es256|$ES|same"
  "private HS256 + DPoP proof (ES256)|/private/dpop|SCRIPT:dpop|SCRIPT:dpop-fixed"
  "private, opaque token (introspection answer cached)|/private/opaque|$OPAQUE|same"
  "private HS256, tenant-isolated, with a permission|/tenants/acme/private/hs256|$HS_ACME|same"
  "private HS256, a tenant's token|/private/hs256|$HS_ACME|same"
  "private HS256 + resource check (Cerbos over loopback)|/documents/d1|$HS_ACME|same"
  "Spring Security HS256|/ss/hs256|$HS|same"
  "Spring Security RS256|/ss/rs256|$RS|same"
  "Spring Security ES256|/ss/es256|$ES|same"
)
if [[ "$TENANCY" != "1" ]]; then # the tenant endpoint answers only under tenancy
  mapfile -t ENDPOINTS < <(printf '%s\n' "${ENDPOINTS[@]}" | grep -v '|/tenants/acme/')
fi
if [[ "$RESOURCES" != "1" ]]; then # the document endpoint answers only with an engine
  mapfile -t ENDPOINTS < <(printf '%s\n' "${ENDPOINTS[@]}" | grep -v "|/documents/d1|" | grep -v "^private HS256, a tenant")
fi
if [[ "$STACK" == "webflux" ]]; then # no Spring Security peers
  mapfile -t ENDPOINTS < <(printf '%s\n' "${ENDPOINTS[@]}" | grep -v '^Spring Security')
fi
if [[ "$THREADS" != "1" ]]; then # each proof is sent once, which the script ensures for one wrk thread
  mapfile -t ENDPOINTS < <(printf '%s\n' "${ENDPOINTS[@]}" | grep -v '|SCRIPT:dpop|')
fi
if [[ -n "${ONLY:-}" ]]; then # keep the baseline and the variants whose name matches the regex
  selected=("${ENDPOINTS[0]}")
  for entry in "${ENDPOINTS[@]:1}"; do
    if [[ "${entry%%|*}" =~ $ONLY ]]; then selected+=("$entry"); fi
  done
  ENDPOINTS=("${selected[@]}")
fi

baseline_header() { # index -> the header its baseline sends
  IFS='|' read -r _ _ header baseline <<<"${ENDPOINTS[$1]}"
  if [[ "$baseline" == "same" ]]; then echo "$header"; else echo "$baseline"; fi
}

run_wrk() { # duration path header -> wrk output; a header SCRIPT:<name> sends what $WORK/<name>.lua writes
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency --timeout 5s)
  if [[ "$3" == SCRIPT:* ]]; then args+=(-s "$WORK/${3#SCRIPT:}.lua");
  elif [[ -n "$3" ]]; then args+=(-H "$3"); fi
  wrk "${args[@]}" "$BASE$2"
}

# DPoP: a bound token and proofs for GET /private/dpop, each sent once (dpop.lua goes on where the
# last run stopped, in $WORK/dpop.offset); its baseline sends the same headers, one proof, unread.
seconds() { # 8s, 2m -> seconds
  case "$1" in *m) echo $(( ${1%m} * 60 ));; *s) echo "${1%s}";; *) echo "$1";; esac
}
if printf '%s\n' "${ENDPOINTS[@]}" | grep -q '|SCRIPT:dpop|'; then
  # Enough for 3,000 requests a second through the warm-up and every round, unless told.
  DPOP_PROOFS="${DPOP_PROOFS:-$(( ($(seconds "$WARMUP") + ROUNDS * $(seconds "$DURATION")) * 3000 ))}"
  echo "Signing $DPOP_PROOFS DPoP proofs" >&2
  started=$SECONDS
  credential dpop >"$WORK/dpop"
  for (( signed = 0; signed < DPOP_PROOFS; signed += 20000 )); do # in batches: the app's heap is small
    curl -fs "$BASE/setup/dpop?count=$(( DPOP_PROOFS - signed < 20000 ? DPOP_PROOFS - signed : 20000 ))&url=$BASE/private/dpop" \
      >>"$WORK/dpop"
  done
  echo "Signed in $((SECONDS - started)) s" >&2
  echo 3 >"$WORK/dpop.offset"
  cat >"$WORK/dpop.lua" <<LUA
local lines = {}
for line in io.lines("$WORK/dpop") do lines[#lines + 1] = line end
token = "DPoP " .. lines[1]
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args)
  local file = io.open("$WORK/dpop.offset")
  next_line = tonumber(file:read("*l"))
  file:close()
end
request = function()
  local proof = lines[next_line] or lines[2] -- past the end: a replay, refused, and the run invalid
  next_line = next_line + 1
  return wrk.format(nil, nil, {["Authorization"] = token, ["DPoP"] = proof})
end
done = function(summary, latency, requests)
  local file = io.open("$WORK/dpop.offset", "w")
  file:write(tostring(threads[1]:get("next_line")))
  file:close()
end
LUA
  cat >"$WORK/dpop-fixed.lua" <<LUA
local file = io.open("$WORK/dpop")
local token = "DPoP " .. file:read("*l")
local proof = file:read("*l")
file:close()
wrk.headers["Authorization"] = token
wrk.headers["DPoP"] = proof
LUA
fi

# Every endpoint must answer 200 with its credential before anything is measured.
for entry in "${ENDPOINTS[@]}"; do
  IFS="|" read -r name path header _ <<<"$entry"
  if [[ "$header" == SCRIPT:dpop ]]; then
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: DPoP $(sed -n 1p "$WORK/dpop")" \
      -H "DPoP: $(sed -n 2p "$WORK/dpop")" "$BASE$path")
  else
    status=$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "$BASE$path")
  fi
  if [[ "$status" != "200" ]]; then echo "$name ($path) answered $status, not 200" >&2; exit 1; fi
done

echo "Warming up every endpoint for $WARMUP" >&2
for entry in "${ENDPOINTS[@]}"; do
  IFS="|" read -r name path header _ <<<"$entry"
  run_wrk "$WARMUP" "$path" "$header" >/dev/null
done

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # user + system CPU time of the app so far, in clock ticks (fields 14 and 15 of stat)
  sed 's/.*) //' "/proc/$APP_PID/stat" | awk '{ print $12 + $13 }'
}

to_us() { # wrk latency such as 812.00us, 1.23ms, 1.01s -> microseconds
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); print v + 0 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); print v * 1000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000000 }
    else { print "nan" } }'
}

: >"$WORK/results"
# Every variant is measured between two runs of its baseline, and its ratio is taken to the mean of
# those two: a machine that slows down or speeds up during the run moves both sides of each ratio.
# Rounds alternate the order of the variants.
measure() { # name path header -> "rps p99_us cpu_us_per_request"
  local before after out rps p99 requests
  before=$(cpu_ticks)
  out=$(run_wrk "$DURATION" "$2" "$3")
  after=$(cpu_ticks)
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$1: $(grep 'Non-2xx' <<<"$out"); the run is invalid" >&2; exit 1
  fi
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p99=$(to_us "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  awk -v r="$rps" -v p="$p99" -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" \
    'BEGIN { printf "%s %s %.1f\n", r, p, t / hz * 1000000 / n }'
}

if [[ -n "$PROFILE" ]]; then
  mkdir -p "$PROFILE"
  # profile name path header -> "cpu-us-per-request recording"
  profile() {
    local file result
    file="$PROFILE/$(tr -cs 'A-Za-z0-9' '-' <<<"$1" | sed 's/-$//').jfr"
    java -cp "$JAR" io.policyauth.benchmarks.load.SamplingProfiler start "$APP_PID" "$file"
    result=$(measure "$@")
    java -cp "$JAR" io.policyauth.benchmarks.load.SamplingProfiler stop "$APP_PID" "$file"
    echo "$(awk '{ print $3 }' <<<"$result") $file"
  }
  declare -A BASELINES=()
  for i in $(seq 1 $((${#ENDPOINTS[@]} - 1))); do
    IFS="|" read -r name path header _ <<<"${ENDPOINTS[$i]}"
    baseline=$(baseline_header "$i")
    if [[ -z "${BASELINES["h:$baseline"]:-}" ]]; then
      BASELINES["h:$baseline"]=$(profile "unprotected ${baseline%%:*} $i" /plain "$baseline")
    fi
    read -r cpu file <<<"$(profile "$name" "$path" "$header")"
    echo
    echo "## $name ($path), $file"
    echo
    # shellcheck disable=SC2086
    java -cp "$JAR" io.policyauth.benchmarks.load.ProfileSteps "$file" "$cpu" ${BASELINES["h:$baseline"]#* } ${BASELINES["h:$baseline"]%% *}
  done
  exit 0
fi

measure_variant() { # index -> "rps p99_us cpu_us_per_request"
  IFS='|' read -r name path header _ <<<"${ENDPOINTS[$1]}"
  measure "$name" "$path" "$header"
}

measure_baseline() { # header -> the unprotected endpoint asked with it; recorded when it has none
  local result
  result=$(measure "unprotected" /plain "$1")
  if [[ -z "$1" ]]; then echo "0 $round $result - -" >>"$WORK/results"; fi
  echo "$result"
}

# Variants with the same baseline request run next to each other and share the baseline runs
# between them.
VARIANTS=()
while read -r _ i; do VARIANTS+=("$i"); done < <(
  for i in $(seq 1 $((${#ENDPOINTS[@]} - 1))); do
    printf '%s\t%s\n' "$(baseline_header "$i")" "$i"
  done | awk -F'\t' '!($1 in group) { group[$1] = ++groups } { print group[$1], $2 }' | sort -s -n -k1,1)
for round in $(seq 1 "$ROUNDS"); do
  echo "Round $round of $ROUNDS: ${#VARIANTS[@]} variants x $DURATION, each between two runs of its baseline" >&2
  order=("${VARIANTS[@]}")
  if (( round % 2 == 0 )); then
    mapfile -t order < <(printf '%s\n' "${order[@]}" | tac)
  fi
  previous=""
  previous_header=""
  for i in "${order[@]}"; do
    header=$(baseline_header "$i")
    if [[ -z "$previous" || "$header" != "$previous_header" ]]; then
      previous=$(measure_baseline "$header")
      previous_header=$header
    fi
    current=$(measure_variant "$i")
    next=$(measure_baseline "$header")
    # variant round rps p99 cpu baseline_rps baseline_cpu (means of the two baseline runs around it)
    read -r b1 _ c1 <<<"$previous"
    read -r b2 _ c2 <<<"$next"
    echo "$i $round $current $(awk -v a="$b1" -v b="$b2" 'BEGIN { print (a + b) / 2 }') \
$(awk -v a="$c1" -v b="$c2" 'BEGIN { print (a + b) / 2 }')" >>"$WORK/results"
    previous=$next
  done
done

# Medians over rounds; the range of each variant's ratio over rounds, and its middle half (from the first
# to the third quartile), are this run's error bars.
# CPU per request is the app's own user + system time over the requests served: unlike req/s it
# hardly moves when a neighbour takes CPU, so it is the steadier measure on a shared machine.
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS round(s) after $WARMUP warm-up each, 127.0.0.1, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| endpoint | req/s (median, range) | ratio to the same request unprotected (median, range and middle half of the rounds) | p99 latency (median) | app CPU per request (median) | CPU above the same request unprotected (median) |"
echo "|---|---:|---:|---:|---:|---:|"
names="$(printf '%s\n' "${ENDPOINTS[@]}" | cut -d'|' -f1 | paste -sd';')"
sort -k1,1n -k2,2n "$WORK/results" | awk -v names="$names" '
  # The q-quantile, interpolated between the two nearest ranks: 0.5 is the median.
  function quantile(values, count, q,    sorted, i, j, t, at, below) {
    for (i = 1; i <= count; i++) sorted[i] = values[i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
    at = 1 + q * (count - 1); below = int(at)
    return below >= count ? sorted[count] : sorted[below] + (at - below) * (sorted[below + 1] - sorted[below])
  }
  function median(values, count) { return quantile(values, count, 0.5) }
  function low(values, count,    i, m) { m = values[1]; for (i = 2; i <= count; i++) if (values[i] < m) m = values[i]; return m }
  function high(values, count,    i, m) { m = values[1]; for (i = 2; i <= count; i++) if (values[i] > m) m = values[i]; return m }
  function latency(us) { return us >= 1000 ? sprintf("%.2f ms", us / 1000) : sprintf("%.0f us", us) }
  BEGIN { n = split(names, name, ";") }
  {
    i = $1 + 1; c = ++count[i]; rps[i, c] = $3; p99[i, c] = $4; cpu[i, c] = $5
    if ($6 != "-") { ratio[i, c] = $3 / $6; extra[i, c] = $5 - $7 }
  }
  END {
    for (i = 1; i <= n; i++) {
      delete r; delete p; delete u; delete q; delete x
      for (c = 1; c <= count[i]; c++) { r[c] = rps[i, c]; p[c] = p99[i, c]; u[c] = cpu[i, c]; q[c] = ratio[i, c]; x[c] = extra[i, c] }
      line = sprintf("| %s | %.0f (%.0f-%.0f) | ", name[i], median(r, count[i]), low(r, count[i]), high(r, count[i]))
      if (i == 1) {
        line = line sprintf("1.00x (baseline, %d runs) | %s | %.0f us | |", count[i], latency(median(p, count[i])), median(u, count[i]))
      } else {
        line = line sprintf("%.2fx (%.2f-%.2f; middle half %.2f-%.2f) | %s | %.0f us | %+.1f us |", median(q, count[i]),
          low(q, count[i]), high(q, count[i]), quantile(q, count[i], 0.25), quantile(q, count[i], 0.75),
          latency(median(p, count[i])), median(u, count[i]), median(x, count[i]))
        by_name[name[i]] = median(r, count[i])
      }
      print line
    }
    if (!("Spring Security HS256" in by_name)) exit
    print ""
    print "| policy-auth vs Spring Security resource server, same token and endpoint | req/s ratio |"
    print "|---|---:|"
    split("HS256 RS256 ES256", alg, " ")
    for (a = 1; a <= 3; a++) {
      if (("private " alg[a]) in by_name && ("Spring Security " alg[a]) in by_name) {
        printf "| %s | %.2fx |\n", alg[a], by_name["private " alg[a]] / by_name["Spring Security " alg[a]]
      }
    }
  }'
