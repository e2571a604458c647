# Sourced by the t6* tests: make ical.js (npm) available under
# $SRC/tests/node, installing it once; sets ICALJS_DIR.  Skips the test
# (exit 77) only when node or npm is missing altogether.
NODE=${NODE:-node}
ICALJS_DIR="$SRC/tests/node"
if [ ! -f "$ICALJS_DIR/node_modules/ical.js/dist/ical.js" ]; then
	command -v "$NODE" >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	    { echo "node and npm are needed for ical.js"; exit 77; }
	mkdir -p "$ICALJS_DIR"
	npm install --prefix "$ICALJS_DIR" --no-audit --no-fund --silent \
	    ical.js@2 >"$T/npm.log" 2>&1 ||
	    { cat "$T/npm.log"; fail "cannot install ical.js from npm"; }
fi
