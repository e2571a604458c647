// Parse iCalendar files with ical.js (Mozilla's parser, the one
// Thunderbird uses) and print "FILE EVENTS" for each.
// usage: node icaljs-count.mjs ICALJS_DIR FILE...
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [dir, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(join(dir, 'node_modules',
    'ical.js', 'dist', 'ical.js')).href)).default;
for (const f of files) {
	const comp = new ICAL.Component(ICAL.parse(readFileSync(f, 'utf8')));
	const events = comp.getAllSubcomponents('vevent');
	for (const v of events) {
		const ev = new ICAL.Event(v);
		if (!ev.uid || !ev.startDate || !ev.endDate)
			throw new Error(`${f}: event without UID or dates`);
		if (ev.endDate.compare(ev.startDate) <= 0)
			throw new Error(`${f}: ${ev.uid} ends before it starts`);
	}
	console.log(f, events.length);
}
