#!/usr/bin/env bash
# The deployment tests check the reverse-proxy config of the compose stack with `nginx -t`
# (ReverseProxyConfigTest); install Debian's nginx when missing (we run as root on CI). Without
# root, say what to install. Only the binary is used: the package's own server is stopped and
# kept from starting, since the tests need no web server on port 80.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "outpost: the deployment tests need nginx (nginx -t on deploy/nginx/outpost.conf): apt-get install nginx" >&2
  exit 1
fi
echo "outpost: installing nginx for the reverse-proxy config test (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# policy-rc.d exit 101: the package's post-install does not start a server on port 80
policy=/usr/sbin/policy-rc.d
had_policy=false
[[ -e "$policy" ]] && had_policy=true
if [[ "$had_policy" == false ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
fi
apt-get install -y -qq nginx >/dev/null
if [[ "$had_policy" == false ]]; then rm -f "$policy"; fi
