// What the browser tests (web-e2e.mjs, cluster-e2e.mjs) share: their
// environment, the checks file, the widths, following a link, and axe-core
// run in the page as served.
//
// Every check is one line in $E2E_OUT/e2e.checks, "ok WHAT" or "FAIL
// WHAT", which the shell script records.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function env(name) {
	const v = process.env[name];
	if (!v)
		throw new Error(`${name} is not set`);
	return v;
}

export const BASE = env('E2E_BASE');
export const OUT = env('E2E_OUT');
export const PASSWORD = env('E2E_PASSWORD');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

const HERE = path.dirname(fileURLToPath(import.meta.url));
const AXE = fs.readFileSync(path.join(HERE, 'node_modules', 'axe-core',
    'axe.min.js'), 'utf8');

const checksFd = fs.openSync(path.join(OUT, 'e2e.checks'), 'w');
export function check(ok, what) {
	const line = what.replace(/\s+/g, ' ');
	fs.writeSync(checksFd, `${ok ? 'ok' : 'FAIL'} ${line}\n`);
	if (!ok)
		console.log(`FAIL: ${line}`);
	return ok;
}

// Click what selector finds and wait for the page it leads to.
export async function follow(page, selector) {
	const [resp] = await Promise.all([page.waitForNavigation(),
	    page.click(selector)]);
	return resp;
}

// axe-core injected and run in the page.  page.addScriptTag() adds an
// inline <script>, which the pages' CSP (script-src 'self') refuses: the
// script never runs.  Rather than turning the CSP off (setBypassCSP, and
// a reload), the source is evaluated through the DevTools protocol, which
// the page's CSP does not govern: the page is audited as served.
export async function audit(page, name) {
	const v = await page.evaluate(async (src) => {
		if (window.axe === undefined)
			(0, eval)(src);
		const r = await window.axe.run(document,
		    { resultTypes: ['violations'] });
		return r.violations.map((x) => ({ id: x.id, impact: x.impact,
		    targets: x.nodes.map((n) => n.target.join(' ')) }));
	}, AXE);
	const bad = v.filter((x) => x.impact === 'serious' ||
	    x.impact === 'critical');

	for (const x of v)
		console.log(`axe ${name}: ${x.id} (${x.impact}) at ` +
		    x.targets.join(', '));
	check(bad.length === 0, `${name}: no serious or critical axe ` +
	    `violation (${bad.map((x) => x.id).join(', ') || 'none'})`);
}

// The page at both widths, full length, into $E2E_OUT/NAME-phone.png and
// NAME-desktop.png; atPhone(page, name) runs at the phone's width first.
export async function shoot(page, name, atPhone) {
	for (const [label, vp] of [['phone', PHONE], ['desktop', DESKTOP]]) {
		const file = path.join(OUT, `${name}-${label}.png`);

		await page.setViewport(vp);
		if (vp === PHONE && atPhone !== undefined)
			await atPhone(page, name);
		await page.screenshot({ path: file, fullPage: true });
		check(fs.statSync(file).size > 0,
		    `${name}: a screenshot ${vp.width} px wide`);
	}
	await page.setViewport(DESKTOP);
}
