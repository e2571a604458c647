#!/usr/bin/python3
"""Print what a person reads in one recorded message.

usage: mailparts.py FILE

Prints the Subject, the calendar attachment's file name as a mail client
decodes it (RFC 2231), its ORGANIZER and number of VEVENTs, then the
text/plain body, then the text/html body, each after a "--- " line.
"""
import email
import email.policy
import sys

import icalendar


def main():
    with open(sys.argv[1], "rb") as f:
        msg = email.message_from_bytes(f.read(), policy=email.policy.default)
    print("subject: %s" % msg["Subject"])
    for part in msg.walk():
        if part.get_content_type() != "text/calendar":
            continue
        cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
        events = cal.walk("VEVENT")
        print("filename: %s" % part.get_filename())
        print("organizer: %s" % (events[0].get("ORGANIZER") if events
                                 else None))
        print("events: %d" % len(events))
    for kind in ("text/plain", "text/html"):
        for part in msg.walk():
            if part.get_content_type() == kind:
                print("--- %s" % kind)
                sys.stdout.write(part.get_content())


if __name__ == "__main__":
    main()
