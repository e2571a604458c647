'use strict'
/*
 * Writes the lunar test vectors from two independent references:
 *   date-chinese's CalendarVietnamese (precise new moons and solar terms
 *   from astronomia: Meeus ch. 49 and VSOP87) is the precise reference;
 *   amlich is Hồ Ngọc Đức's algorithm (short-cut new moon formula).
 * Both follow the historical meridian: UTC+8 before 1968, UTC+7 after.
 * Usage: node gen-vectors.js OUTDIR   (modules found through NODE_PATH)
 * Writes OUTDIR/months.txt and OUTDIR/disagree.txt; see README.md.
 */
const fs = require('fs')
const path = require('path')
const amlich = require('amlich')
const { CalendarVietnamese } = require('date-chinese')
const { moonphase, deltat } = require('astronomia')

const FIRST = 1900
const LAST = 2199
const JD_UNIX = 2440587.5

function pad (n, w) { return String(n).padStart(w, '0') }
function iso (t) { return `${pad(t.y, 4)}-${pad(t.m, 2)}-${pad(t.d, 2)}` }
function fromDays (n) {
  const t = new Date(n * 86400000)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}
function toDays (y, m, d) {
  const t = new Date(0)
  t.setUTCFullYear(y, m - 1, d)
  return Math.round(t.getTime() / 86400000)
}
function zone (days) { return days < toDays(1968, 1, 1) ? 8 : 7 }
function lstr (l) { return `${l.day}/${l.month}/${l.year}${l.leap ? '/leap' : ''}` }

function refDate (cal, t) {
  cal.fromGregorian(t.y, t.m, t.d)
  return { day: cal.day, month: cal.month, year: cal.yearFromEpochCycle(),
    leap: cal.leap ? 1 : 0 }
}

function amlichDate (t, days) {
  const r = amlich.convertSolar2Lunar(t.d, t.m, t.y, zone(days))
  return { day: r[0], month: r[1], year: r[2], leap: r[3] ? 1 : 0 }
}

/* The true new moon (astronomia, Meeus ch. 49) nearest a day, as text. */
function newMoonNear (days) {
  const jd = JD_UNIX + days + 0.5
  const jde = moonphase.newMoon(2000 + (jd - 2451545) / 365.25)
  const year = 2000 + (jde - 2451545) / 365.25
  const ut = jde - deltat.deltaT(year) / 86400
  const fmt = (j, z) => {
    const ms = Math.round((j - JD_UNIX) * 86400000) + z * 3600000
    return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
  }
  const z = zone(Math.floor(ut - JD_UNIX))
  return `${fmt(ut, 0)}Z ${fmt(ut, z)}+${pad(z, 2)}`
}

function same (a, b) {
  return a.day === b.day && a.month === b.month && a.year === b.year &&
    a.leap === b.leap
}

function main () {
  const out = process.argv[2] || '.'
  const cal = new CalendarVietnamese()
  const years = new Map()	/* lunar year -> { leap, starts: [] } */
  const dis = []
  const first = toDays(FIRST, 1, 1)
  const last = toDays(LAST + 1, 3, 1)
  for (let n = first; n < last; n++) {
    const t = fromDays(n)
    const r = refDate(cal, t)
    if (r.day === 1) {
      if (!years.has(r.year)) years.set(r.year, { leaps: [], starts: [] })
      const y = years.get(r.year)
      y.starts.push(`${r.month}${r.leap ? 'L' : ''}=${iso(t)}`)
      if (r.leap) y.leaps.push(r.month)
    }
    if (t.y > LAST) continue
    const a = amlichDate(t, n)
    if (!same(a, r)) {
      dis.push(`${iso(t)} ${lstr(r)} ${lstr(a)} ` +
        newMoonNear(n - r.day + 1))
    }
  }
  const lines = []
  for (let y = FIRST; y <= LAST; y++) {
    const cur = years.get(y)
    const next = years.get(y + 1)
    const leap = cur.leaps.length ? cur.leaps.join(',') : '0'
    const end = next.starts[0].replace(/^.*=/, '')
    lines.push(`${y} ${leap} ${cur.starts.join(' ')} end=${end}`)
  }
  fs.writeFileSync(path.join(out, 'months.txt'),
    '# lunar year, leap month(s) (0 none), then MONTH[L]=first day of each\n' +
    '# month in order (L: leap), end=first day of the next year;\n' +
    '# from date-chinese CalendarVietnamese (see README.md for its faults)\n' +
    lines.join('\n') + '\n')
  fs.writeFileSync(path.join(out, 'disagree.txt'),
    '# days where amlich and date-chinese (Vietnamese) disagree:\n' +
    '# date, date-chinese D/M/Y[/leap], amlich D/M/Y[/leap], the true new\n' +
    '# moon nearest the first day of the month per date-chinese (UTC and\n' +
    '# local time of the meridian in force)\n' +
    dis.join('\n') + (dis.length ? '\n' : ''))
  process.stderr.write(`${lines.length} years, ${dis.length} days differ\n`)
}

main()
