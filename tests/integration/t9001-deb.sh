# The Debian package (debian/, issue 16).  lintian reports no error and no
# warning.  Then, in a throwaway root, apt installs the package: files,
# the kyniem user, the database, the config's mode, the enabled units
# (which pass systemd-analyze verify); a purge leaves nothing.  The
# previous build is installed, the administrator edits the config, adds
# data, enables the timer and makes a backup; the upgrade keeps all of
# it, loads the new calendar rows and restarts the service and the backup
# timer, never running a backup or a reminder itself; remove keeps the
# config and the data, purge removes them and says so.
#
# The throwaway root is an overlay of this machine's own root in a private
# mount namespace: nothing is downloaded (the package's dependencies are
# the build's), nothing written reaches the host, and the mounts vanish
# with the test.  It needs root; without it the test is skipped.
#
# $DEBDIR: a directory holding the built package and its .changes (`make
# check-deb`); without it the package is built here.  $KYNIEM_PREV_DEB: a
# previous release to upgrade from; without it the previous build is made
# from this one (a lower version, without the last relation row, with an
# older kyniem.conf).
. "$SRC/tests/lib.sh"
normal_only "builds and installs the package from the source, not \$KYNIEM"

for c in dpkg-buildpackage dh lintian unshare chroot systemd-analyze \
    systemd-sysusers man; do
	command -v "$c" >/dev/null || { echo "skipped: $c not installed"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "skipped: needs root (mounts, chroot)"; exit 77; }
if [ -z "${T9001_IN_NS:-}" ]; then
	unshare --mount true 2>/dev/null ||
	    { echo "skipped: cannot make a mount namespace"; exit 77; }
	T9001_IN_NS=1 exec unshare --mount --propagation private sh "$0"
fi

version=$(dpkg-parsechangelog -l "$SRC/debian/changelog" -S Version)
arch=$(dpkg --print-architecture)
if [ -z "${DEBDIR:-}" ]; then
	dpkg-checkbuilddeps "$SRC/debian/control" 2>"$T/builddeps" || {
		echo "skipped: $(cat "$T/builddeps")"; exit 77; }
	DEBDIR="$T/deb"
	start=$(date +%s)
	DEB_BUILD_OPTIONS=nocheck "$SRC/scripts/build-deb" "$DEBDIR" \
	    >"$T/build-deb.log" 2>&1 ||
	    { cat "$T/build-deb.log"; fail "the package does not build"; }
	echo "built in $(( $(date +%s) - start ))s"
fi
deb="$DEBDIR/kyniem_${version}_$arch.deb"
[ -f "$deb" ] || fail "no $deb"
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

# lintian on the .changes checks the source package too.  Info and
# pedantic tags are listed, not failed on.
start=$(date +%s)
rc=0
lintian --display-info --pedantic --fail-on error,warning \
    "$DEBDIR/kyniem_${version}_$arch.changes" >"$T/lintian.txt" 2>&1 || rc=$?
grep -v '^running with root privileges' "$T/lintian.txt" | sed 's/^/lintian: /'
[ $rc -eq 0 ] || fail "lintian reports errors or warnings (exit $rc)"
echo "lintian: done in $(( $(date +%s) - start ))s"

# The throwaway root.  An overlay of / holds no other mount: the system
# must live on the root file system.
for d in /usr /var /etc; do
	if mountpoint -q "$d"; then
		echo "skipped: $d is a file system of its own, not in an overlay of /"
		exit 77
	fi
done
start=$(date +%s)
root="$T/root"
mkdir -p "$T/layer" "$root"
mount -t tmpfs -o mode=0755 t9001 "$T/layer" || fail "cannot mount a tmpfs"
mkdir "$T/layer/upper" "$T/layer/work"
mount -t overlay t9001 -o "lowerdir=/,upperdir=$T/layer/upper,workdir=$T/layer/work" \
    "$root" || { echo "skipped: cannot mount an overlay of /"; exit 77; }
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=0755 t9001 "$root/run"
mount -t tmpfs -o mode=1777 t9001 "$root/tmp"

