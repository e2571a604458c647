# make install into a DESTDIR: exactly the expected files, an existing
# kyniem.conf is not overwritten, the installed binary finds its
# calendars, make uninstall leaves the config and the database, and man
# renders both pages without a warning.
. "$SRC/tests/lib.sh"
d="$T/dest"
mk() {
	make -s -C "$SRC" -o "$KYNIEM" BUILD="$(dirname "$KYNIEM")" \
	    DESTDIR="$d" "$@" >>"$T/make.log" 2>&1 ||
	    { cat "$T/make.log"; die "make $* failed"; }
}
mk install

# The expected list: fixed files plus every shipped calendar.
{
	cat <<EOL
./etc/kyniem/kyniem.conf
./etc/kyniem/kyniem.conf.example
./etc/kyniem/letter.en.txt
./etc/kyniem/letter.vi.txt
./usr/local/bin/kyniem
./usr/local/lib/systemd/system/kyniem-backup.service
./usr/local/lib/systemd/system/kyniem-backup.timer
./usr/local/lib/systemd/system/kyniem-remind.service
./usr/local/lib/systemd/system/kyniem-remind.timer
./usr/local/lib/systemd/system/kyniem.service
./usr/local/lib/systemd/system/kyniem.socket
./usr/local/lib/sysusers.d/kyniem.conf
./usr/local/lib/tmpfiles.d/kyniem.conf
./usr/local/share/doc/kyniem/README.md
./usr/local/share/doc/kyniem/nginx-kyniem.conf
./usr/local/share/man/man1/kyniem.1
./usr/local/share/man/man5/kyniem.conf.5
EOL
	(cd "$SRC/calendars" && find . -type f \( -name '*.csv' -o \
	    -name '*.md' \)) | sed 's|^\.|./usr/local/share/kyniem/calendars|'
} | LC_ALL=C sort >"$T/expected"
(cd "$d" && find . \( -type f -o -type l \) | LC_ALL=C sort) >"$T/installed"
expect_diff "$T/expected" "$T/installed"
expect "the installed binary is executable" [ -x "$d/usr/local/bin/kyniem" ]
expect "the calendars installed as shipped" cmp -s \
    "$SRC/calendars/relations.csv" \
    "$d/usr/local/share/kyniem/calendars/relations.csv"
expect "kyniem.service runs /usr/local/bin/kyniem" grep -qx \
    'ExecStart=/usr/local/bin/kyniem --config /etc/kyniem/kyniem.conf serve' \
    "$d/usr/local/lib/systemd/system/kyniem.service"
expect "kyniem-backup.service runs /usr/local/bin/kyniem backup" grep -qx \
    'ExecStart=/usr/local/bin/kyniem --config /etc/kyniem/kyniem.conf backup' \
    "$d/usr/local/lib/systemd/system/kyniem-backup.service"
# The installed config puts the database where the units expect it.
expect "the installed config uses /var/lib/kyniem/kyniem.db" \
    grep -qx 'path = /var/lib/kyniem/kyniem.db' "$d/etc/kyniem/kyniem.conf"
expect "the installed config loads" "$d/usr/local/bin/kyniem" \
    --config "$d/etc/kyniem/kyniem.conf" lunar --help >/dev/null 2>&1

# An edited config survives a second install; the example is refreshed.
echo '# edited by the admin' >>"$d/etc/kyniem/kyniem.conf"
cp "$d/etc/kyniem/kyniem.conf" "$T/conf.before"
echo '# our wording' >>"$d/etc/kyniem/letter.vi.txt"
cp "$d/etc/kyniem/letter.vi.txt" "$T/letter.before"
echo 'stale' >"$d/etc/kyniem/kyniem.conf.example"
mk install
expect "a second make install keeps the edited kyniem.conf" \
    cmp -s "$T/conf.before" "$d/etc/kyniem/kyniem.conf"
expect "a second make install keeps the union's letter template" \
    cmp -s "$T/letter.before" "$d/etc/kyniem/letter.vi.txt"
expect "a second make install refreshes the example" \
    cmp -s "$SRC/config/kyniem.conf.example" \
    "$d/etc/kyniem/kyniem.conf.example"

# The installed binary finds the installed calendars on its own (its
# compiled data directory is PREFIX/share/kyniem): install with a PREFIX
# under $T and run `kyniem init` from an empty directory.
# The objects of the test build are reused (timestamps kept), so only
# cmd_init.o is compiled again for the new PREFIX, with the sanitizers
# when they are the sanitizer build's.
p="$T/prefix"
mkdir -p "$T/build"
cp -pR "$(dirname "$KYNIEM")/src" "$T/build/"
san=""
[ "$KYNIEM_BUILD" != san ] || san=SANITIZE=1
make -s -C "$SRC" BUILD="$T/build" PREFIX="$p" SYSCONFDIR="$p/etc" $san \
    install >>"$T/make.log" 2>&1 || { cat "$T/make.log"; die "build failed"; }
expect "the PREFIX stamp" [ "$(cat "$T/build/.prefix")" = "$p" ]

printf '[database]\npath = %s/init.db\n' "$T" >"$T/init.conf"
mkdir -p "$T/empty"
installed_init() { (cd "$T/empty" && "$p/bin/kyniem" --config "$T/init.conf" init); }
expect "the installed kyniem init" installed_init >"$T/init.out" 2>&1
expect_grep "from '$p/share/kyniem/calendars'" "$T/init.out"

# Uninstall: only the config, the letters' templates (and data) stay.
mkdir -p "$d/var/lib/kyniem"
echo db >"$d/var/lib/kyniem/kyniem.db"
mk uninstall
(cd "$d" && find . \( -type f -o -type l \) | LC_ALL=C sort) >"$T/left"
printf '%s\n' ./etc/kyniem/kyniem.conf ./etc/kyniem/letter.en.txt \
    ./etc/kyniem/letter.vi.txt ./var/lib/kyniem/kyniem.db >"$T/left.expected"
expect_diff "$T/left.expected" "$T/left"
expect "no share/kyniem left behind" [ ! -e "$d/usr/local/share/kyniem" ]

# Both pages render without a warning (UTF-8: they hold Vietnamese).
for page in "$SRC/doc/kyniem.1" "$SRC/doc/kyniem.conf.5"; do
	expect "man renders $page" env LC_ALL=C.UTF-8 MANWIDTH=80 \
	    man --warnings -l "$page" >"$T/page.txt" 2>"$T/page.err"
	expect "no warnings from man on $page" [ ! -s "$T/page.err" ]
	cat "$T/page.err"
	expect "$page renders over 50 lines" [ "$(wc -l <"$T/page.txt")" -gt 50 ]
	echo "man -l $(basename "$page"): $(wc -l <"$T/page.txt") lines, no warnings"
done
