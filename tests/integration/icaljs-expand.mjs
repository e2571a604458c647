// Expand the events of iCalendar files with ical.js (Mozilla's parser, the
// one Thunderbird uses) and print what `kyniem activity list | cut -f2-`
// should print after importing them: one line per occurrence of a
// recurring event that starts from FROM to TO (Vietnam days, inclusive),
// an override's version where the file has one, and one per other event,
// as START<TAB>END<TAB>STATUS<TAB>SUMMARY in Vietnam's time (UTC+7; a
// floating time as it is), the END of an all-day event its last day, as
// kyniem keeps it.  The file's VTIMEZONEs are registered first.
// usage: node icaljs-expand.mjs ICALJS_DIR FROM TO FILE...
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [dir, from, to, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(join(dir, 'node_modules',
    'ical.js', 'dist', 'ical.js')).href)).default;

const pad = (n, w = 2) => String(n).padStart(w, '0');

// "YYYY-MM-DD" of a date, "YYYY-MM-DDTHH:MM" of a time, in Vietnam.
function local(t) {
	if (t.isDate)
		return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
	if (t.zone === ICAL.Timezone.localTimezone || !t.zone)
		return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T` +
		    `${pad(t.hour)}:${pad(t.minute)}`;
	const d = new Date(t.toUnixTime() * 1000 + 7 * 3600 * 1000);
	return d.toISOString().slice(0, 16);
}

function status(ev) {
	const s = (ev.component.getFirstPropertyValue('status') || '')
	    .toUpperCase();
	return s === 'CANCELLED' ? 'cancelled' : s === 'CONFIRMED' ?
	    'confirmed' : 'planned';
}

function print(start, end, ev) {
	if (end.isDate) {
		end = end.clone();
		end.adjust(-1, 0, 0, 0);
		if (end.compare(start) < 0)
			end = start;
	}
	console.log(`${local(start)}\t${local(end)}\t${status(ev)}\t` +
	    `${ev.summary}`);
}

function expand(f) {
	const cal = new ICAL.Component(ICAL.parse(readFileSync(f, 'utf8')));
	for (const tz of cal.getAllSubcomponents('vtimezone'))
		ICAL.TimezoneService.register(tz);
	for (const v of cal.getAllSubcomponents('vevent')) {
		if (v.hasProperty('recurrence-id'))
			continue;	// related to its event below
		const ev = new ICAL.Event(v);
		if (!ev.isRecurring()) {
			print(ev.startDate, ev.endDate, ev);
			continue;
		}
		const it = ev.iterator();
		for (let t = it.next(), n = 0; t && n < 100000;
		    t = it.next(), n++) {
			if (local(t).slice(0, 10) > to)
				break;
			const o = ev.getOccurrenceDetails(t);
			const day = local(o.startDate).slice(0, 10);
			if (day >= from && day <= to)
				print(o.startDate, o.endDate, o.item);
		}
	}
}

for (const f of files) {
	try {
		expand(f);
	} catch (e) {
		console.error(`${f}: ${e.message}`);
		process.exitCode = 1;
	}
}
