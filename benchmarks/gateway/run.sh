#!/usr/bin/env bash
# Gateway load run of benchmarks/README.md: requests/s through nginx of one route protected by
# auth_request (gateway/nginx.conf as shipped, asking the sample app's /authz/nginx) against the
# same route without auth_request, in one run, plus policy-auth's /authz/nginx asked directly.
# The upstream is a static nginx server, so the comparison measures what the authorization costs.
#
#   benchmarks/gateway/run.sh                # build, start, warm up, measure, print the table, stop
#   STACK=webflux benchmarks/gateway/run.sh  # the same with sample-webflux-app on Reactor Netty
#
# Environment: DURATION per wrk run (10s), WARMUP of the protected route (40s: the JIT needs over
# 30 s of load on 2 cores), ROUNDS (3), CONNECTIONS (16), THREADS (1), SKIP_BUILD=1 to reuse the
# sample app's jar, JAVA_OPTS for the app (-Xms512m -Xmx512m), APP_ARGS more arguments for it.
set -euo pipefail

cd "$(dirname "$0")/../.."
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-40s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-1}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m}"
APP_PORT=18180 PROTECTED_PORT=18100 BASELINE_PORT=18101 UPSTREAM_PORT=18190
STACK="${STACK:-servlet}"
SAMPLE=sample-app
if [[ "$STACK" == "webflux" ]]; then SAMPLE=sample-webflux-app; fi
JAR="$SAMPLE/target/$SAMPLE-0.1.0-SNAPSHOT.jar"
WORK="$(mktemp -d)"
APP_PID="" NGINX_PID=""

stop_all() {
  for pid in "$NGINX_PID" "$APP_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$WORK"
}
trap stop_all EXIT

for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$tool" ]]; then
    echo "$tool not found: installing it from Debian's packages" >&2
    apt-get install -y -q "$tool" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$tool" >/dev/null; }
  fi
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

if [[ "${SKIP_BUILD:-0}" != "1" || ! -f "$JAR" ]]; then
  echo "Building $JAR" >&2
  ./mvnw -B -q -pl "$SAMPLE" -am package -DskipTests
fi

# The shipped configuration on this run's ports, plus the baseline (the same proxying, no
# auth_request) and the static upstream, added to its http block.
sed -e "s/127.0.0.1:8000/127.0.0.1:$PROTECTED_PORT/" -e "s/127.0.0.1:8080/127.0.0.1:$APP_PORT/" \
    -e "s/127.0.0.1:9000/127.0.0.1:$UPSTREAM_PORT/" gateway/nginx.conf | sed '$d' >"$WORK/nginx.conf"
cat >>"$WORK/nginx.conf" <<CONF
    server {
        listen 127.0.0.1:$BASELINE_PORT;
        location / {
            proxy_pass http://service;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Forwarded "";
            proxy_set_header X-Forwarded-For \$remote_addr;
        }
    }
    server {
        listen 127.0.0.1:$UPSTREAM_PORT;
        location / {
            return 200 "ok\n";
        }
    }
}
CONF

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$APP_PORT" --policy-auth.gateway.enabled=true \
  --logging.level.policy-auth.audit=WARN ${APP_ARGS:-} >"$WORK/app.log" 2>&1 &
APP_PID=$!
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" >"$WORK/nginx.log" 2>&1 &
NGINX_PID=$!

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$APP_PORT/api/hello" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$WORK/app.log" >&2; echo "the sample app died" >&2; exit 1; fi
  sleep 0.5
done
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$APP_PORT/dev/token?subject=load&scope=orders:read" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
ROUTE=/orders/1