R() {
	chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	    HOME=/root LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
# The commands an administrator runs: as the kyniem user, from /.
K() { R runuser -u kyniem -- sh -c 'cd / && exec "$@"' sh \
    kyniem --config /etc/kyniem/kyniem.conf "$@"; }
apt_get() { R sh -c 'cd /tmp && exec apt-get -y -q "$@"' sh "$@"; }

# apt works from dpkg's status alone: the dependencies are installed, and
# no package list is read (faster) or fetched.  A machine that had kyniem
# before (a package or `make install`) starts clean; the man-db trigger is
# turned off (it would rebuild every index).
mkdir "$root/tmp/empty"
cat >"$root/etc/apt/apt.conf.d/99t9001" <<'EOF'
Dir::Etc::SourceList "/dev/null";
Dir::Etc::SourceParts "/tmp/empty";
Dir::State::Lists "/tmp/empty";
EOF
if R dpkg-query -W kyniem >/dev/null 2>&1; then
	R dpkg --purge kyniem >/dev/null || fail "cannot purge the host's kyniem"
fi
R sh -c 'rm -rf /etc/kyniem /var/lib/kyniem /var/lib/man-db/auto-update \
	    /usr/local/bin/kyniem /usr/local/lib/systemd/system/kyniem* \
	    /usr/local/lib/sysusers.d/kyniem.conf \
	    /usr/local/lib/tmpfiles.d/kyniem.conf /usr/local/share/kyniem
	userdel kyniem 2>/dev/null; groupdel kyniem 2>/dev/null; true'
! R getent passwd kyniem >/dev/null || fail "kyniem user still there"
cp "$deb" "$root/tmp/"
echo "throwaway root ready in $(( $(date +%s) - start ))s"

# Every file and link of the root whose name mentions kyniem, with dpkg's
# own records left out, to compare what is left at each step.
left() {
	(cd "$root" && find etc lib usr/lib usr/bin usr/share/doc \
	    usr/share/man usr/share/kyniem var \
	    -path var/lib/dpkg -prune -o -path var/cache -prune -o \
	    -path 'var/log' -prune -o -name '*kyniem*' -print 2>/dev/null) |
	    LC_ALL=C sort >"$T/left-$1"
}

# What an install must give.  $1: the package's version, $2: the one
# kyniem --version prints.
check_installed() {
	R dpkg-query -W -f '${Status} ${Version}\n' kyniem >"$T/status"
	echo "install ok installed $1" | expect_diff - "$T/status"
	[ "$(R kyniem --version)" = "kyniem $2" ] ||
	    fail "kyniem --version prints '$(R kyniem --version)', not $2"

	# Units where this debhelper's dh_installsystemd takes them.
	unitdir=$(R dpkg -L kyniem | sed -n 's|/kyniem\.socket$||p')
	case $unitdir in
	/lib/systemd/system|/usr/lib/systemd/system) ;;
	*) fail "units in '$unitdir'" ;;
	esac
	{
		for f in /etc/kyniem/kyniem.conf /etc/kyniem/letter.en.txt \
		    /etc/kyniem/letter.vi.txt /usr/bin/kyniem \
		    /usr/lib/sysusers.d/kyniem.conf \
		    /usr/lib/tmpfiles.d/kyniem.conf \
		    /usr/share/doc/kyniem/README.Debian \
		    /usr/share/doc/kyniem/README.md.gz \
		    /usr/share/doc/kyniem/changelog.gz \
		    /usr/share/doc/kyniem/copyright \
		    /usr/share/doc/kyniem/examples/kyniem.conf.example \
		    /usr/share/doc/kyniem/examples/nginx-kyniem.conf \
		    /usr/share/man/man1/kyniem.1.gz \
		    /usr/share/man/man5/kyniem.conf.5.gz; do
			echo "$f"
		done
		for u in kyniem.service kyniem.socket kyniem-remind.service \
		    kyniem-remind.timer kyniem-backup.service \
		    kyniem-backup.timer; do
			echo "$unitdir/$u"
		done
		(cd "$SRC/calendars" && find . -type f \( -name '*.csv' -o \
		    -name '*.md' \)) | sed 's|^\.|/usr/share/kyniem/calendars|'
	} | LC_ALL=C sort >"$T/files.expected"
	R dpkg -L kyniem | while read -r f; do
		[ -d "$root$f" ] || echo "$f"; done | LC_ALL=C sort >"$T/files"
	expect_diff "$T/files.expected" "$T/files"
	grep -qx 'ExecStart=/usr/bin/kyniem --config /etc/kyniem/kyniem.conf serve' \
	    "$root$unitdir/kyniem.service" || fail "ExecStart of kyniem.service"
	printf '%s\n' /etc/kyniem/kyniem.conf /etc/kyniem/letter.en.txt \
	    /etc/kyniem/letter.vi.txt >"$T/conffiles.expected"
	LC_ALL=C sort "$root/var/lib/dpkg/info/kyniem.conffiles" >"$T/conffiles"
	expect_diff "$T/conffiles.expected" "$T/conffiles"

	# The system user, its directory, the config and the database.
	R getent passwd kyniem | awk -F: '$3 < 1000 && $6 == "/var/lib/kyniem" &&
	    $7 ~ /nologin$/ { ok = 1 } END { exit !ok }' ||
	    fail "kyniem is not a system user: $(R getent passwd kyniem)"
	for f in '/var/lib/kyniem kyniem:kyniem 750' \
	    '/etc/kyniem/kyniem.conf root:kyniem 640' \
	    '/var/lib/kyniem/kyniem.db kyniem:kyniem 600'; do
		set -- $f
		m=$(R stat -c '%U:%G %a' "$1")
		[ "$m" = "$2 $3" ] || fail "$1 is $m, not $2 $3"
	done
	check_rows

	# Enabled the Debian way: the server and its socket and the backup
	# timer, not the reminder timer.
	w="$root/etc/systemd/system"
	[ "$(readlink "$w/multi-user.target.wants/kyniem.service")" = \
	    "$unitdir/kyniem.service" ] || fail "kyniem.service not enabled"
	[ "$(readlink "$w/sockets.target.wants/kyniem.socket")" = \
	    "$unitdir/kyniem.socket" ] || fail "kyniem.socket not enabled"
	[ "$(readlink "$w/timers.target.wants/kyniem-backup.timer")" = \
	    "$unitdir/kyniem-backup.timer" ] ||
	    fail "kyniem-backup.timer not enabled"
}

