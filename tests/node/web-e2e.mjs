// The staff web application end to end in Debian's Chromium, driven by
// puppeteer-core (no browser of its own is ever downloaded), for
// tests/integration/t7020-web-browser.sh, which starts the server and
// checks what lies outside the browser (the feed, the reminders).
//
// A staff member logs in, plans a milestone from "Cần lên kế hoạch" with
// reminders 7d and 1d and sees it on its page; the login works without
// JavaScript; then every page that exists is shot at a phone's width and
// a desktop's, checked by axe-core (no serious or critical violation),
// weighed (under 100 KB on the wire) and watched for script errors; no
// request ever leaves the server under test.
//
// Every check is one line in $E2E_OUT/e2e.checks, "ok WHAT" or
// "FAIL WHAT", which the shell script records.  Exits 0 when it ran to
// the end, whatever the checks said.
//
// Environment: E2E_BASE (http://127.0.0.1:PORT), E2E_OUT (a directory),
// E2E_CHROMIUM, E2E_EDITOR and E2E_ADMIN (email addresses), E2E_PASSWORD.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { BASE, DESKTOP, OUT, PASSWORD, PHONE, audit, check, env, follow,
    shoot as shootAt } from './e2elib.mjs';

const EDITOR = env('E2E_EDITOR');
const ADMIN = env('E2E_ADMIN');

// The milestone planned: Japan's 50th, 21/9/2023, within 90 days of the
// server's --today 2023-08-20.
const PLAN = {
	observance: 'relation:JP',
	date: '2023-09-21',
	title: 'Tổ chức kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – ' +
	    'Nhật Bản',
	remind: '7d,1d',
	remindWords: '7 ngày, 1 ngày trước',
	occasion: 'Thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản',
};

// 1 if what the form shows (its labels, values shown and options' text)
// has no internal key ("relation:JP") or ISO code list ("JP US").
async function formHasNoCode(page) {
	const shown = await page.$eval('main form', (f) => {
		const out = [f.innerText];
		for (const e of f.querySelectorAll('input:not([type=hidden])'))
			if (e.type !== 'checkbox' && e.type !== 'radio')
				out.push(e.value);
		return out.join('\n');
	});
	const bad = shown.match(/\b(relation|national-day|partnership):|\b[A-Z]{2} [A-Z]{2}\b|Mã ISO|YYYY-MM-DD|\b\d+d,\d+d\b/);
	if (bad !== null)
		console.log(`code in the form: ${bad[0]}`);
	return bad === null;
}

// What the staff member records of the top item once it took place.
const RESULT = { text: 'Gặp mặt hữu nghị với đại diện cộng đồng',
    people: '120' };

// The dashboard's top item planned from "Lên kế hoạch", the prefilled
// form saved as it is: the activity has the date, the occasion, the
// category and the countries the plan filled in.
async function planTopItem(browser) {
	const page = await newPage(browser);

	await page.goto(BASE + '/app/login');
	await login(page, EDITOR);
	const first = '#plan ~ ul li:first-child a.button';
	const occasion = await text(page, '#plan ~ ul li:first-child ' +
	    'a[href*="/app/occasions/"]');
	if (!check(await page.$(first) !== null,
	    `the dashboard's top item has "Lên kế hoạch" (${occasion})`))
		return;
	await follow(page, first);
	const title = await value(page, 'title');
	const date = await value(page, 'start_date');
	check(title !== null && title.startsWith('Tổ chức kỷ niệm'),
	    `the top item's form is filled in (${title}, ${date})`);
	check(await formHasNoCode(page), 'the top item\'s form shows no code');
	const resp = await follow(page,
	    'form[action$="/app/activities"] button[type="submit"]');
	const body = await text(page, 'main');
	check(/\/app\/activities\/\d+$/.test(page.url()) &&
	    resp.status() === 200 && body.includes('Đã tạo hoạt động.'),
	    `the prefilled form saves unchanged (${page.url()})`);
	check(body.includes('Hoạt động kỷ niệm'),
	    'the category was filled in: "Hoạt động kỷ niệm"');
	check(body.includes(date.split('-').reverse().map((x) =>
	    String(Number(x))).join('/')), `the page shows the date ${date}`);
	await shoot(page, 'planned-top');
	// Then recorded done with its result, as after the day: the page may
	// ask to confirm a result before the day, which is confirmed.
	const url = page.url();
	await page.type('textarea[name="result"]', RESULT.text);
	await page.type('input[name="participants"]', RESULT.people);
	await follow(page, `form[action$="${new URL(url).pathname}/done"] ` +
	    'button[type="submit"]');
	if (await page.$('input[name="confirm"]') !== null)
		await follow(page, 'form input[name="confirm"] ~ div ' +
		    'button[type="submit"]');
	const done = await text(page, 'main');
	check(page.url() === url && done.includes('Đã thực hiện') &&
	    done.includes(RESULT.text) && done.includes(RESULT.people),
	    `the top item recorded done with its result (${page.url()})`);
	await shoot(page, 'recorded-done');
	await page.goto(BASE + '/app/');
	check(await text(page, '#plan ~ ul li:first-child ' +
	    'a[href*="/app/occasions/"]') !== occasion,
	    'once planned, the top item leaves "Cần lên kế hoạch"');
	await page.browserContext().close();
}
const MAX_BYTES = 100 * 1024;