check() { # url header -> status
  curl -s -o /dev/null -w '%{http_code}' -H "$2" "$1"
}
[[ "$(check "http://127.0.0.1:$PROTECTED_PORT$ROUTE" "$AUTH")" == 200 ]] || { echo "protected route refused" >&2; cat "$WORK/nginx.log" >&2; exit 1; }
[[ "$(check "http://127.0.0.1:$PROTECTED_PORT$ROUTE" "X-Nothing: 1")" == 401 ]] || { echo "protected route open" >&2; exit 1; }
[[ "$(check "http://127.0.0.1:$BASELINE_PORT$ROUTE" "$AUTH")" == 200 ]] || { echo "baseline refused" >&2; exit 1; }

# name|url|extra header
ENDPOINTS=(
  "nginx, no auth_request (baseline)|http://127.0.0.1:$BASELINE_PORT$ROUTE|"
  "nginx + auth_request to policy-auth|http://127.0.0.1:$PROTECTED_PORT$ROUTE|"
  "policy-auth /authz/nginx asked directly|http://127.0.0.1:$APP_PORT/authz/nginx|X-Original-URI: $ROUTE"
)

run_wrk() { # duration url extra-header
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency --timeout 5s -H "$AUTH" -H "X-Original-Method: GET")
  if [[ -n "$3" ]]; then args+=(-H "$3"); fi
  wrk "${args[@]}" "$2"
}

echo "Warming up the protected route for $WARMUP and the others for 10s" >&2
run_wrk "$WARMUP" "http://127.0.0.1:$PROTECTED_PORT$ROUTE" "" >/dev/null
for entry in "${ENDPOINTS[@]}"; do
  IFS='|' read -r _ url header <<<"$entry"
  run_wrk 10s "$url" "$header" >/dev/null
done

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
nginx_ticks() { local total=0; for pid in $(pgrep -P "$NGINX_PID") "$NGINX_PID"; do total=$((total + $(cpu_ticks "$pid"))); done; echo "$total"; }
CLK_TCK=$(getconf CLK_TCK)

: >"$WORK/results"
for round in $(seq 1 "$ROUNDS"); do
  order=("${ENDPOINTS[@]}")
  if (( round % 2 == 0 )); then order=("${ENDPOINTS[2]}" "${ENDPOINTS[1]}" "${ENDPOINTS[0]}"); fi
  echo "Round $round of $ROUNDS" >&2
  for entry in "${order[@]}"; do
    IFS='|' read -r name url header <<<"$entry"
    app_before=$(cpu_ticks "$APP_PID"); nginx_before=$(nginx_ticks)
    out=$(run_wrk "$DURATION" "$url" "$header")
    app_after=$(cpu_ticks "$APP_PID"); nginx_after=$(nginx_ticks)
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out")
    app_us=$(awk -v t=$((app_after - app_before)) -v r="$requests" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t / hz * 1e6 / r }')
    nginx_us=$(awk -v t=$((nginx_after - nginx_before)) -v r="$requests" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t / hz * 1e6 / r }')
    echo "$round|$name|$rps|$p99|$app_us|$nginx_us|${non2xx:-0}" >>"$WORK/results"
  done
done

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS round(s) after ${WARMUP} warm-up, 127.0.0.1, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| endpoint | req/s (median, range) | ratio to baseline | p99 latency (median) | app CPU per request | nginx CPU per request | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|---:|"
baseline=""
for entry in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name _ _ <<<"$entry"
  line=$(awk -F'|' -v n="$name" '$2 == n' "$WORK/results" | sort -t'|' -k3 -n)
  count=$(wc -l <<<"$line"); mid=$(( (count + 1) / 2 ))
  median=$(sed -n "${mid}p" <<<"$line")
  rps=$(cut -d'|' -f3 <<<"$median"); low=$(head -1 <<<"$line" | cut -d'|' -f3); high=$(tail -1 <<<"$line" | cut -d'|' -f3)
  [[ -z "$baseline" ]] && baseline="$rps"
  ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.2fx", a / b }')
  printf '| %s | %.0f (%.0f-%.0f) | %s | %s | %s us | %s us | %s |\n' "$name" "$rps" "$low" "$high" "$ratio" \
    "$(cut -d'|' -f4 <<<"$median")" "$(cut -d'|' -f5 <<<"$median")" "$(cut -d'|' -f6 <<<"$median")" \
    "$(cut -d'|' -f7 <<<"$median")"
done