# The database holds every shipped relation row.
check_rows() {
	n=$(K list --kind relation --format csv | wc -l)
	[ "$n" -eq "$(wc -l <"$root/usr/share/kyniem/calendars/relations.csv")" ] ||
	    fail "$((n - 1)) relations in the database"
}

# The installed units, as systemd reads them, without a complaint.
verify_units() {
	for u in kyniem.service kyniem.socket kyniem-remind.service \
	    kyniem-remind.timer kyniem-backup.service kyniem-backup.timer; do
		R systemd-analyze verify "$unitdir/$u" >"$T/verify-$u" 2>&1 ||
		    { cat "$T/verify-$u"; fail "verify $u failed"; }
		[ ! -s "$T/verify-$u" ] ||
		    { cat "$T/verify-$u"; fail "systemd-analyze verify: $u"; }
	done
	echo "systemd-analyze verify: the 6 installed units pass"
}

expect_purged() {	# $1: step name
	left "$1"
	[ ! -s "$T/left-$1" ] || { cat "$T/left-$1"; fail "left after $1"; }
	! R dpkg-query -W -f '${Status}' kyniem 2>/dev/null |
	    grep -qv 'not-installed' || fail "dpkg still knows kyniem after $1"
	R getent passwd kyniem >/dev/null || fail "the kyniem user went away"
}

# 1. A fresh install, without systemd (deb-systemd-invoke does nothing),
# then a purge.
start=$(date +%s)
apt_get install "./$(basename "$deb")" >"$T/install.log" 2>&1 ||
    { cat "$T/install.log"; fail "apt-get install failed"; }
expect_grep "rows from '/usr/share/kyniem/calendars'" "$T/install.log"
check_installed "$version" "$version"
[ ! -e "$w/timers.target.wants/kyniem-remind.timer" ] ||
    fail "the timer is enabled before email is configured"
verify_units
K anniversaries 2025 --milestones >"$T/milestones" ||
    fail "kyniem anniversaries as the kyniem user"
[ -s "$T/milestones" ] || fail "no milestones in 2025"
apt_get purge kyniem >"$T/purge1.log" 2>&1 ||
    { cat "$T/purge1.log"; fail "apt-get purge failed"; }
expect_grep 'purging: removing the database directory /var/lib/kyniem' \
    "$T/purge1.log"
expect_purged purge1
echo "install, purge: ok ($(( $(date +%s) - start ))s)"

# 2. The previous build: a lower version that ships one relation less and
# another kyniem.conf, so that the upgrade has rows to load and a conffile
# to decide on.
start=$(date +%s)
if [ -n "${KYNIEM_PREV_DEB:-}" ]; then
	cp "$KYNIEM_PREV_DEB" "$root/tmp/kyniem-prev.deb"
	prevbin=$(dpkg-deb -f "$KYNIEM_PREV_DEB" Version)
