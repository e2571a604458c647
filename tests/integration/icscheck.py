"""Check iCalendar files the way a strict reader would, then count events.

usage: icscheck.py FILE...   prints "FILE EVENTS" per file; exits 1 on the
first file that breaks RFC 5545's octet rules or that python3-icalendar
cannot read.  Run by /usr/bin/python3 (Debian's python3-icalendar).
"""
import sys

import icalendar


def fail(path, msg):
    print(f"{path}: {msg}", file=sys.stderr)
    sys.exit(1)


def check_octets(path, data):
    if not data.endswith(b"\r\n"):
        fail(path, "does not end with CRLF")
    lines = data.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(path, f"line {n}: bare CR or LF")
        if len(line) > 75:
            fail(path, f"line {n}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(path, f"line {n}: folding split a UTF-8 sequence")


def main():
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            data = f.read()
        check_octets(path, data)
        cal = icalendar.Calendar.from_ical(data)
        for prop in ("VERSION", "PRODID", "CALSCALE", "METHOD", "NAME",
                     "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC",
                     "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "X-WR-TIMEZONE"):
            if prop not in cal:
                fail(path, f"calendar has no {prop}")
        # RFC 5545: "1*component", so an empty feed still holds one.
        if not cal.subcomponents:
            fail(path, "calendar without a component")
        events = cal.walk("VEVENT")
        uids = set()
        for ev in events:
            # RFC 5546: an event of a METHOD:PUBLISH calendar has an
            # ORGANIZER.
            for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY",
                         "LAST-MODIFIED", "SEQUENCE", "TRANSP", "ORGANIZER"):
                if prop not in ev:
                    fail(path, f"event {ev.get('UID')} has no {prop}")
            uid = str(ev["UID"])
            if uid in uids:
                fail(path, f"UID {uid} twice")
            uids.add(uid)
            if ev["DTSTART"].params.get("TZID") and not cal.walk("VTIMEZONE"):
                fail(path, f"{uid}: TZID without a VTIMEZONE")
        print(path, len(events))


main()
