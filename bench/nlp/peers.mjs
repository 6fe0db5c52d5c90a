// Tokenizes and tags a text file with wink-nlp (with its English lite
// model) and compromise, and prints tokens/s for each, timing only the
// analysis (the text is read first, the models loaded first).
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';

const docs = readFileSync(process.argv[2], 'utf8').split('\n\n\n').filter((d) => d.trim() !== '');

const wink = winkNLP(model);
const its = wink.its;
let t0 = process.hrtime.bigint();
let n = 0;
for (const d of docs) {
  const doc = wink.readDoc(d);
  n += doc.tokens().out(its.pos).length;
}
let s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`wink-nlp\t${n}\t${s.toFixed(3)}\t${Math.round(n / s)}`);

t0 = process.hrtime.bigint();
n = 0;
for (const d of docs) {
  n += nlp(d).terms().json().length;
}
s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`compromise\t${n}\t${s.toFixed(3)}\t${Math.round(n / s)}`);