else
	prevbin=$version
	p="$T/prev"
	rm -rf "$p"
	dpkg-deb -R "$deb" "$p"
	sed -i "s/^Version: .*/Version: $version~t9001/" "$p/DEBIAN/control"
	sed -i '$d' "$p/usr/share/kyniem/calendars/relations.csv"
	sed -i '1i # The previous build' "$p/etc/kyniem/kyniem.conf"
	(cd "$p" && find . -type f ! -path './DEBIAN/*' | sed 's|^\./||' |
	    LC_ALL=C sort | xargs md5sum >DEBIAN/md5sums)
	dpkg-deb --root-owner-group -b "$p" "$root/tmp/kyniem-prev.deb" \
	    >/dev/null || fail "cannot build the previous package"
fi
prev=$(dpkg-deb -f "$root/tmp/kyniem-prev.deb" Version)
dpkg --compare-versions "$prev" lt "$version" ||
    fail "previous version $prev is not lower than $version"

# This time with "systemd running": systemctl is replaced by a script that
# records what the maintainer scripts ask of it, does nothing for what
# needs a running manager, and passes the rest (enable, preset,
# is-enabled: links on disk) to the real one; policy-rc.d lets them ask.
sc=$(R sh -c 'readlink -f "$(command -v systemctl)"')
R mv "$sc" "$sc.t9001"
cat >"$root$sc" <<EOF
#!/bin/sh
echo "systemctl \$*" >>/tmp/systemctl.log
for a; do
	case \$a in
	start|stop|restart|try-restart|reload|daemon-reload) exit 0 ;;
	is-active) exit 3 ;;
	esac
done
exec $sc.t9001 --root=/ "\$@"
EOF
chmod 755 "$root$sc"
rm -f "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/run/systemd/system"

apt_get install ./kyniem-prev.deb >"$T/install-prev.log" 2>&1 ||
    { cat "$T/install-prev.log"; fail "installing $prev failed"; }
check_installed "$prev" "$prevbin"
cp "$root/tmp/systemctl.log" "$T/systemctl-install.log"
grep -q 'start kyniem-backup.timer kyniem.service kyniem.socket' \
    "$root/tmp/systemctl.log" || { cat "$root/tmp/systemctl.log";
    fail "the server and the backup timer were not started"; }

# The administrator's part: the config, local data, the timer.
sed -i 's/^domain = .*/domain = lich.example.org/' "$root/etc/kyniem/kyniem.conf"
cp "$root/etc/kyniem/kyniem.conf" "$T/conf.admin"
K activity add --title 'Giao lưu hữu nghị t9001' --start 2027-04-12T08:00 \
    >/dev/null || fail "activity add"
printf '%s\n%s\n' 'key,kind,date,base_year,days,country,name_en,name_vi,tags,source' \
    't9001_local,local,05-20,1995,1,,a local date,ngày địa phương,,t9001' \
    >"$root/tmp/local.csv"
K import /tmp/local.csv >/dev/null || fail "import of a local row"
R "$sc.t9001" --root=/ enable kyniem-remind.timer >/dev/null 2>&1 ||
    fail "systemctl enable kyniem-remind.timer"
# A backup as kyniem-backup.service makes it.
K --now 2025-01-01T02:30 backup >"$T/backup.out" 2>&1 ||
    { cat "$T/backup.out"; fail "kyniem backup as the kyniem user"; }
bk=/var/lib/kyniem/backups/kyniem-2025-01-01-023000.kyb
m=$(R stat -c '%U:%G %a' "$bk")
[ "$m" = "kyniem:kyniem 600" ] || fail "$bk is $m, not kyniem:kyniem 600"
m=$(R stat -c '%U:%G %a' /var/lib/kyniem/backups)
[ "$m" = "kyniem:kyniem 750" ] || fail "backups/ is $m, not kyniem:kyniem 750"
: >"$root/tmp/systemctl.log"

# 3. The upgrade: the changed conffile stays the administrator's (the
# package's copy is set beside it), new rows are loaded, local data and
# the enabled timer stay, the server is restarted.
apt_get -o Dpkg::Options::=--force-confold install "./$(basename "$deb")" \
    >"$T/upgrade.log" 2>&1 || { cat "$T/upgrade.log"; fail "upgrade failed"; }
cp "$root/tmp/systemctl.log" "$T/systemctl-upgrade.log"
check_installed "$version" "$version"
expect_diff "$T/conf.admin" "$root/etc/kyniem/kyniem.conf"
cmp -s "$SRC/config/kyniem.conf.example" \
    "$root/etc/kyniem/kyniem.conf.dpkg-dist" ||
    fail "no kyniem.conf.dpkg-dist with the new config"
