# Sourced by the tests that need npm packages: those of
# tests/node/package.json (ical.js, puppeteer-core, axe-core), installed
# once into tests/node/node_modules (git-ignored).  NODE_DIR is that
# directory.  Skips the script (77) only when node or npm is missing.
NODE=${NODE:-node}
NODE_DIR="$SRC/tests/node"

# need_node_modules FILE...: install the packages unless every FILE (a
# path under node_modules) is there already.
need_node_modules() {
	_nm=
	for _f; do
		[ -f "$NODE_DIR/node_modules/$_f" ] || _nm=missing
	done
	[ -n "$_nm" ] || return 0
	command -v "$NODE" >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	    skip_all "node and npm are needed for the npm packages"
	# Two of tests/run's jobs may get here at once: one installs, under
	# a lock, and the other finds it done.  puppeteer-core downloads no
	# browser; the variable tells any package that might.
	PUPPETEER_SKIP_DOWNLOAD=1 flock "$NODE_DIR" sh -c 'd=$1
	    shift
	    for f; do
		[ -f "$d/node_modules/$f" ] ||
		    exec npm install --prefix "$d" --no-audit --no-fund --silent
	    done' sh "$NODE_DIR" "$@" >"$T/npm.log" 2>&1 ||
	    { cat "$T/npm.log"; die "cannot install the npm packages"; }
}
