# Replays every committed fuzz corpus file (seeds and the inputs of every
# crash found so far) through its fuzz target once, built with the
# sanitizer build and tests/fuzz/replay.c (make fuzz-replay): ASan and
# UBSan abort on any memory error or undefined behaviour, and the targets'
# own checks (lunar round trips, valid occurrence dates) abort on wrong
# answers.
. "$SRC/tests/lib.sh"
[ "$KYNIEM_BUILD" = san ] ||
    skip_all "replays the fuzz targets under ASan: runs on the sanitizer build"
build=$(dirname "$KYNIEM")
case $build in "$SRC"/*) build=${build#"$SRC"/} ;; esac
make -s -C "$SRC" WERROR=1 SANITIZE=1 BUILD="$build" fuzz-replay \
    >"$T/build.log" 2>&1 ||
    { tail -n 20 "$T/build.log"; die "cannot build the fuzz targets"; }
n=0
for dir in "$SRC"/tests/fuzz/corpus/*/; do
	t=$(basename "$dir")
	if [ ! -x "$SRC/$build/tests/fuzz/$t" ]; then
		fail "no fuzz target for corpus $t"
		continue
	fi
	# Each file named on the command line runs once, without mutation.
	expect "$t passes on its corpus" "$SRC/$build/tests/fuzz/$t" "$dir"* \
	    >"$T/$t.log" 2>&1
	c=$(grep -c '^Running: ' "$T/$t.log" || true)
	f=$(find "$dir" -maxdepth 1 -type f | wc -l)
	expect "$t ran its $f inputs (ran $c)" [ "$c" -eq "$f" ]
	n=$((n + c))
done
echo "$n corpus inputs replayed"
