# src/ is in layers (src/LAYERS): scripts/check-layers finds no include
# that breaks the order and no two modules that include each other in
# the tree as it is, and names the file and the include when a copy of the
# tree is given each kind of breach; the build itself refuses a core/ file
# that includes a store/ header, because core/ compiles without store/'s
# include path.
. "$SRC/tests/lib.sh"
normal_only "checks the source tree, not \$KYNIEM's code"

expect "the tree keeps its layers" "$SRC/scripts/check-layers" "$SRC/src"

# A copy of the tree, broken one way at a time.
copy() {
	rm -rf "$T/src"
	cp -R "$SRC/src" "$T/src"
}
# breaks WHAT EXPECTED: check-layers fails on the copy, naming EXPECTED.
breaks() {
	"$SRC/scripts/check-layers" "$T/src" >"$T/out" 2>&1 && _rc=0 || _rc=$?
	expect "$1: exit 1 ($_rc)" [ "$_rc" -eq 1 ]
	expect_grep "$2" "$T/out"
}

copy
printf '#include "store.h"\n' >>"$T/src/core/rules.c"
breaks "core includes a store header" \
    'src/core/rules.c:[0-9]*: includes "store.h" of store/ (level 3), not below core/ (level 2)'

copy
printf '#include "page.h"\n' >>"$T/src/paper/doc.c"
breaks "a peer's header (paper and feed)" \
    'src/paper/doc.c:[0-9]*: includes "page.h" of feed/ (level 4), not below paper/ (level 4)'

copy
printf '#include "web.h"\n' >>"$T/src/lib/util.h"
breaks "a header includes upwards" \
    'src/lib/util.h:[0-9]*: includes "web.h" of web/'

copy
printf '#include "select.h"\n' >>"$T/src/core/rules.c"
printf '#include "rules.h"\n' >>"$T/src/core/select.c"
breaks "two modules include each other" \
    'modules rules and select include each other'

copy
printf 'int stray;\n' >"$T/src/stray.c"
breaks "a source directly in src/" 'src/stray.c: a source directly in src/'

copy
mkdir "$T/src/extra"
printf 'int extra;\n' >"$T/src/extra/extra.c"
breaks "a folder LAYERS does not list" \
    'src/extra/extra.c: folder "extra/" is not in src/LAYERS'

# The build: core/ compiles with core's and lib's include paths only.
inc=$(cd "$SRC" && make -s -f Makefile -f - print-inc <<'EOM'
print-inc:
	@echo $(call layer_inc,core)
EOM
)
expect "core's include paths are its layer and lib's ($inc)" \
    [ "$inc" = "-Isrc/core -Isrc/lib" ]
printf '#include "store.h"\nint x;\n' >"$T/bad.c"
(cd "$SRC" && cc -fsyntax-only $inc "$T/bad.c") >"$T/cc.out" 2>&1 &&
    _rc=0 || _rc=$?
expect "a core file including store.h does not compile" [ "$_rc" -ne 0 ]
expect_grep 'store.h: No such file or directory' "$T/cc.out"
