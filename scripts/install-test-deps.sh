#!/usr/bin/env bash
# Installs everything `npm test` needs on a Debian machine, then the npm dependencies.
#
#   Debian: redis-server (the differential suite starts its own throw-away server),
#           python3-aioredis (1.3.1) and python3-redis (4.3.4), visible to /usr/bin/python3 only.
#   npm:    `npm ci` (or `npm install` without a lockfile); `prepare` compiles TypeScript to dist/.
#
# Idempotent: apt-get runs only when a package is missing. Works as root, or through sudo when available.
# The tests never use a system Redis service: if this script installs redis-server, the package's service is
# kept from starting (policy-rc.d) and stopped/disabled if it started anyway.
set -euo pipefail

cd "$(dirname "$0")/.."

DEB_PACKAGES=(redis-server python3-aioredis python3-redis)
PY=/usr/bin/python3

log() { printf 'install-test-deps: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  SUDO=(__no_root__)
fi
as_root() {
  if [ "${SUDO[0]:-}" = "__no_root__" ]; then
    die "need root (or sudo) to run: $*"
  fi
  "${SUDO[@]}" "$@"
}

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

command -v dpkg-query >/dev/null 2>&1 || die "this script expects a Debian-based system (dpkg-query not found)"

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  # Keep the redis-server package from starting its system service: tests start their own server.
  created_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    as_root sh -c 'printf "#!/bin/sh\n# temporary, written by redis-migrate scripts/install-test-deps.sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
    created_policy=1
  fi
  cleanup_policy() { [ -n "$created_policy" ] && as_root rm -f /usr/sbin/policy-rc.d; true; }
  trap cleanup_policy EXIT
  export DEBIAN_FRONTEND=noninteractive
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  cleanup_policy
  trap - EXIT
  if [[ " ${missing[*]} " == *" redis-server "* ]] && command -v systemctl >/dev/null 2>&1 \
    && [ -d /run/systemd/system ]; then
    # Installed just now by us: make sure no system service is left running or enabled.
    as_root systemctl stop redis-server.service >/dev/null 2>&1 || true
    as_root systemctl disable redis-server.service >/dev/null 2>&1 || true
  fi
else
  log "Debian packages already installed: ${DEB_PACKAGES[*]}"
fi

# Verify what the tests rely on.
REDIS_SERVER="$(command -v redis-server || true)"
[ -n "$REDIS_SERVER" ] || REDIS_SERVER=/usr/bin/redis-server
[ -x "$REDIS_SERVER" ] || die "redis-server not found on PATH or at /usr/bin/redis-server"
log "$("$REDIS_SERVER" --version)"
[ -x "$PY" ] || die "$PY not found (python3-aioredis and python3-redis are installed for it)"
"$PY" -c "
import sys, aioredis, redis, redis.asyncio
assert aioredis.__version__.startswith('1.3'), 'aioredis ' + aioredis.__version__ + ' (need 1.3.x)'
assert tuple(int(x) for x in redis.__version__.split('.')[:2]) >= (4, 2), 'redis ' + redis.__version__ + ' (need >= 4.2)'
print('install-test-deps: %s: python %s, aioredis %s, redis %s' % (sys.executable, sys.version.split()[0], aioredis.__version__, redis.__version__), file=sys.stderr)
" || die "$PY cannot import aioredis 1.3.x and redis >= 4.2"

command -v node >/dev/null 2>&1 || die "node not found (Node 20 or later is required)"
node -e 'const m = +process.versions.node.split(".")[0]; if (m < 20) { console.error("Node " + process.versions.node + " is too old (need >= 20)"); process.exit(1); }' \
  || die "Node 20 or later is required"

if [ -f package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
else
  log "npm install (no package-lock.json)"
  npm install --no-audit --no-fund
fi
log "done"
