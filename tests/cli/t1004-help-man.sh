# The command table is the one source of the commands' names and options:
# `kyniem --help` prints it, and doc/kyniem.1 must describe the same
# commands with every option their usage names (and no other command).
. "$SRC/tests/lib.sh"

expect "--help exits 0" "$KYNIEM" --help >"$T/help"
"$PYTHON" - "$T/help" "$SRC/doc/kyniem.1" >"$T/drift" <<'EOP'
import re, sys

help_text = open(sys.argv[1], encoding="utf-8").read()
man = open(sys.argv[2], encoding="utf-8").read()

# Usage lines: "  kyniem NAME ...", options "--word".
usage = {}
for line in help_text.splitlines():
    m = re.match(r"\s+kyniem (\S+)(.*)", line)
    if m:
        usage[m.group(1)] = set(re.findall(r"--([a-z][a-z0-9-]*)", m.group(2)))

# The COMMANDS section: ".It Cm NAME ..." starts a command's text.
section = man.split(".Sh COMMANDS", 1)[1].split("\n.Sh ", 1)[0]
chunks = {}
current = None
for line in section.splitlines():
    m = re.match(r"\.It Cm (\S+)", line)
    if m and m.group(1) in usage or (m and current is None):
        current = m.group(1)
        chunks.setdefault(current, "")
    if current:
        chunks[current] += line + "\n"

drift = []
for name in sorted(set(usage) - set(chunks)):
    drift.append("command '%s' is not in kyniem(1)" % name)
for name in sorted(set(chunks) - set(usage)):
    drift.append("kyniem(1) describes '%s', which --help lacks" % name)
for name, opts in sorted(usage.items()):
    documented = set(re.findall(r"Fl \\-([a-z][a-z0-9-]*)", chunks.get(name, "")))
    for opt in sorted(opts - documented - {"help"}):
        drift.append("%s --%s is not in kyniem(1)" % (name, opt))
if drift:
    print("\n".join(drift))
EOP
cat "$T/drift"
expect "--help and kyniem(1) name the same commands and options" \
    [ ! -s "$T/drift" ]
expect "--help lists every command" [ "$(grep -c '^  kyniem ' "$T/help")" -ge 15 ]
exit 0
