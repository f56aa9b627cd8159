#!/usr/bin/env bash
# Starts the built server on a free port with a throwaway DATA_DIR and checks that every API operation has a caller
# in the web app, apart from apps/web/unreached-routes.ignore. Uses ../shared/tools/unreached-routes when it is
# there, else the repo's copy (scripts/unreached-routes.ts). Exit 0 = pass.
# Only hand-written web code counts: the tool reads a copy of apps/web/src without api/generated, whose schema.d.ts and
# openapi.json name every path of the contract and made every operation look reached, and of its string literals only
# (a comment naming a route is no caller). The copy is made by test/support/unreached-routes.ts (copyWebSource).
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f dist/apps/api/src/main.js ] || npm run build >/tmp/gongyi-unreached-build.log 2>&1 || { echo "build failed"; exit 1; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
pg_port=$(free_port)
data=$(mktemp -d)
web="$data/web-src"
mkdir -p "$web"
node -r ./scripts/register.js -e 'require("./test/support/unreached-routes").copyWebSource("apps/web/src", process.argv[1])' "$web" ||
  { echo "copy of apps/web/src failed"; exit 1; }
[ ! -e "$web/api/generated" ] && [ -f "$web/api/http.ts" ] || { echo "filtered copy of apps/web/src is wrong"; exit 1; }
env -u DATABASE_URL PORT="$port" EMBEDDED_PG_PORT="$pg_port" DATA_DIR="$data" node dist/apps/api/src/main.js >"$data/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done
url="http://127.0.0.1:$port/api/docs-json"
tool=../shared/tools/unreached-routes
if [ -x "$tool" ]; then
  out=$("$tool" "$url" "$web" --ignore-file=apps/web/unreached-routes.ignore)
else
  out=$(node -r ./scripts/register.js scripts/unreached-routes.ts "$url" "$web" apps/web/unreached-routes.ignore)
fi
echo "$out"
last=$(echo "$out" | tail -1)
[[ "$last" =~ ^0\ of\ [1-9][0-9]*\ operations ]]
