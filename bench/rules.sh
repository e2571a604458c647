# Rules engine: 10,000 observances over 100 years (target: under 1 s on one
# core), and the same engine against Debian's remind(1) on identical work
# (1,000 observances over 100 years: remind needs ~3.5 minutes for the full
# 10,000), the year count computed per trigger by both.
set -eu
BUILD=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$BUILD/libkyniem.a" ] || make -s "$BUILD/libkyniem.a"
cc -O2 $(for d in src/*/; do printf -- "-I%s " "${d%/}"; done)-o "$tmp/rules_bench" bench/rules_bench.c "$BUILD/libkyniem.a" \
    $(pkg-config --libs sqlite3 inih libical) -lm
command -v remind >/dev/null ||
    { echo "remind not installed (scripts/install-deps bench)"; exit 1; }

full=$(taskset -c 0 "$tmp/rules_bench" 10000 2000 100 "$tmp/full.rem")
echo "$full" | head -n 1
secs=$(echo "$full" | tail -n 1 | cut -d' ' -f2)
printf 'target (10,000 x 100 years under 1 s on one core): %s\n' \
    "$(echo "$secs < 1" | bc -l | sed 's/^1$/met/;s/^0$/missed/')"

part=$(taskset -c 0 "$tmp/rules_bench" 1000 2000 100 "$tmp/part.rem")
ours=$(echo "$part" | tail -n 1 | cut -d' ' -f2)
count=$(echo "$part" | tail -n 1 | cut -d' ' -f1)
start=$(date +%s.%N)
# remind -s1200: a simple calendar of 1200 months from 2000-01-01.
taskset -c 0 remind -s1200 "$tmp/part.rem" 2000-01-01 >"$tmp/remind.out"
end=$(date +%s.%N)
theirs=$(echo "$end - $start" | bc -l)
rn=$(wc -l <"$tmp/remind.out")
printf 'same work, 1,000 observances x 100 years:\n'
printf '  kyniem: %d occurrences in %.4f s\n' "$count" "$ours"
printf '  remind: %d occurrences in %.3f s\n' "$rn" "$theirs"
[ "$rn" -eq "$count" ] || echo "  note: occurrence counts differ"
printf '  ratio: kyniem %.0fx faster than remind\n' \
    "$(echo "$theirs / $ours" | bc -l)"
