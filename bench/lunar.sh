#!/bin/sh
# Solar-to-lunar conversions per second over every day 1900-2199: kyniem
# (one core, a new calendar, then warm) beside the npm references amlich
# and date-chinese under node, with the ratios.  Run from the repo root;
# BUILD (default build) holds libkyniem.a, NODE defaults to node.  The npm
# packages go to a scratch directory (LUNAR_NPM_DIR to reuse one).
set -eu
BUILD=${BUILD:-build}
NODE=${NODE:-node}
CC=${CC:-cc}
make -s BUILD="$BUILD" "$BUILD/libkyniem.a"
mkdir -p "$BUILD/bench"
"$CC" -std=c11 -D_POSIX_C_SOURCE=200809L -O2 $(for d in src/*/; do printf -- "-I%s " "${d%/}"; done)-o "$BUILD/bench/lunar_bench" \
    bench/lunar_bench.c "$BUILD/libkyniem.a" -lm
dir=${LUNAR_NPM_DIR:-}
if [ -z "$dir" ]; then
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
fi
if [ ! -d "$dir/node_modules/date-chinese" ]; then
	npm install --silent --no-audit --no-fund --prefix "$dir" \
	    amlich@0.0.2 date-chinese@2.1.4 >/dev/null
fi
out=$(mktemp)
taskset -c 0 true 2>/dev/null && pin="taskset -c 0" || pin=
$pin "$BUILD/bench/lunar_bench" >"$out"
NODE_PATH="$dir/node_modules" $pin "$NODE" bench/lunar_ref.js >>"$out"
awk '
	{ name[NR] = $1; days[NR] = $2; ms[NR] = $3; if ($1 == "kyniem") k = $3 }
	END {
		printf "lunar: solar -> lunar, every day 1900-01-01..2199-12-31\n"
		printf "%-14s %8s %10s %14s %12s\n", "impl", "days", "ms", "conv/s", "time/kyniem"
		for (i = 1; i <= NR; i++)
			printf "%-14s %8d %10.1f %14.0f %12.1f\n", name[i], days[i], ms[i],
			    days[i] / (ms[i] / 1000), ms[i] / k
	}' "$out"
rm -f "$out"
