// Print what a calendar client shows of each event besides its dates,
// as ical.js (Thunderbird's parser) reads it: one line per event,
// UID<TAB>CATEGORIES (each value, joined by "|")<TAB>ORGANIZER<TAB>its CN
// <TAB>URL; "-" for none.  A file it rejects gets a message on stderr and
// the exit status 1.
// usage: node icaljs-props.mjs ICALJS_DIR FILE...
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [dir, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(join(dir, 'node_modules',
    'ical.js', 'dist', 'ical.js')).href)).default;

function props(f) {
	const cal = new ICAL.Component(ICAL.parse(readFileSync(f, 'utf8')));
	for (const v of cal.getAllSubcomponents('vevent')) {
		const cats = v.getAllProperties('categories')
		    .flatMap((p) => p.getValues());
		const org = v.getFirstProperty('organizer');
		console.log([v.getFirstPropertyValue('uid'),
		    cats.length ? cats.join('|') : '-',
		    org ? org.getFirstValue() : '-',
		    org && org.getParameter('cn') ? org.getParameter('cn') : '-',
		    v.getFirstPropertyValue('url') || '-'].join('\t'));
	}
}

for (const f of files) {
	try {
		props(f);
	} catch (e) {
		console.error(`${f}: ${e.message}`);
		process.exitCode = 1;
	}
}
