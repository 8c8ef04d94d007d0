#!/usr/bin/env bash
# Starts Cerbos on 127.0.0.1:3592 with the repository's policies, for the sample's shared documents:
# the pinned Linux binary is installed from npm into target/cerbos on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=target/cerbos/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64
if [ ! -x "$binary" ]; then
  npm install --no-audit --no-fund --silent --prefix target/cerbos @cerbos/cerbos-linux-x64@0.55.0
fi
"$binary" compile cerbos/policies
exec "$binary" server --config=cerbos/config.yaml --log-level=warn