// Every URL any page asked for, and what the server was sent with POSTs.
const requested = [];
const problems = [];	// script errors and CSP reports, per page

async function watch(page) {
	const posts = new Map();
	const cdp = await page.createCDPSession();

	page.on('request', (r) => requested.push(r.url()));
	page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
	page.on('console', (m) => {
		const where = m.location()?.url ?? '';
		// The browser asks for /favicon.ico on its own; there is none.
		if (m.type() === 'error' && !where.endsWith('/favicon.ico'))
			problems.push(`${page.url()}: ${m.text()}`);
	});
	// The headers as sent (Origin and Sec-Fetch-Site are added by the
	// network stack, after puppeteer's request event).
	await cdp.send('Network.enable');
	cdp.on('Network.requestWillBeSent', (e) => {
		if (e.request.method === 'POST')
			posts.set(e.requestId, e.request.url);
	});
	cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
		const url = posts.get(e.requestId);
		// The GET a 303 leads to keeps the POST's requestId.
		if (url === undefined)
			return;
		posts.delete(e.requestId);
		const h = Object.fromEntries(Object.entries(e.headers).map(
		    ([k, v]) => [k.toLowerCase(), v]));
		console.log(`POST ${url.replace(BASE, '')}: Origin: ` +
		    `${h.origin ?? '(none)'}, Sec-Fetch-Site: ` +
		    `${h['sec-fetch-site'] ?? '(none)'}`);
	});
}

async function newPage(browser, js = true) {
	const ctx = await browser.createBrowserContext();
	const page = await ctx.newPage();

	await watch(page);
	await page.setJavaScriptEnabled(js);
	await page.setViewport(DESKTOP);
	return page;
}


async function text(page, selector) {
	const el = await page.$(selector);
	return el === null ? null : page.evaluate((e) => e.textContent.trim(),
	    el);
}

async function value(page, name) {
	return page.$eval(`[name="${name}"]`, (e) => e.value).catch(() => null);
}

async function login(page, email) {
	await page.type('input[name="email"]', email);
	await page.type('input[name="password"]', PASSWORD);
	return follow(page, 'form[action$="/app/login"] button[type="submit"]');
}

// The height and width of the page at the phone's width, in CSS px;
// each page's are also in $E2E_OUT/heights.txt.
const MAX_HEIGHT = { dashboard: 4000, year: 6000, documents: 15000 };
// Pages whose layout is another change's: measured, not yet checked.
const WIDTH_LATER = new Set([]);

async function measure(page, name) {
	const [h, w] = await page.evaluate(() => [document.body.scrollHeight,
	    document.documentElement.scrollWidth]);

	fs.appendFileSync(path.join(OUT, 'heights.txt'),
	    `${name} ${h} ${w}\n`);
	console.log(`${name}: ${h} px tall, ${w} px wide at ${PHONE.width}`);
	if (!WIDTH_LATER.has(name))
		check(w <= PHONE.width, `${name}: no wider than the phone ` +
		    `(${w} px at ${PHONE.width})`);
	if (MAX_HEIGHT[name] !== undefined)
		check(h <= MAX_HEIGHT[name], `${name}: at most ` +
		    `${MAX_HEIGHT[name]} px tall at ${PHONE.width} (${h})`);
}

