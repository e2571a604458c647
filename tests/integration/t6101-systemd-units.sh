# systemd/: every unit passes `systemd-analyze verify` (with no complaint
# at all: verify exits 0 on many parse errors, so stderr must be empty) as
# `make install` writes it, and kyniem.service's exposure score from
# `systemd-analyze security` is 2.0 or lower (the backup service's, which
# has no network at all, 1.0 or lower).
. "$SRC/tests/lib.sh"
normal_only "checks the unit files offline, not \$KYNIEM's code"
command -v systemd-analyze >/dev/null ||
    skip_all "systemd-analyze not installed"

# Install into a scratch root so ExecStart names a binary that exists
# there and the man pages of Documentation= are found.
root="$T/root"
make -s -C "$SRC" -o "$KYNIEM" BUILD="$(dirname "$KYNIEM")" \
    PREFIX="$root/usr" SYSCONFDIR="$root/etc" install >"$T/install.log" 2>&1 ||
    { cat "$T/install.log"; die "make install failed"; }
units="$root/usr/lib/systemd/system"
expect_grep "^ExecStart=$root/usr/bin/kyniem " "$units/kyniem.service"

verify() {	# verify UNIT: systemd-analyze verify, in the unit's directory
	(cd "$units" && MANPATH="$root/usr/share/man" \
	    systemd-analyze verify "./$1")
}
for u in kyniem.service kyniem.socket kyniem-remind.service \
    kyniem-remind.timer kyniem-backup.service kyniem-backup.timer; do
	expect "systemd-analyze verify $u" verify "$u" >"$T/verify-$u.log" 2>&1
	expect "systemd-analyze verify has no complaint about $u" \
	    [ ! -s "$T/verify-$u.log" ]
	cat "$T/verify-$u.log"
done

# The shipped units themselves (not the installed copies) are scored.
for u in kyniem.service kyniem-remind.service kyniem-backup.service; do
	expect "systemd-analyze security $u" systemd-analyze security \
	    --offline=yes "$SRC/systemd/$u" >"$T/security-$u.txt" 2>&1
	score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' \
	    "$T/security-$u.txt")
	expect "an exposure score for $u: '$score'" [ -n "$score" ]
done
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' \
    "$T/security-kyniem.service.txt")
expect "kyniem.service exposure '$score' is 2.0 or lower" \
    awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }'
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' \
    "$T/security-kyniem-backup.service.txt")
expect "kyniem-backup.service exposure '$score' is 1.0 or lower" \
    awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 1.0) }'

# The settings the issue names are really there (a score alone could hide
# a missing one behind others).
for k in Type=notify StateDirectory=kyniem User=kyniem NoNewPrivileges=yes \
    ProtectSystem=strict ProtectHome=yes PrivateTmp=yes PrivateDevices=yes \
    ProtectKernelTunables=yes ProtectKernelModules=yes ProtectKernelLogs=yes \
    ProtectControlGroups=yes RestrictNamespaces=yes \
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' \
    SystemCallFilter=@system-service CapabilityBoundingSet= \
    'ExecReload=/bin/kill -HUP $MAINPID'; do
	expect "kyniem.service has $k" \
	    grep -qxF "$k" "$SRC/systemd/kyniem.service"
done
expect "kyniem-remind.service is oneshot" \
    grep -qx 'Type=oneshot' "$SRC/systemd/kyniem-remind.service"
for k in Persistent=true RandomizedDelaySec=15min; do
	expect "kyniem-remind.timer has $k" \
	    grep -qx "$k" "$SRC/systemd/kyniem-remind.timer"
done
# The timer fires at 07:00 Vietnam time, whatever the machine's zone.
spec=$(sed -n 's/^OnCalendar=//p' "$SRC/systemd/kyniem-remind.timer")
expect "OnCalendar=$spec parses" env TZ=UTC systemd-analyze calendar \
    --iterations=2 "$spec" >"$T/calendar.txt"
expect_grep '00:00:00 UTC' "$T/calendar.txt"
echo "kyniem-remind.timer: $spec"

# The backup: a oneshot as the service's user, without network, every
# night at 02:30 Vietnam time (19:30 UTC), made up after a night off.
for k in Type=oneshot User=kyniem PrivateNetwork=yes \
    'RestrictAddressFamilies=AF_UNIX' IPAddressDeny=any \
    'ExecStart=/usr/local/bin/kyniem --config /etc/kyniem/kyniem.conf backup'; do
	expect "kyniem-backup.service has $k" \
	    grep -qxF "$k" "$SRC/systemd/kyniem-backup.service"
done
expect "kyniem-backup.timer has Persistent=true" \
    grep -qx Persistent=true "$SRC/systemd/kyniem-backup.timer"
spec=$(sed -n 's/^OnCalendar=//p' "$SRC/systemd/kyniem-backup.timer")
expect "OnCalendar=$spec parses" env TZ=UTC systemd-analyze calendar \
    --iterations=2 "$spec" >"$T/calendar-backup.txt"
expect_grep '19:30:00 UTC' "$T/calendar-backup.txt"
echo "kyniem-backup.timer: $spec"
