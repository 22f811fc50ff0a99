#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and smoke runs.
#
#   scripts/pg-ephemeral.sh start DIR PORT   create a cluster in DIR, start it on 127.0.0.1:PORT,
#                                            create the database `spil` and print its URL on stdout
#   scripts/pg-ephemeral.sh stop DIR         stop the cluster in DIR (fast shutdown) and remove DIR
#   scripts/pg-ephemeral.sh bindir           print the directory of the server binaries (exit 1 if
#                                            there are none): a cheap "is PostgreSQL here?" test
#
# Everything except the URL goes to stderr, so `url=$(scripts/pg-ephemeral.sh start ...)` works.
# The cluster trusts every local connection and runs with fsync off: it is for tests only, it
# listens on 127.0.0.1 only, and its unix socket lives in DIR.
#
# Binaries: $PG_BINDIR if set, else `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin,
# else initdb on the PATH. As root, initdb and pg_ctl run as the `postgres` user (initdb refuses
# to run as root); DIR is then owned by postgres, and its parent must be traversable by it.
set -euo pipefail

prog=$(basename "$0")
# /usr/sbin is not on every PATH.
runuser=$(command -v runuser 2>/dev/null || echo /usr/sbin/runuser)

die() {
    echo "$prog: error: $*" >&2
    exit 1
}

usage() {
    cat >&2 <<EOF
usage: $prog start DIR PORT   create and start a throwaway cluster, print its database URL
       $prog stop DIR         stop the cluster in DIR and remove DIR
       $prog bindir           print where the server binaries are
EOF
    exit 2
}

find_bindir() {
    local candidate dir
    if [[ -n "${PG_BINDIR:-}" ]]; then
        [[ -x "$PG_BINDIR/initdb" && -x "$PG_BINDIR/pg_ctl" ]] ||
            die "PG_BINDIR=$PG_BINDIR has no initdb/pg_ctl"
        echo "$PG_BINDIR"
        return
    fi
    if command -v pg_config >/dev/null 2>&1; then
        candidate=$(pg_config --bindir 2>/dev/null || true)
        if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
            echo "$candidate"
            return
        fi
    fi
    # Newest major version first.
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4,4 -rn); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return
    fi
    die "PostgreSQL server binaries (initdb, pg_ctl) not found: looked at \$PG_BINDIR, \`pg_config --bindir\`," \
        "/usr/lib/postgresql/*/bin and the PATH. Install them, e.g. \`apt-get install -y postgresql-15\`."
}

# Run a PostgreSQL server binary as the cluster owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root but there is no \`postgres\` user to own the cluster"
        # cd / so that the postgres user never trips over an unreadable working directory.
        (cd / && "$runuser" -u postgres -- "$@")
    else
        "$@"
    fi
}

absolute() {
    # DIR may not exist yet: resolve its parent.
    local parent
    parent=$(cd "$(dirname "$1")" 2>/dev/null && pwd -P) || die "parent directory of $1 does not exist"
    echo "$parent/$(basename "$1")"
}

looks_like_cluster() {
    [[ -f "$1/PG_VERSION" ]]
}

cmd_start() {
    [[ $# -eq 2 ]] || usage
    local dir port bindir locale logfile
    dir=$(absolute "$1")
    port=$2
    if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1024 || port >= 32768)); then
        die "PORT must be a number from 1024 to 32767 (got '$port')"
    fi
    # A unix socket path is limited to 107 bytes: DIR/.s.PGSQL.PORT must fit.
    ((${#dir} + 12 + ${#port} <= 107)) || die "DIR path too long for a unix socket directory: $dir"

    bindir=$(find_bindir)
    if [[ -e "$dir" ]]; then
        [[ -d "$dir" ]] || die "$dir exists and is not a directory"
        [[ -z "$(ls -A "$dir")" ]] || die "$dir exists and is not empty; refusing to reuse it"
    else
        mkdir -p "$dir"
    fi
    chmod 0700 "$dir"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$dir"
        "$runuser" -u postgres -- test -w "$dir" ||
            die "user postgres cannot reach $dir (a parent directory is not traversable by it)"
    fi

    # C.UTF-8 where the system has it (Debian does), plain C otherwise.
    locale=C
    if locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
        locale=C.UTF-8
    fi

    echo "$prog: initdb in $dir ($("$bindir/postgres" --version 2>/dev/null || echo "$bindir"))" >&2
    local out
    out=$(as_owner "$bindir/initdb" -D "$dir" --auth=trust -U postgres --encoding=UTF8 \
        --locale="$locale" --no-instructions 2>&1) || {
        echo "$out" >&2
        die "initdb failed"
    }

    logfile="$dir/postgresql.log"
    echo "$prog: starting on 127.0.0.1:$port (log: $logfile)" >&2
    if ! as_owner "$bindir/pg_ctl" -w -t 60 -D "$dir" -l "$logfile" \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2; then
        tail -n 30 "$logfile" >&2 || true
        die "PostgreSQL did not start (is port $port already in use?). Log: $logfile"
    fi

    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres spil >&2 ||
        die "could not create database spil"
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/spil"
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    local dir bindir
    dir=$(absolute "$1")
    if [[ ! -e "$dir" ]]; then
        echo "$prog: $dir does not exist; nothing to stop" >&2
        return 0
    fi
    # Refuse to rm -rf anything that is not a cluster (or an empty leftover of a failed start).
    if ! looks_like_cluster "$dir" && [[ -n "$(ls -A "$dir")" ]]; then
        die "$dir does not look like a PostgreSQL cluster (no PG_VERSION); not removing it"
    fi
    if [[ -f "$dir/postmaster.pid" ]]; then
        bindir=$(find_bindir)
        echo "$prog: stopping the cluster in $dir" >&2
        if ! as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w -t 60 stop >&2; then
            echo "$prog: warning: fast shutdown failed; trying immediate shutdown" >&2
            as_owner "$bindir/pg_ctl" -D "$dir" -m immediate -w -t 30 stop >&2 ||
                echo "$prog: warning: pg_ctl stop failed (server already gone?); removing $dir" >&2
        fi
    fi
    rm -rf "$dir"
}

[[ $# -ge 1 ]] || usage
command=$1
shift
case "$command" in
start) cmd_start "$@" ;;
stop) cmd_stop "$@" ;;
bindir)
    [[ $# -eq 0 ]] || usage
    find_bindir
    ;;
*) usage ;;
esac