// Shot at both widths, measured at the phone's.
async function shoot(page, name) {
	await shootAt(page, name, measure);
}

// The bytes of the page and what it loaded, on the wire (the cache is
// off on the page that tours them).
async function weigh(page, name) {
	const bytes = await page.evaluate(() => performance.getEntries()
	    .filter((e) => e.transferSize !== undefined)
	    .reduce((n, e) => n + e.transferSize, 0));

	console.log(`${name}: ${bytes} bytes transferred`);
	check(bytes > 0 && bytes < MAX_BYTES,
	    `${name}: ${bytes} bytes on the wire, under ${MAX_BYTES}`);
}

// Open a page, then shoot, audit and weigh it.
async function tour(page, name, url) {
	const before = problems.length;
	const resp = await page.goto(BASE + url, { waitUntil: 'load' });
	const status = resp.status();

	if (!check(status === 200, `${name}: ${url} answers 200 (${status})`))
		return;
	await shoot(page, name);
	await audit(page, name);
	await weigh(page, name);
	check(problems.length === before, `${name}: no script error or CSP ` +
	    `report (${problems.slice(before).join('; ') || 'none'})`);
}

// An editor corrects a date known only to the month (the Singapore
// strategic partnership, 9/2013, whose 10th anniversary falls within 90
// days of 20/8/2023) with a source on the occasion's page; the dashboard
// then lists the anniversary on its day.  The day is the test's own input,
// not a claim about the partnership.
const CORRECT = {
	key: 'partnership:SG:strategic',
	date: '2013-09-12',
	source: 'Kiểm thử: nguồn do cán bộ nhập',
	shown: '12/9/2023',
};

// The date cells of the dashboard's rows that link to the occasion.
async function dashboardDates(page, key) {
	await page.goto(BASE + '/app/');
	return page.$$eval('tr', (rows, k) => rows.filter((tr) =>
	    tr.querySelector(`a[href$="/app/occasions/${k}"]`) !== null)
	    .map((tr) => tr.querySelector('td.date')?.textContent.trim()), key);
}

async function correctMonthPrecisionDate(browser) {
	const page = await newPage(browser);

	await page.goto(BASE + '/app/login');
	await login(page, EDITOR);
	let dates = await dashboardDates(page, CORRECT.key);
	check(!dates.includes(CORRECT.shown), `before the correction the ` +
	    `dashboard has no ${CORRECT.shown} for ${CORRECT.key} ` +
	    `(${dates.join(', ')})`);
	await page.goto(`${BASE}/app/occasions/${CORRECT.key}`);
	check(await value(page, 'date') === '2013-09',
	    `the occasion's form shows the month-precision date ` +
	    `(${await value(page, 'date')})`);
	check(!(await text(page, 'main')).includes(CORRECT.key),
	    'the occasion page shows no key');
	// The day from the calendar input, as a person picks it.
	await page.$eval('input[name="date_day"]', (e, d) => { e.value = d; },
	    CORRECT.date);
	await page.type('input[name="source"]', CORRECT.source);
	const resp = await follow(page,
	    'form[action$="/correct"] button[type="submit"]');
	check(resp.status() === 200 &&
	    page.url() === `${BASE}/app/occasions/${CORRECT.key}` &&
	    (await text(page, 'main')).includes('Đã lưu chỉnh sửa.'),
	    `the correction is saved (${resp.status()} ${page.url()})`);
	await shoot(page, 'occasion-corrected');
	dates = await dashboardDates(page, CORRECT.key);
	check(dates.includes(CORRECT.shown), `after the correction the ` +
	    `dashboard lists ${CORRECT.key} on ${CORRECT.shown} ` +
	    `(${dates.join(', ')})`);

	// Then back to the shipped row, confirming the question.
	await page.goto(`${BASE}/app/occasions/${CORRECT.key}`);
	page.once('dialog', (d) => d.accept());
	await follow(page, 'form[action$="/reset"] button[type="submit"]');
	const body = await text(page, 'main');
	check(body.includes('Đã khôi phục ngày và nguồn của dữ liệu gốc.') &&
	    !body.includes('đã được chỉnh sửa tại đơn vị'),
	    'the shipped date is restored from the occasion page');
	check(body.includes('Lịch sử thay đổi') &&
	    body.includes('Khôi phục dữ liệu gốc') &&
	    body.includes('Chỉnh sửa ngày'),
	    'the occasion page shows its history to the editor');
	await shoot(page, 'occasion-restored');
	dates = await dashboardDates(page, CORRECT.key);
	check(!dates.includes(CORRECT.shown), `after the restoration the ` +
	    `dashboard has no ${CORRECT.shown} (${dates.join(', ')})`);
	await page.browserContext().close();
}

