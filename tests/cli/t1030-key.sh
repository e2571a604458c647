# kyniem key: init makes the union's Ed25519 key beside the database
# (mode 0600) and never overwrites it; --rotate replaces it and keeps the
# old public key listed; show prints the public key as the last word of
# one line, which python3-nacl reads as a 32-byte Ed25519 key; a key file
# others may read, or a damaged one, is refused; [organisation] id must
# be a slug.  The public keys reach the audit trail, the secret never.
. "$SRC/tests/lib.sh"
initdb
cat >>"$T/kyniem.conf" <<EOF
[organisation]
id = khanh-hoa
EOF
KEY="$T/kyniem.db.key"

test_must_fail_with --status=1 "no signing key at '$KEY'" \
    "$KYNIEM" key show
"$KYNIEM" key init >"$T/init" || die "key init"
expect_grep "^signing key written to $KEY (mode 0600)\$" "$T/init"
expect "the key file is the owner's alone (0600)" \
    [ "$(stat -c %a "$KEY")" = 600 ]
"$KYNIEM" key show >"$T/show" || die "key show"
expect "show prints one line" [ "$(wc -l <"$T/show")" -eq 1 ]
expect_grep '^khanh-hoa ed25519 [A-Za-z0-9+/]\{43\}=$' "$T/show"
pub=$(awk '{print $NF}' "$T/show")
expect_grep "^public key: $pub\$" "$T/init"
"$PYTHON" -c 'import base64, sys, nacl.signing
nacl.signing.VerifyKey(base64.b64decode(sys.argv[1], validate=True))' \
    "$pub" 2>"$T/nacl.err"
expect "python3-nacl reads it as an Ed25519 public key" [ ! -s "$T/nacl.err" ]

# Never overwritten without --rotate.
cp "$KEY" "$T/key.before"
test_must_fail_with --status=1 "exists: \`kyniem key init --rotate\` replaces it" \
    "$KYNIEM" key init
expect "the refused init left the key as it was" cmp -s "$T/key.before" "$KEY"

# Rotation: a new key, the old one listed with the day.
"$KYNIEM" --today 2024-03-15 key init --rotate >"$T/rotate" ||
    die "key init --rotate"
expect_grep "^retired public key: $pub\$" "$T/rotate"
"$KYNIEM" key show >"$T/show2"
pub2=$(awk '{print $NF}' "$T/show2")
expect "the rotated key is another" [ "$pub2" != "$pub" ]
"$KYNIEM" key show --all >"$T/all"
expect_grep "^khanh-hoa ed25519 $pub2\$" "$T/all"
expect_grep "^retired 2024-03-15 ed25519 $pub\$" "$T/all"
expect "still the owner's alone" [ "$(stat -c %a "$KEY")" = 600 ]

# The audit trail has both public keys and no secret.
"$KYNIEM" audit >"$T/audit"
expect_grep "	key.create	key:signing	- -> {\"public\":\"$pub\"}\$" "$T/audit"
expect_grep "	key.rotate	key:signing	{\"public\":\"$pub\"} -> {\"public\":\"$pub2\"}\$" \
    "$T/audit"
seed=$(sed -n 's/^seed //p' "$KEY")
expect "the key file has a seed" [ -n "$seed" ]
expect_no_grep "$seed" "$T/audit"

# A key others may read, or a damaged one, is refused.
chmod 640 "$KEY"
test_must_fail_with --status=1 "may be read by others: chmod 600" \
    "$KYNIEM" key show
chmod 600 "$KEY"
sed -i 's/^public .*/public AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/' "$KEY"
test_must_fail_with --status=1 "is not a kyniem signing key" \
    "$KYNIEM" key show
test_must_fail_with --status=1 "is not a kyniem signing key" \
    "$KYNIEM" key init --rotate

test_must_fail --status=2 "$KYNIEM" key init --bogus
test_must_fail --status=2 "$KYNIEM" key frobnicate

# [organisation] id is a slug.
mkconf
printf '[organisation]\nid = Khánh Hòa\n' >>"$T/kyniem.conf"
test_must_fail_with --status=1 "kyniem.conf:4: want a slug (1-32 of a-z 0-9 -, e.g. khanh-hoa) for 'id'" \
    "$KYNIEM" key show
exit 0