K activity list >"$T/activities"
expect_grep 'Giao lưu hữu nghị t9001' "$T/activities"
K show t9001_local >"$T/local" 2>&1 || { cat "$T/local"; fail "local row lost"; }
K backup --list >"$T/backups" 2>&1 || fail "kyniem backup --list"
expect_grep "^2025-01-01T02:30	[0-9]*	not-encrypted	$bk\$" "$T/backups"
K restore --check "$bk" >"$T/check" 2>&1 ||
    { cat "$T/check"; fail "the upgraded kyniem reads the backup"; }
[ -L "$w/timers.target.wants/kyniem-remind.timer" ] ||
    fail "the upgrade disabled the timer"
expect_grep 'restart kyniem-backup.timer kyniem.service kyniem.socket' \
    "$root/tmp/systemctl.log"
expect_grep 'try-restart kyniem-remind.timer' "$root/tmp/systemctl.log"
! grep 'stop kyniem-remind' "$root/tmp/systemctl.log" ||
    fail "the upgrade stopped the timer"
! grep -E '(start|restart) .*kyniem-remind\.service' "$root/tmp/systemctl.log" ||
    fail "the reminder service was run by the package"
! grep -E '(start|restart) .*kyniem-backup\.service' \
    "$T/systemctl-install.log" "$root/tmp/systemctl.log" ||
    fail "the backup service was run by the package"
echo "upgrade $prev -> $version: ok ($(( $(date +%s) - start ))s)"

# 4. Remove: the program goes, the config, the data (with its backups)
# and the user stay, and the timers are stopped.
start=$(date +%s)
: >"$root/tmp/systemctl.log"
apt_get remove kyniem >"$T/remove.log" 2>&1 ||
    { cat "$T/remove.log"; fail "apt-get remove failed"; }
cp "$root/tmp/systemctl.log" "$T/systemctl-remove.log"
expect_grep 'stop kyniem-remind.timer kyniem-remind.service kyniem-backup.service' \
    "$root/tmp/systemctl.log"
expect_grep 'stop kyniem-backup.timer kyniem.service kyniem.socket' \
    "$root/tmp/systemctl.log"
left remove
# Besides the config and the data, the units' enablement (links and
# deb-systemd-helper's record of them) stays until the purge, so that a
# reinstall finds the services as the administrator left them.
cat >"$T/left-remove.expected" <<'EOF'
etc/kyniem
etc/kyniem/kyniem.conf
etc/kyniem/kyniem.conf.dpkg-dist
etc/systemd/system/multi-user.target.wants/kyniem.service
etc/systemd/system/sockets.target.wants/kyniem.socket
etc/systemd/system/timers.target.wants/kyniem-backup.timer
etc/systemd/system/timers.target.wants/kyniem-remind.timer
var/lib/kyniem
var/lib/kyniem/backups/kyniem-2025-01-01-023000.kyb
var/lib/kyniem/kyniem.db
var/lib/systemd/deb-systemd-helper-enabled/kyniem-backup.timer.dsh-also
var/lib/systemd/deb-systemd-helper-enabled/kyniem-remind.timer.dsh-also
var/lib/systemd/deb-systemd-helper-enabled/kyniem.service.dsh-also
var/lib/systemd/deb-systemd-helper-enabled/kyniem.socket.dsh-also
var/lib/systemd/deb-systemd-helper-enabled/multi-user.target.wants/kyniem.service
var/lib/systemd/deb-systemd-helper-enabled/sockets.target.wants/kyniem.socket
var/lib/systemd/deb-systemd-helper-enabled/timers.target.wants/kyniem-backup.timer
var/lib/systemd/deb-systemd-helper-enabled/timers.target.wants/kyniem-remind.timer
EOF
expect_diff "$T/left-remove.expected" "$T/left-remove"
expect_diff "$T/conf.admin" "$root/etc/kyniem/kyniem.conf"
R dpkg-query -W -f '${Status}\n' kyniem | grep -qx 'deinstall ok config-files' ||
    fail "not in config-files state after remove"
R getent passwd kyniem >/dev/null || fail "remove took the kyniem user"

# 5. Purge: everything goes, and apt's output says so.
apt_get purge kyniem >"$T/purge2.log" 2>&1 ||
    { cat "$T/purge2.log"; fail "apt-get purge failed"; }
expect_grep 'removing the database directory /var/lib/kyniem' "$T/purge2.log"
expect_grep 'removing the configuration directory /etc/kyniem' "$T/purge2.log"
expect_purged purge2
echo "remove, purge: ok ($(( $(date +%s) - start ))s)"
