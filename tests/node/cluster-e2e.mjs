// The Cụm page in Debian's Chromium (puppeteer-core), for
// tests/integration/t7056-web-cluster-browser.sh: an editor of the
// cluster's head uploads a member's year record through the page's form,
// sees it received and signed, fetches the others now, and finds the
// consolidated report's preview and downloads; an admin sees the union's
// key to give the head.  Each state of the page is shot at a phone's
// width and a desktop's and checked by axe-core (no serious or critical
// violation); no request leaves the server under test.
//
// Every check is one line in $E2E_OUT/e2e.checks ("ok WHAT" or "FAIL
// WHAT").  Exits 0 when it ran to the end, whatever the checks said.
//
// Environment: E2E_BASE, E2E_OUT, E2E_CHROMIUM, E2E_EDITOR, E2E_ADMIN,
// E2E_PASSWORD, E2E_RECORD (the record file to upload), E2E_YEAR.
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { BASE, DESKTOP, OUT, PASSWORD, audit, check, env, follow, shoot }
    from './e2elib.mjs';

const YEAR = env('E2E_YEAR');

const requested = [];
const problems = [];

async function newPage(browser) {
	const ctx = await browser.createBrowserContext();
	const page = await ctx.newPage();

	page.on('request', (r) => requested.push(r.url()));
	page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
	page.on('console', (m) => {
		const where = m.location()?.url ?? '';
		if (m.type() === 'error' && !where.endsWith('/favicon.ico'))
			problems.push(`${page.url()}: ${m.text()}`);
	});
	await page.setViewport(DESKTOP);
	return page;
}

async function login(page, email) {
	await page.goto(BASE + '/app/login');
	await page.type('input[name="email"]', email);
	await page.type('input[name="password"]', PASSWORD);
	await follow(page, 'form[action$="/app/login"] button[type="submit"]');
	return check(page.url() === `${BASE}/app/`, `${email} logs in`);
}

async function look(page, name) {
	const before = problems.length;

	await shoot(page, name);
	await audit(page, name);
	check(problems.length === before, `${name}: no script error or CSP ` +
	    `report (${problems.slice(before).join('; ') || 'none'})`);
}

async function bodyText(page) {
	return page.evaluate(() => document.body.innerText);
}

async function editor(browser) {
	const page = await newPage(browser);

	if (!await login(page, env('E2E_EDITOR')))
		return;
	const resp = await page.goto(`${BASE}/app/cluster?year=${YEAR}`);
	check(resp.status() === 200, `the Cụm page answers 200 ` +
	    `(${resp.status()})`);
	check(await page.$('nav a[href$="/app/cluster"][aria-current="page"]')
	    !== null, 'the navigation has Cụm, marked as the current page');
	await look(page, 'cluster');

	// The upload, as a person does it: choose the file, press the button.
	const input = await page.$('input[type="file"][name="record"]');
	await input.uploadFile(env('E2E_RECORD'));
	await follow(page, 'form[action*="/app/cluster/upload"] ' +
	    'button[type="submit"]');
	let text = await bodyText(page);
	check(text.includes('Đã nhận báo cáo năm của thành viên.'),
	    'the upload says the record was received');
	check(text.includes('Đã ký, đúng khóa đã ghi nhận'),
	    'the member is shown signed with the pinned key');
	await look(page, 'cluster-received');

	await follow(page, 'form[action*="/app/cluster/fetch"] button');
	text = await bodyText(page);
	check(text.includes('Đã lấy báo cáo của các thành viên.'),
	    'fetch now says the records were fetched');
	// Gia Lai uploaded, Quảng Bình and Đắk Lắk fetched; the head's own
	// database records nothing of the year, so it has not reported.
	check(/3\/4 thành viên đã gửi báo cáo/.test(text),
	    'three of the four members have now reported');
	check(text.includes(`Tổng kết hoạt động năm ${YEAR}`),
	    'the consolidated report is previewed');
	const links = await page.$$eval('a[download]', (as) =>
	    as.map((a) => a.getAttribute('href')));
	check(links.some((h) => h.endsWith(`/bao-cao-cum-${YEAR}.docx`)),
	    'the .docx download is offered');
	const docx = await page.evaluate(async (u) => {
		const r = await fetch(u);
		return [r.status, (await r.arrayBuffer()).byteLength];
	}, `${BASE}/app/cluster/bao-cao-cum-${YEAR}.docx`);
	check(docx[0] === 200 && docx[1] > 1000,
	    `the .docx downloads (${docx[0]}, ${docx[1]} bytes)`);
	check(await page.$('a[href$="/app/cluster/key.txt"]') === null,
	    'an editor is not offered the key');
	await look(page, 'cluster-fetched');
	await page.browserContext().close();
}

async function admin(browser) {
	const page = await newPage(browser);

	if (!await login(page, env('E2E_ADMIN')))
		return;
	await page.goto(`${BASE}/app/cluster?year=${YEAR}`);
	check(await page.$('a[href$="/app/cluster/key.txt"]') !== null,
	    'an admin is offered the union\'s public key');
	const key = await page.evaluate(async (u) => (await fetch(u)).text(),
	    `${BASE}/app/cluster/key.txt`);
	check(/^khanh-hoa ed25519 [A-Za-z0-9+/]{43}=\n$/.test(key),
	    `the key reads as key show prints it (${key.trim()})`);
	const rec = await page.evaluate(async (u) => {
		const r = await fetch(u);
		return [r.status, await r.text()];
	}, `${BASE}/app/cluster/record-${YEAR}.json`);
	let parsed = null;
	try {
		parsed = JSON.parse(rec[1]);
	} catch (e) {
		parsed = null;
	}
	check(rec[0] === 200 && parsed !== null &&
	    parsed.union.id === 'khanh-hoa' && parsed.signature !== undefined,
	    `an admin downloads the union's signed record (${rec[0]})`);
	await look(page, 'cluster-admin');
	await page.browserContext().close();
}

const browser = await puppeteer.launch({
	executablePath: env('E2E_CHROMIUM'),
	headless: true,
	userDataDir: path.join(OUT, 'chromium-profile'),
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
	    '--disable-background-networking', '--disable-component-update',
	    '--disable-sync'],
});
try {
	await editor(browser);
	await admin(browser);
	const foreign = requested.filter((u) => !u.startsWith(BASE + '/') &&
	    !u.startsWith('data:'));
	for (const u of foreign)
		console.log(`request elsewhere: ${u}`);
	check(requested.length > 0 && foreign.length === 0,
	    `no request leaves ${BASE} (${requested.length} requests)`);
} finally {
	await browser.close();
}
