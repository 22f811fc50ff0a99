#!/usr/bin/env bash
# The docker-compose set-up, run as plain processes, with the browser tests going through it:
#
#   PostgreSQL 15 (throwaway, scripts/pg-ephemeral.sh)            127.0.0.1:$SMOKE_PG_PORT  (15433)
#   the API through backend/docker-entrypoint.sh (wait for the
#     database, migrate, seed the demo data, uvicorn)             127.0.0.1:$SMOKE_API_PORT (18001)
#   nginx with frontend/nginx.conf serving frontend/dist and
#     proxying /api to the API (scripts/render-nginx.sh)          127.0.0.1:$SMOKE_WEB_PORT (18080)
#   a mail server (aiosmtpd) that keeps every mail in a maildir   127.0.0.1:$SMOKE_SMTP_PORT (18025)
#   npm --prefix frontend run e2e, with SPIL_E2E_BASE_URL=http://127.0.0.1:$SMOKE_WEB_PORT
#     and SPIL_E2E_MAILDIR (where the invitation's mail is read back)
#
# Needs: make's build (the virtualenv $VENV, default .venv, and frontend/dist), PostgreSQL server
# binaries, nginx and chromium. Without PostgreSQL, nginx or chromium it skips, loudly, except
# under CI=true, where that is a failure. Everything it starts is stopped by process id on exit;
# the exit status is the e2e's. Logs: $SMOKE_LOG_DIR (default var/smoke).
# shellcheck disable=SC2317 # functions called from traps look unreachable to shellcheck 0.9
set -euo pipefail

prog=$(basename "$0")
cd "$(dirname "$0")/.."
repo=$(pwd -P)

