#!/usr/bin/env bash
# The database tests run a second time on a throwaway PostgreSQL cluster that the build starts
# itself (core's LocalPostgres: initdb + postgres on a free loopback port). They need the server
# binaries (initdb, pg_ctl, postgres), on the PATH or in Debian's /usr/lib/postgresql/<version>/bin;
# install Debian's postgresql when missing (we run as root on CI). Without root, say what to install.
# Installing the package also starts Debian's own cluster on port 5432: the tests never use it.
set -euo pipefail
found() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}
if found; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "outpost: the PostgreSQL tests need PostgreSQL 15 or later (initdb, pg_ctl): apt-get install postgresql" >&2
  echo "         (or run only the H2 tests: ./mvnw verify -Doutpost.test.database=h2 -Dpostgresql.skip)" >&2
  exit 1
fi
echo "outpost: installing postgresql for the PostgreSQL tests (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq postgresql >/dev/null
if ! found; then
  echo "outpost: postgresql was installed but initdb is still missing" >&2
  exit 1
fi