// A staff member plans the milestone; returns the new activity's id.
async function planMilestone(browser) {
	const page = await newPage(browser);
	let resp = await page.goto(BASE + '/app/');

	check(page.url() === `${BASE}/app/login?next=%2Fapp%2F`,
	    `/app/ without a session leads to the login page (${page.url()})`);
	await shoot(page, 'login');
	await audit(page, 'login');
	await weigh(page, 'login');

	resp = await login(page, EDITOR);
	check(page.url() === `${BASE}/app/` && resp.status() === 200,
	    `the login lands on the dashboard (${page.url()}, ${resp.status()})`);
	check(await text(page, 'h1') === 'Tổng quan',
	    'the dashboard is "Tổng quan"');
	check((await text(page, '#plan')) === 'Cần lên kế hoạch',
	    'the dashboard has "Cần lên kế hoạch"');

	const link = `#plan ~ ul a[href$="/app/activities/new?observance=` +
	    `${PLAN.observance}&date=${PLAN.date}"]`;
	if (!check(await page.$(link) !== null,
	    `"Lên kế hoạch" for ${PLAN.observance} on ${PLAN.date}`))
		return null;
	check(await text(page, link) === 'Lên kế hoạch',
	    'the link says "Lên kế hoạch"');
	await follow(page, link);

	const title = await value(page, 'title');
	check(title !== null && title.startsWith(PLAN.title),
	    `the form's title is filled in (${title})`);
	check(await value(page, 'start_date') === PLAN.date,
	    `the form's start is ${PLAN.date}`);
	check(await value(page, 'observance') === PLAN.occasion,
	    `the form's occasion is "${PLAN.occasion}"`);
	check(await page.$eval(`input[name="owner"][value="${EDITOR}"]`,
	    (e) => e.checked).catch(() => false),
	    `the form's owner is the staff member, ticked`);
	check(await formHasNoCode(page), 'the form shows no key or ISO code');
	// Reminders 7 and 1 day before: the 30-day box unticked.
	await page.click('input[name="remind_pick"][value="30d"]');
	// Internal unless ticked: this one goes into the public calendar.
	check(await page.$eval('input[name="public"]', (e) => !e.checked),
	    'a new activity is not public unless ticked');
	await page.click('input[name="public"]');
	resp = await follow(page,
	    'form[action$="/app/activities"] button[type="submit"]');

	// Under Referrer-Policy: no-referrer the form's POST carries
	// "Origin: null" (logged above by watch()); the server's answer is
	// what counts: the POST went through to the new activity's page.
	const m = /\/app\/activities\/(\d+)$/.exec(page.url());
	check(m !== null && resp.status() === 200,
	    `the POST of the form leads to the new activity (${page.url()})`);
	if (m === null)
		return null;
	check(await text(page, 'h1') === title,
	    'the activity page is titled as the form was');
	const body = await text(page, 'main');
	check(body.includes('Đã tạo hoạt động.'), 'the page says it was created');
	check(body.includes(PLAN.remindWords), `the page shows the reminders ` +
	    `"${PLAN.remindWords}"`);
	check(body.includes('Nhật Bản') && body.includes('Hoạt động kỷ niệm'),
	    'the page shows the country and the category the plan filled in');
	check(body.includes('21/9/2023'), 'the page shows the date 21/9/2023');
	fs.writeFileSync(path.join(OUT, 'e2e.activity'),
	    `${m[1]}\n${title}\n`);

	await page.goto(BASE + '/app/');
	check(await page.$(link) === null,
	    'once planned, the milestone leaves "Cần lên kế hoạch"');

	// Found again from the header's box, typed without marks.
	await page.type('header input[name="q"]', 'to chuc ky niem nhat ban');
	await follow(page, 'header form.search button[type="submit"]');
	check(page.url().startsWith(`${BASE}/app/search?q=`) &&
	    await page.$(`main a[href$="/app/activities/${m[1]}"]`) !== null,
	    `searching "to chuc ky niem nhat ban" finds the activity ` +
	    `(${page.url()})`);
	await shoot(page, 'search');
	await audit(page, 'search');
	await page.browserContext().close();
	return m[1];
}

