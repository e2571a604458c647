"""Check iCalendar files the way a strict reader would, then count events.

usage: icscheck.py FILE...   prints "FILE EVENTS" for each file that passes;
one that breaks RFC 5545's octet rules or that python3-icalendar cannot
read gets no line but a message on stderr, and the exit status is 1.  Run
by /usr/bin/python3 (Debian's python3-icalendar).
"""
import sys

import icalendar


class Bad(Exception):
    pass


def fail(path, msg):
    raise Bad(f"{path}: {msg}")


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


def check(path):
    """The number of events in path, or Bad."""
    with open(path, "rb") as f:
        data = f.read()
    check_octets(path, data)
    cal = icalendar.Calendar.from_ical(data)
    for prop in ("VERSION", "PRODID", "CALSCALE", "NAME",
                 "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC",
                 "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "X-WR-TIMEZONE"):
        if prop not in cal:
            fail(path, f"calendar has no {prop}")
    # RFC 5545: "1*component", so an empty feed still holds one.
    if not cal.subcomponents:
        fail(path, "calendar without a component")
    events = cal.walk("VEVENT")
    uids = set()
    # RFC 5546: an event of a METHOD:PUBLISH calendar has an ORGANIZER
    # (a feed without the union's address has neither).
    need = ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY",
            "LAST-MODIFIED", "SEQUENCE", "TRANSP"]
    if "METHOD" in cal:
        need.append("ORGANIZER")
    for ev in events:
        for prop in need:
            if prop not in ev:
                fail(path, f"event {ev.get('UID')} has no {prop}")
        # An address a client shows as a mail link is a real one.
        org = str(ev.get("ORGANIZER", ""))
        if org.lower().rstrip(".").endswith(".invalid"):
            fail(path, f"event {ev.get('UID')}: ORGANIZER {org}")
        uid = str(ev["UID"])
        if uid in uids:
            fail(path, f"UID {uid} twice")
        uids.add(uid)
        if ev["DTSTART"].params.get("TZID") and not cal.walk("VTIMEZONE"):
            fail(path, f"{uid}: TZID without a VTIMEZONE")
    return len(events)


def main():
    status = 0
    for path in sys.argv[1:]:
        try:
            print(path, check(path))
        except Exception as e:  # Bad, or whatever the parser raises
            print(e if isinstance(e, Bad) else f"{path}: {e!r}",
                  file=sys.stderr)
            status = 1
    sys.exit(status)


main()
