#!/bin/sh
# Regenerate months.txt and disagree.txt from the npm packages amlich and
# date-chinese, installed into a scratch directory (never committed).
# Usage: tests/lunar/gen.sh   (from anywhere; NODE defaults to node)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
NODE=${NODE:-node}
dir=${LUNAR_NPM_DIR:-}
if [ -z "$dir" ]; then
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
fi
if [ ! -d "$dir/node_modules/date-chinese" ]; then
	npm install --silent --no-audit --no-fund --prefix "$dir" \
	    amlich@0.0.2 date-chinese@2.1.4 >/dev/null
fi
NODE_PATH="$dir/node_modules" "$NODE" "$here/gen-vectors.js" "$here"
