#!/usr/bin/python3
"""Read the messages smtpd.py recorded and check their structure.

usage: mailcheck.py DIR

For each DIR/msg-*.eml, in order, prints one tab-separated line:
  To address, Message-ID, decoded Subject, the calendar's METHOD, the
  VEVENT's SUMMARY, its DTSTART
after checking: From, To, Date, Message-ID, Subject and
Auto-Submitted: auto-generated are present; the body is multipart/mixed
holding multipart/alternative (text/plain, text/html) and one
text/calendar attachment whose method= parameter equals the METHOD inside;
the calendar parses with python3-icalendar.  Exits 1 on any violation.
"""
import email
import email.policy
import glob
import os
import sys

import icalendar


def check(path):
    with open(path, "rb") as f:
        msg = email.message_from_bytes(f.read(), policy=email.policy.default)
    for h in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            sys.exit("%s: no %s header" % (path, h))
    if msg["Auto-Submitted"] != "auto-generated":
        sys.exit("%s: Auto-Submitted is %r" % (path, msg["Auto-Submitted"]))
    if msg.get_content_type() != "multipart/mixed":
        sys.exit("%s: top is %s" % (path, msg.get_content_type()))
    parts = msg.get_payload()
    alt = parts[0]
    kinds = [p.get_content_type() for p in alt.get_payload()]
    if alt.get_content_type() != "multipart/alternative" or \
            kinds != ["text/plain", "text/html"]:
        sys.exit("%s: alternative part is %s %s" % (
            path, alt.get_content_type(), kinds))
    cals = [p for p in parts[1:] if p.get_content_type() == "text/calendar"]
    if len(cals) != 1:
        sys.exit("%s: %d text/calendar parts" % (path, len(cals)))
    cal = icalendar.Calendar.from_ical(cals[0].get_payload(decode=True))
    method = str(cal.get("METHOD"))
    if cals[0].get_param("method") != method:
        sys.exit("%s: Content-Type method=%s but METHOD:%s" % (
            path, cals[0].get_param("method"), method))
    if cals[0].get_content_disposition() != "attachment":
        sys.exit("%s: the calendar is not an attachment" % path)
    ev = cal.walk("VEVENT")[0]
    text = alt.get_payload()[0].get_content()
    if not text.strip():
        sys.exit("%s: empty text/plain body" % path)
    to = msg["To"].addresses[0].addr_spec
    return "\t".join([to, msg["Message-ID"], str(msg["Subject"]), method,
                      str(ev["SUMMARY"]), ev["DTSTART"].to_ical().decode()])


def main():
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "msg-*.eml"))):
        print(check(path))


if __name__ == "__main__":
    main()