pg_port=${SMOKE_PG_PORT:-15433}
api_port=${SMOKE_API_PORT:-18001}
web_port=${SMOKE_WEB_PORT:-18080}
smtp_port=${SMOKE_SMTP_PORT:-18025}
ready_timeout=${SMOKE_READY_TIMEOUT:-180}
e2e_timeout=${SMOKE_E2E_TIMEOUT:-1800}
venv=${VENV:-.venv}
[[ "$venv" == /* ]] || venv="$repo/$venv"
log_dir=${SMOKE_LOG_DIR:-$repo/var/smoke}
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}

say() {
    echo "$prog: $*" >&2
}

die() {
    say "error: $*"
    exit 1
}

# A tool the smoke run cannot do without but a developer's machine may lack.
missing_tool() {
    if [[ "${CI:-}" == true ]]; then
        die "$1 -- CI=true does not skip the smoke run; install it ($2)"
    fi
    say "SKIPPED: $1; install it ($2) to run the smoke test (under CI=true this is a failure)"
    exit 0
}

# --- prerequisites ----------------------------------------------------------------------------
for tool in python alembic uvicorn; do
    [[ -x "$venv/bin/$tool" ]] || die "$venv/bin/$tool not found: build the backend first (make)"
done
[[ -f frontend/dist/index.html ]] || die "frontend/dist/index.html not found: build the SPA first (make)"
[[ -d frontend/node_modules ]] || die "frontend/node_modules not found: install the SPA's packages first (make)"
command -v npm >/dev/null 2>&1 || die "npm not found"
command -v curl >/dev/null 2>&1 || die "curl not found (apt-get install -y curl)"
scripts/pg-ephemeral.sh bindir >/dev/null 2>&1 ||
    missing_tool "PostgreSQL server binaries not found" "apt-get install -y postgresql-15"
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] ||
    missing_tool "nginx not found" "apt-get install -y nginx-light"
[[ -x "$chromium" ]] || missing_tool "chromium not found at $chromium" "apt-get install -y chromium"

port_in_use() {
    python3 -c 'import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)' "$1"
}
for port in "$pg_port" "$api_port" "$web_port" "$smtp_port"; do
    ((port > 1024 && port < 32768)) || die "port $port: use ports from 1025 to 32767"
    if port_in_use "$port"; then
        die "port $port on 127.0.0.1 is already in use (set SMOKE_PG_PORT/SMOKE_API_PORT/SMOKE_WEB_PORT/SMOKE_SMTP_PORT)"
    fi
done

# HTTP status of a GET (000 when nothing answers).
http_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true
}

# --- state and clean-up -------------------------------------------------------------------------
run_dir=$(mktemp -d /tmp/spil-smoke.XXXXXX)
chmod 0755 "$run_dir" # the postgres user and nginx's workers need to get in
mkdir -p "$log_dir"
rm -f "$log_dir"/backend.log "$log_dir"/nginx-error.log "$log_dir"/nginx-access.log "$log_dir"/postgresql.log
pg_dir="$run_dir/pg"
nginx_dir="$run_dir/nginx"
maildir="$run_dir/mail"
pg_started=false
backend_pid=""
smtp_pid=""
nginx_pid=""
e2e_pid=""

# Send SIGTERM to a process (or, with a leading -, a process group), wait up to $2 seconds for
# the process to go, then SIGKILL it.
stop_process() {
    local target=$1 pid=${1#-} timeout=$2 i
    kill -TERM -- "$target" 2>/dev/null || return 0
    for ((i = 0; i < timeout * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "process $pid did not stop in ${timeout}s; killing it"
    fi
    # For a group, also whatever of it outlived its leader.
    kill -KILL -- "$target" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

show_logs() {
    local file
    say "logs are in $log_dir:"
    for file in "$log_dir"/backend.log "$log_dir"/nginx-error.log "$log_dir"/postgresql.log; do
        [[ -s "$file" ]] || continue
        echo "----- last lines of $file -----" >&2
        tail -n 40 "$file" >&2
    done
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    set +e
    if [[ -n "$e2e_pid" ]]; then
        say "stopping the browser tests (process group $e2e_pid)"
        stop_process "-$e2e_pid" 10
    fi
    if [[ -n "$nginx_pid" ]]; then
        say "stopping nginx (pid $nginx_pid)"
        stop_process "$nginx_pid" 10
        cp "$nginx_dir/logs/error.log" "$log_dir/nginx-error.log" 2>/dev/null
        cp "$nginx_dir/logs/access.log" "$log_dir/nginx-access.log" 2>/dev/null
    fi
    if [[ -n "$backend_pid" ]]; then
        # Its own process group: uvicorn and its workers, or the migration still running.
        say "stopping the API (process group $backend_pid)"
        stop_process "-$backend_pid" 20
    fi
    if [[ -n "$smtp_pid" ]]; then
        say "stopping the mail server (pid $smtp_pid)"
        stop_process "$smtp_pid" 10
    fi
    if [[ "$pg_started" == true || -d "$pg_dir" ]]; then
        cp "$pg_dir/postgresql.log" "$log_dir/postgresql.log" 2>/dev/null
        scripts/pg-ephemeral.sh stop "$pg_dir" || say "warning: could not stop PostgreSQL in $pg_dir"
    fi
    rm -rf "$run_dir"
    if ((status != 0)); then
        show_logs
        say "FAILED (exit status $status)"
    else
        say "passed; logs are in $log_dir"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- (a) PostgreSQL -------------------------------------------------------------------------------
say "starting PostgreSQL on 127.0.0.1:$pg_port"
pg_started=true
database_url=$(scripts/pg-ephemeral.sh start "$pg_dir" "$pg_port")

# --- (a2) a mail server that keeps every mail as a file (aiosmtpd's Mailbox handler) ----------------
say "starting a mail server on 127.0.0.1:$smtp_port (mails in $maildir)"
mkdir -p "$maildir/tmp" "$maildir/new" "$maildir/cur" # a maildir
"$venv/bin/python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$maildir" \
    >"$log_dir/smtp.log" 2>&1 </dev/null &
smtp_pid=$!
deadline=$((SECONDS + 20))
until port_in_use "$smtp_port"; do
    kill -0 "$smtp_pid" 2>/dev/null || {
        smtp_pid=""
        die "the mail server exited at start-up ($log_dir/smtp.log)"
    }
    ((SECONDS < deadline)) || die "the mail server did not answer within 20s"
    sleep 0.2
done

# --- (b) the API, the way the container starts it -------------------------------------------------
say "starting the API through backend/docker-entrypoint.sh on 127.0.0.1:$api_port (log: $log_dir/backend.log)"
secret_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
(
    export PATH="$venv/bin:$PATH"
    export VIRTUAL_ENV="$venv"
    # Production settings, except when the run is pinned to a date (SPIL_TODAY, refused in
    # production): then the same stack runs with SPIL_ENV=test "on" that date.
    if [[ -n "${SPIL_TODAY:-}" ]]; then
        export SPIL_ENV=test
    else
        export SPIL_ENV=production
    fi
    export SPIL_DATABASE_URL="$database_url"
    export SPIL_SECRET_KEY="$secret_key"
    export SPIL_SEED_DEMO=true
    # The demo accounts share a known password: their admins are not asked for a second factor
    # (docs/decisions/0022-two-factor-login.md).
    export SPIL_TWO_FACTOR_FOR_ADMINS=optional
    # Mail goes to the mail server above; its links point at nginx.
    export SPIL_SMTP_HOST=127.0.0.1
    export SPIL_SMTP_PORT="$smtp_port"
    export SPIL_SMTP_TLS=none
    export SPIL_PUBLIC_URL="http://127.0.0.1:$web_port"
    export SPIL_HOST=127.0.0.1
    export SPIL_PORT="$api_port"
    export SPIL_WORKERS=1
    export SPIL_COOKIE_SECURE=false
    # Every browser test logs in from 127.0.0.1: a test run is not a password-guessing attack.
    export SPIL_LOGIN_RATE_LIMIT="${SMOKE_LOGIN_RATE_LIMIT:-120/minute}"
    export SPIL_ALEMBIC_INI="$repo/alembic.ini"
    # A process group of its own, so that clean-up reaches whatever it is running at the time.
    exec setsid backend/docker-entrypoint.sh
) >"$log_dir/backend.log" 2>&1 </dev/null &
backend_pid=$!
# setsid forks when the caller leads its process group; then $! is not the group to stop.
sleep 0.2
if [[ "$(ps -o pgid= -p "$backend_pid" 2>/dev/null | tr -d ' ')" != "$backend_pid" ]] &&
    kill -0 "$backend_pid" 2>/dev/null; then
    die "the API did not get a process group of its own (pid $backend_pid)"
fi

ready_url="http://127.0.0.1:$api_port/api/v1/health/ready"
say "waiting for $ready_url (at most ${ready_timeout}s)"
deadline=$((SECONDS + ready_timeout))
until [[ "$(http_status "$ready_url")" == 200 ]]; do
    if ! kill -0 "$backend_pid" 2>/dev/null; then
        wait "$backend_pid" && code=0 || code=$?
        backend_pid=""
        die "the API exited (status $code) before it was ready"
    fi
    ((SECONDS < deadline)) || die "the API was not ready within ${ready_timeout}s"
    sleep 0.5
done
say "the API is ready"

# --- (c) nginx with the frontend image's configuration ----------------------------------------------
say "starting nginx on 127.0.0.1:$web_port (frontend/dist, /api -> 127.0.0.1:$api_port)"
nginx_cmd=$(scripts/render-nginx.sh "$nginx_dir" "127.0.0.1:$web_port" "http://127.0.0.1:$api_port" frontend/dist)
# shellcheck disable=SC2086 # the printed command is split on purpose
$nginx_cmd -t -q || die "nginx rejected the rendered configuration ($nginx_dir/nginx.conf)"
# shellcheck disable=SC2086
$nginx_cmd </dev/null &
nginx_pid=$!
web="http://127.0.0.1:$web_port"
deadline=$((SECONDS + 20))
until [[ "$(http_status "$web/healthz")" == 200 ]]; do
    kill -0 "$nginx_pid" 2>/dev/null || {
        nginx_pid=""
        cp "$nginx_dir/logs/error.log" "$log_dir/nginx-error.log" 2>/dev/null || true
        die "nginx exited at start-up"
    }
    ((SECONDS < deadline)) || die "nginx did not answer within 20s"
    sleep 0.2
done

# Quick checks of the wiring, so that a broken proxy shows up as such and not as a browser test.
[[ "$(http_status "$web/api/v1/health/ready")" == 200 ]] || die "GET $web/api/v1/health/ready through nginx failed"
headers=$(curl -sS -D - -o /dev/null --max-time 5 "$web/") || die "GET $web/ failed"
grep -qi '^content-security-policy:' <<<"$headers" || die "GET $web/ has no Content-Security-Policy header"
[[ "$(http_status "$web/a/client/route")" == 200 ]] || die "the SPA fallback (GET $web/a/client/route) failed"
say "nginx serves the SPA and proxies /api"

# --- (d) the browser tests through nginx -----------------------------------------------------------
say "running the browser tests: npm --prefix frontend run e2e (SPIL_E2E_BASE_URL=$web)"
# timeout runs it in a process group of its own (npm, node, chromium), which it ends after
# $SMOKE_E2E_TIMEOUT seconds, and which the clean-up ends if this script is interrupted.
SPIL_E2E_BASE_URL="$web" CHROMIUM_PATH="$chromium" SPIL_E2E_MAILDIR="$maildir" \
    timeout -k 15 "$e2e_timeout" npm --prefix frontend run e2e </dev/null &
e2e_pid=$!
wait "$e2e_pid" && e2e_status=0 || e2e_status=$?
e2e_pid=""
if ((e2e_status == 124)); then
    say "the browser tests did not finish within ${e2e_timeout}s"
fi
exit "$e2e_status"
