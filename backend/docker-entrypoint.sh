#!/bin/sh
# Start the Spil API: wait for the database, migrate, optionally seed the demo data, then run uvicorn.
#
# The same script runs in the backend container (from /app) and as a plain process in CI
# (from the repository root, with .venv/bin first on the PATH). Settings come from SPIL_*
# environment variables; the ones this script reads itself:
#
#   SPIL_ALEMBIC_INI         path to alembic.ini               (default /app/alembic.ini)
#   SPIL_DB_WAIT_TIMEOUT     seconds to wait for the database  (default 60)
#   SPIL_SEED_DEMO           true/1/yes: load the demo data after migrating (default false)
#   SPIL_HOST, SPIL_PORT     where uvicorn listens             (default 0.0.0.0:8000)
#   SPIL_WORKERS             uvicorn worker processes          (default 2)
#   SPIL_LOG_LEVEL           uvicorn log level                 (default info)
#   SPIL_FORWARDED_ALLOW_IPS the proxies whose X-Forwarded-* headers uvicorn believes: addresses
#                            or networks, comma-separated (default 127.0.0.1; docker-compose.yml
#                            sets nginx's address). The API rate-limits by the client address
#                            they yield, so never '*' where anyone else can reach the API.
#
# With arguments, the script runs them instead (no wait, no migration), e.g.
#   docker compose run --rm backend alembic -c /app/alembic.ini current
set -eu

log() {
    echo "spil-entrypoint: $*" >&2
}

if [ "$#" -gt 0 ]; then
    exec "$@"
fi

alembic_ini="${SPIL_ALEMBIC_INI:-/app/alembic.ini}"
if [ ! -f "$alembic_ini" ]; then
    log "alembic configuration not found at $alembic_ini (set SPIL_ALEMBIC_INI)"
    exit 1
fi

log "waiting for the database (at most ${SPIL_DB_WAIT_TIMEOUT:-60}s)"
python -m spil.cli wait-for-db --timeout "${SPIL_DB_WAIT_TIMEOUT:-60}"

log "migrating: alembic -c $alembic_ini upgrade head"
alembic -c "$alembic_ini" upgrade head

case "$(printf '%s' "${SPIL_SEED_DEMO:-false}" | tr '[:upper:]' '[:lower:]')" in
true | 1 | yes | on)
    log "loading the demo data"
    python -m spil.cli seed-demo
    ;;
*) ;;
esac

host="${SPIL_HOST:-0.0.0.0}"
port="${SPIL_PORT:-8000}"
workers="${SPIL_WORKERS:-2}"
log_level="$(printf '%s' "${SPIL_LOG_LEVEL:-info}" | tr '[:upper:]' '[:lower:]')"
log "starting uvicorn on $host:$port with $workers worker(s)"
exec uvicorn spil.main:app \
    --host "$host" \
    --port "$port" \
    --workers "$workers" \
    --log-level "$log_level" \
    --proxy-headers \
    --forwarded-allow-ips="${SPIL_FORWARDED_ALLOW_IPS:-127.0.0.1}" \
    --no-server-header
