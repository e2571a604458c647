// Parse iCalendar files with ical.js (Mozilla's parser, the one
// Thunderbird uses) and print "FILE EVENTS" for each one it reads; one it
// rejects gets no line but a message on stderr, and the exit status is 1.
// usage: node icaljs-count.mjs ICALJS_DIR FILE...
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [dir, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(join(dir, 'node_modules',
    'ical.js', 'dist', 'ical.js')).href)).default;

function count(f) {
	const comp = new ICAL.Component(ICAL.parse(readFileSync(f, 'utf8')));
	const events = comp.getAllSubcomponents('vevent');
	for (const v of events) {
		const ev = new ICAL.Event(v);
		if (!ev.uid || !ev.startDate || !ev.endDate)
			throw new Error('event without UID or dates');
		if (ev.endDate.compare(ev.startDate) <= 0)
			throw new Error(`${ev.uid} ends before it starts`);
	}
	return events.length;
}

for (const f of files) {
	try {
		console.log(f, count(f));
	} catch (e) {
		console.error(`${f}: ${e.message}`);
		process.exitCode = 1;
	}
}