// A test activity deleted (the question confirmed), gone from the list,
// then restored from its own page.
async function deleteAndRestore(browser) {
	const page = await newPage(browser);

	await page.goto(BASE + '/app/login');
	await login(page, EDITOR);
	await page.goto(BASE + '/app/activities/new');
	await page.type('input[name="title"]', 'Hoạt động thử để xóa');
	await page.$eval('input[name="start_date"]', (e) => {
		e.value = '2023-10-05';
	});
	let resp = await follow(page,
	    'form[action$="/app/activities"] button[type="submit"]');
	const m = /\/app\/activities\/(\d+)$/.exec(page.url());
	if (!check(m !== null && resp.status() === 200,
	    `a test activity is created (${page.url()})`))
		return;
	page.once('dialog', (d) => d.accept());
	await follow(page, 'form[action$="/delete"] button[type="submit"]');
	let body = await text(page, 'main');
	check(body.includes('Hoạt động này đã bị xóa') &&
	    await page.$('form[action$="/restore"]') !== null,
	    'the deleted activity\'s page says so and offers to restore it');
	await shoot(page, 'deleted');
	await audit(page, 'deleted');
	await page.goto(BASE + '/app/activities?year=2023');
	check(!(await text(page, 'main')).includes('Hoạt động thử để xóa'),
	    'the deleted activity is not in the list');
	await page.goto(BASE + '/app/trash');
	check((await text(page, 'main')).includes('Hoạt động thử để xóa'),
	    'it is on "Đã xóa"');
	await shoot(page, 'trash');
	await audit(page, 'trash');
	await follow(page, 'form[action$="/restore"] button[type="submit"]');
	body = await text(page, 'main');
	check(body.includes('Đã khôi phục hoạt động.') &&
	    body.includes('Lịch sử thay đổi'),
	    `restored, with its history (${page.url()})`);
	await page.goto(BASE + '/app/activities?year=2023');
	check((await text(page, 'main')).includes('Hoạt động thử để xóa'),
	    'the restored activity is in the list again');
	await page.browserContext().close();
}

// The letters page at the phone's width, without JavaScript: every tap
// target at least 44 px; a letter marked sent after confirming, then
// the marking undone.
async function markLetterSent(browser) {
	const page = await newPage(browser, false);

	await page.goto(BASE + '/app/login');
	await login(page, EDITOR);
	await page.setViewport(PHONE);
	await page.goto(BASE + '/app/letters?when=all');
	const small = await page.$$eval('.letters-list a, .letters-list ' +
	    'button, .letters-list summary', (v) => v.filter((e) => {
		const h = e.getBoundingClientRect().height;
		return h > 0 && h < 44;
	}).map((e) => e.textContent.trim()));
	check(small.length === 0, 'letters: every tap target at least ' +
	    `44 px tall (${small.slice(0, 3).join(', ') || 'all'})`);
	const summary = await page.$('details.confirm > summary');
	if (!check(summary !== null, 'letters: a letter to mark sent'))
		return;
	check(await page.$('details.confirm[open]') === null,
	    'letters: "Đánh dấu đã gửi" asks before it records');
	await summary.click();
	await follow(page, 'details.confirm[open] button[type="submit"]');
	await page.goto(BASE + '/app/letters?when=all');
	let body = await text(page, 'main');
	check(body.includes('Hủy đánh dấu') && body.includes('Đã gửi'),
	    'letters: marked sent after confirming');
	await shoot(page, 'letters-sent');
	await follow(page, 'form[action*="/app/letters/unsent"] ' +
	    'button[type="submit"]');
	await page.goto(BASE + '/app/letters?when=all');
	body = await text(page, 'main');
	check(!body.includes('Hủy đánh dấu') && !body.includes('Đã gửi'),
	    'letters: the marking undone');
	await page.browserContext().close();
}

