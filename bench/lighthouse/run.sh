#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, Debian's chromium) on the sample edition's home, story and article pages at
# Lighthouse's mobile settings, offline on loopback. Starts `./tidings serve --demo` on a free port unless BASE is
# given, waits for a top story with three publishers or more, and prints one line per page:
#   page  performance  accessibility  best-practices  seo
# Reports (JSON) go to bench/lighthouse/out/. The tool is installed once under bench/lighthouse/.tools (git-ignored).
#   bench/lighthouse/run.sh                  # its own demo server
#   BASE=http://127.0.0.1:8080 bench/lighthouse/run.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TOOLS="$HERE/.tools"
OUT="$HERE/out"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
LIGHTHOUSE="$TOOLS/node_modules/.bin/lighthouse"
if [[ ! -x "$LIGHTHOUSE" ]]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent lighthouse@12.2.3 >&2
fi
mkdir -p "$OUT"

SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT
if [[ -z "${BASE:-}" ]]; then
  PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
  BASE="http://127.0.0.1:$PORT"
  STARTED=$(date +%s.%N)
  "$ROOT/tidings" serve --demo --server.port="$PORT" > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
fi

# the sample edition is ready when a top story has three publishers or more
home=""
for _ in $(seq 1 360); do
  home="$(curl -s "$BASE/?edition=world" || true)"
  if grep -Eq '>([3-9]|[1-9][0-9]+) publishers<' <<<"$home"; then break; fi
  sleep 1
done
[[ -n "${STARTED:-}" ]] && printf 'sample edition: first top story with 3 publishers or more %.1f s after `serve --demo`\n' \
    "$(echo "$(date +%s.%N) - $STARTED" | bc)"
story="$(grep -o 'href="/story/[0-9]*"' <<<"$home" | head -1 | cut -d'"' -f2)"
article="$(grep -o 'href="/article/[0-9]*"' <<<"$home" | head -1 | cut -d'"' -f2)"
[[ -n "$story" && -n "$article" ]] || { echo "no top story found at $BASE" >&2; exit 1; }
# a full-text sample article too: the world section has only those
world="$(curl -s "$BASE/section/world" | grep -o 'href="/article/[0-9]*"' | head -1 | cut -d'"' -f2)"

printf '%-28s %5s %5s %5s %5s\n' page perf a11y bp seo
for page in "/" "$story" "$article" ${world:+"$world"}; do
  name="$(tr '/' '_' <<<"${page#/}")"; name="${name:-home}"
  "$LIGHTHOUSE" "$BASE$page" --quiet --output=json --output-path="$OUT/$name.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 || true
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    const s = k => c[k] && c[k].score != null ? Math.round(c[k].score * 100) : "-";
    console.log(process.argv[2].padEnd(28), ...["performance", "accessibility", "best-practices", "seo"].map(k => String(s(k)).padStart(5)));
  ' "$OUT/$name.json" "$page"
done
