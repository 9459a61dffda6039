// The peer for bench/claims/run.sh: node-x12 (npm) parsing an 837, counting segments, claims (CLM) and
// service lines (LX).
//   node parse.js FILE          streaming parser (X12Parser as a Transform stream); segments are counted and dropped.
//   node parse.js --whole FILE  X12Parser.parse() on the whole file read into one string (the library's usual use).
// The streaming parser is run non-strict: in node-x12 1.7.1 it re-validates the ISA length on every chunk of the
// stream (so strict mode fails on the second chunk of any file), and it drops a segment now and then where a chunk
// boundary falls; the line count it prints shows how many.
'use strict'
const fs = require('fs')
const { X12Parser } = require('node-x12')

const whole = process.argv[2] === '--whole'
const file = process.argv[whole ? 3 : 2]
if (!file) {
  console.error('usage: node parse.js [--whole] FILE.837')
  process.exit(2)
}

const started = process.hrtime.bigint()
let segments = 0
let claims = 0
let lines = 0
const count = segment => {
  segments++
  if (segment.tag === 'CLM') claims++
  else if (segment.tag === 'LX') lines++
}
const report = () => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  console.log(`node-x12 (${whole ? 'whole file' : 'stream'}): ${segments} segments, ${claims} claims, ${lines} lines in ${seconds.toFixed(3)} s (${Math.round(lines / seconds)} lines/s)`)
}

if (whole) {
  const interchange = new X12Parser(true).parse(fs.readFileSync(file, 'latin1'))
  for (const group of interchange.functionalGroups) {
    for (const transaction of group.transactions) {
      transaction.segments.forEach(count)
    }
  }
  report()
} else {
  fs.createReadStream(file)
    .pipe(new X12Parser(false))
    .on('data', count)
    .on('error', error => {
      console.error(`node-x12: ${error.message}`)
      process.exit(1)
    })
    .on('end', report)
}