// The login form without JavaScript.
async function loginWithoutScript(browser) {
	const page = await newPage(browser, false);

	await page.goto(BASE + '/app/login');
	const resp = await login(page, EDITOR);
	check(page.url() === `${BASE}/app/` && resp.status() === 200,
	    `without JavaScript the login lands on the dashboard (${page.url()})`);
	check(await text(page, 'h1') === 'Tổng quan',
	    'without JavaScript the dashboard is "Tổng quan"');
	await page.browserContext().close();
}

// Every page there is, as an administrator sees it.
async function tourAll(browser, id) {
	const page = await newPage(browser);
	const year = PLAN.date.slice(0, 4);

	await page.goto(BASE + '/app/login');
	await login(page, ADMIN);
	check(page.url() === `${BASE}/app/`, 'the administrator logs in');
	await page.setCacheEnabled(false);
	await tour(page, 'dashboard', '/app/');
	await tour(page, 'activities', `/app/activities?year=${year}`);
	await tour(page, 'form', `/app/activities/new?observance=` +
	    `${PLAN.observance}&date=${PLAN.date}`);
	if (id !== null) {
		await tour(page, 'activity', `/app/activities/${id}`);
		await tour(page, 'edit', `/app/activities/${id}/edit`);
	}
	await tour(page, 'account', '/app/account');
	await tour(page, 'search-all', '/app/search?q=viet+nam');
	for (const [name, url] of [
	    ['year', `/app/year/${year}`],
	    ['month', `/app/month/${PLAN.date.slice(0, 7)}`],
	    ['occasion', `/app/occasions/${PLAN.observance}`],
	    ['verify', '/app/verify'],
	    ['documents', '/app/documents'],
	    ['texts', `/app/texts/report/${year}`],
	    ['plan-texts', `/app/texts/plan/${Number(year) + 1}`],
	    ['report-check', `/app/documents/${year}/check`],
	    ['letters', `/app/letters?year=${year}`],
	    ['members', '/app/members'],
	    ['contacts', '/app/contacts'],
	    ['contact', '/app/contacts/edit?key=embassy%3ALA'],
	    ['recipients', '/app/recipients'],
	    ['outbox', '/app/outbox'],
	    ['import', '/app/import'],
	    ['users', '/app/users'],
	    ['audit', '/app/audit'],
	    ['backup', '/app/backup'],
	])
		await tour(page, name, url);
	await printMonth(page, PLAN.date.slice(0, 7));
	await page.browserContext().close();
}

// The month printed as the office prints it: one A4 landscape page
// (the stylesheet's @page), its PDF kept beside the screenshots.
async function printMonth(page, month) {
	await page.goto(`${BASE}/app/month/${month}`);
	const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true,
	    printBackground: true }));
	fs.writeFileSync(path.join(OUT, 'month-print.pdf'), pdf);
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ||
	    []).length;
	check(pages === 1, `the month ${month} prints on one page (${pages})`);
	const box = pdf.toString('latin1').match(
	    /\/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)/);
	check(box !== null && Number(box[1]) > Number(box[2]),
	    `the month prints landscape (${box && box.slice(1).join('x')})`);
}

// puppeteer's headless: true is Chromium's new headless (--headless=new).
const browser = await puppeteer.launch({
	executablePath: env('E2E_CHROMIUM'),
	headless: true,
	userDataDir: path.join(OUT, 'chromium-profile'),
	// A Vietnamese staff member's browser: date inputs read d/m/yyyy.
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=vi',
	    '--disable-background-networking', '--disable-component-update',
	    '--disable-sync'],
});
try {
	await planTopItem(browser);
	const id = await planMilestone(browser);
	await deleteAndRestore(browser);
	await markLetterSent(browser);
	await loginWithoutScript(browser);
	await correctMonthPrecisionDate(browser);
	await tourAll(browser, id);
	const foreign = requested.filter((u) => !u.startsWith(BASE + '/') &&
	    !u.startsWith('data:'));
	console.log(`${requested.length} requests, ${foreign.length} elsewhere`);
	for (const u of foreign)
		console.log(`request elsewhere: ${u}`);
	check(requested.length > 0 && foreign.length === 0,
	    `no request leaves ${BASE} (${requested.length} requests)`);
} finally {
	await browser.close();
}
