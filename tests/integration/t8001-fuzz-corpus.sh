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
    { tail -n 20 "$T/build.log"; fail "cannot build the fuzz targets"; }
n=0
for dir in "$SRC"/tests/fuzz/corpus/*/; do
	t=$(basename "$dir")
	[ -x "$FUZZBUILD/$t" ] || fail "no fuzz target for corpus $t"
	# Each file named on the command line runs once, without mutation.
	"$FUZZBUILD/$t" "$dir"* >"$T/$t.log" 2>&1 ||
	    { tail -n 40 "$T/$t.log"; fail "$t failed on its corpus"; }
	c=$(grep -c '^Running: ' "$T/$t.log")
	[ "$c" -gt 0 ] || fail "$t ran no input"
	echo "$t: $c inputs"
	n=$((n + c))
done
echo "$n corpus inputs replayed"
