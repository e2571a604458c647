# Replays every committed fuzz corpus file (seeds and the inputs of every
# crash found so far) through its libFuzzer target once: ASan and UBSan
# abort on any memory error or undefined behaviour, and the targets' own
# checks (lunar round trips, valid occurrence dates) abort on wrong answers.
. "$SRC/tests/lib.sh"
[ "$KYNIEM_BUILD" != san ] ||
    skip_all "replays the fuzz targets, not \$KYNIEM: runs on the normal build"
command -v clang >/dev/null 2>&1 || skip_all "clang not installed"
FUZZBUILD=${FUZZBUILD:-$SRC/build-fuzz}
case $FUZZBUILD in /*) ;; *) FUZZBUILD=$SRC/$FUZZBUILD ;; esac
make -s -C "$SRC" FUZZBUILD="$FUZZBUILD" fuzz-build >"$T/build.log" 2>&1 ||
    { tail -n 20 "$T/build.log"; die "cannot build the fuzz targets"; }
n=0
for dir in "$SRC"/tests/fuzz/corpus/*/; do
	t=$(basename "$dir")
	if [ ! -x "$FUZZBUILD/$t" ]; then
		fail "no fuzz target for corpus $t"
		continue
	fi
	# Each file named on the command line runs once, without mutation.
	expect "$t passes on its corpus" "$FUZZBUILD/$t" "$dir"* \
	    >"$T/$t.log" 2>&1
	c=$(grep -c '^Running: ' "$T/$t.log" || true)
	expect "$t ran its $c inputs" [ "$c" -gt 0 ]
	n=$((n + c))
done
echo "$n corpus inputs replayed"
