'use strict'
/*
 * The same work as lunar_bench.c for the two npm references: every day
 * 1900-01-01..2199-12-31 converted to the Vietnamese lunar calendar by
 * amlich (Hồ Ngọc Đức) and by date-chinese's CalendarVietnamese, in one
 * process, each with its own caches fresh.  Prints "NAME DAYS MS" lines.
 */
const amlich = require('amlich')
const { CalendarVietnamese } = require('date-chinese')

const dates = []
for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2199, 11, 31); t += 86400000) {
  const d = new Date(t)
  dates.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()])
}

function time (name, fn) {
  let sum = 0
  const t0 = process.hrtime.bigint()
  for (const [y, m, d] of dates) sum += fn(y, m, d)
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (Number.isNaN(sum)) throw new Error(name)
  console.log(`${name} ${dates.length} ${ms.toFixed(3)}`)
}

time('amlich', (y, m, d) => {
  const r = amlich.convertSolar2Lunar(d, m, y, y < 1968 ? 8 : 7)
  return r[0] + r[1]
})
const cal = new CalendarVietnamese()
time('date-chinese', (y, m, d) => {
  cal.fromGregorian(y, m, d)
  return cal.day + cal.month
})
