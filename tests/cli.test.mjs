// cli.test.mjs: `cultivate validate | merge | stats | directory | network`, native and as WebAssembly under Node, with the
// same messages as the page; merged files are canonical (merging in any order gives the same bytes);
// every file the tool writes is valid against assets/community.schema.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'web/package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'assets/community.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-cli-'));
const TOOLS = {
  native: (args) => spawnSync(path.join(repo, 'build/native/cultivate'), args, { encoding: 'utf8' }),
  wasm: (args) => spawnSync('node', ['--no-experimental-fetch', path.join(repo, 'build/web/cultivate.js'), ...args],
    { encoding: 'utf8' }),
};

const rec = (id, type, fields, ms, actor = 'a1') => ({
  id, type, fields,
  stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, [ms, 0, actor]])),
});
const community = (records, id = 'c1') => ({ format: 'cultivate.community', version: 1, community: id, records });
const write = (name, obj) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, typeof obj === 'string' ? obj : JSON.stringify(obj));
  return p;
};

const base = [
  rec('c1', 'community', { deleted: false, name: 'Cercle — Ñúñez' }, 1000),
  rec('m1', 'member', { deleted: false, name: 'Zoë' }, 1000),
];
// Two people edit apart: A renames the community and adds Jürgen; B gives Zoë a contact.
const A = write('a.json', community([
  rec('c1', 'community', { deleted: false, name: 'Cercle d’échange' }, 2000),
  base[1],
  rec('m2', 'member', { deleted: false, name: 'Jürgen', roles: ['presenter'] }, 2000),
]));
const B = write('b.json', community([
  base[0],
  { ...rec('m1', 'member', { deleted: false, name: 'Zoë' }, 1000),
    fields: { deleted: false, name: 'Zoë', contact: 'zoe@example.org' },
    stamps: { deleted: [1000, 0, 'a1'], name: [1000, 0, 'a1'], contact: [2500, 0, 'b1'] } },
  rec('m3', 'member', { deleted: false, name: 'Алёна' }, 2600, 'b1'),
]));
const C = write('c.json', community([rec('m1', 'member', { deleted: true }, 3000, 'c1x')]));

for (const [kind, run] of Object.entries(TOOLS)) {
  test(`${kind}: validate accepts a community and says what it holds`, () => {
    const r = run(['validate', A]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${A}: a valid community file ("Cercle d’échange", 3 records)\n`);
  });

  test(`${kind}: validate refuses bad files with the place named`, () => {
    const records = [base[0]];
    for (let i = 1; i <= 12; i++) records.push(rec(`m${i}`, 'member', { name: `Member ${i}` }, 1000));
    records[12].fields.name = 42;
    const cases = [
      [write('bad-name.json', community(records)), 'records[12].fields.name: expected a string, found a number'],
      [write('newer.json', { ...community(base), version: 2 }),
        'version: this file is format version 2, written by a newer Cultivate; this one reads version 1. Update Cultivate to open it.'],
      [write('not-json.json', '{"format": "cultivate.community",'), 'not valid JSON: line 1, column 34: syntax error while parsing object key - unexpected end of input; expected string literal'],
      [write('array.json', '[]'), 'not a Cultivate community: the file holds an array, not an object with "format": "cultivate.community"'],
      [write('empty.json', ''), 'the file is empty'],
    ];
    for (const [file, message] of cases) {
      const r = run(['validate', file]);
      assert.equal(r.status, 1, file);
      assert.equal(r.stderr, `${file}: ${message}\n`);
      assert.equal(r.stdout, '');
    }
    const missing = run(['validate', path.join(tmp, 'nope.json')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.json: cannot open the file/);
  });

  test(`${kind}: merge keeps both people's edits, and any order gives the same bytes`, () => {
    const out1 = path.join(tmp, `${kind}-ab.json`), out2 = path.join(tmp, `${kind}-ba.json`);
    const out3 = path.join(tmp, `${kind}-cab.json`), out4 = path.join(tmp, `${kind}-bca.json`);
    assert.equal(run(['merge', A, B, '-o', out1]).status, 0);
    assert.equal(run(['merge', B, A, '-o', out2]).status, 0);
    assert.ok(fs.readFileSync(out1).equals(fs.readFileSync(out2)), 'merge A B and merge B A differ');
    const merged = JSON.parse(fs.readFileSync(out1, 'utf8'));
    const byId = Object.fromEntries(merged.records.map((r) => [r.id, r]));
    assert.equal(byId.c1.fields.name, 'Cercle d’échange');
    assert.equal(byId.m1.fields.contact, 'zoe@example.org');
    assert.equal(byId.m2.fields.name, 'Jürgen');
    assert.equal(byId.m3.fields.name, 'Алёна');
    assert.equal(run(['merge', C, A, B, '-o', out3]).status, 0);
    assert.equal(run(['merge', B, C, A, A, '-o', out4]).status, 0);
    assert.ok(fs.readFileSync(out3).equals(fs.readFileSync(out4)), 'three-way merges differ');
    assert.equal(JSON.parse(fs.readFileSync(out3, 'utf8')).records.find((r) => r.id === 'm1').fields.deleted, true);
    // Canonical: the same community written again is the same bytes.
    const again = path.join(tmp, `${kind}-again.json`);
    assert.equal(run(['merge', out1, out1, '-o', again]).status, 0);
    assert.ok(fs.readFileSync(again).equals(fs.readFileSync(out1)));
    for (const f of [out1, out3]) assert.ok(validate(JSON.parse(fs.readFileSync(f, 'utf8'))), JSON.stringify(validate.errors));
  });

  test(`${kind}: merge refuses another community and bad files, and writes nothing`, () => {
    const other = write('other.json', community([rec('c9', 'community', { name: 'Other' }, 1)], 'c9'));
    const out = path.join(tmp, `${kind}-refused.json`);
    let r = run(['merge', A, other, '-o', out]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `${other}: a different community (id "c9"; ${A} is "c1"); only copies of one community merge\n`);
    r = run(['merge', A, write('broken.json', '{'), '-o', out]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /broken\.json: not valid JSON/);
    assert.ok(!fs.existsSync(out));
    assert.equal(run(['merge', A, '-o', out]).status, 2);
    assert.equal(run(['frobnicate']).status, 2);
  });

  test(`${kind}: groups prints rounds and quality figures; a members file brings names and rules`, () => {
    let r = run(['groups', '--groups', '4', '--size', '4', '--rounds', '5', '--seed', '1', '--budget-ms', '5000', '--json']);
    assert.equal(r.status, 0, r.stderr);
    let out = JSON.parse(r.stdout);
    assert.equal(out.rounds.length, 5);
    assert.equal(out.quality.repeated_pairs, 0);
    assert.equal(out.quality.distinct_pairs, 120);
    assert.equal(out.quality.first_repeat_round, null);
    const members = write('members.json', {
      members: ['Zoë', 'Ñúñez', 'Jürgen', 'Żaneta', 'Алёна', 'Παύλος', 'Amara', 'Bo', 'Chen', 'Dara'],
      absent: [[], ['Bo']],
      apart: [['Zoë', 'Ñúñez']],
      together: [['Алёна', 'Παύλος']],
    });
    r = run(['groups', '--size', '3', '--rounds', '3', '--members', members, '--seed', '2', '--json']);
    assert.equal(r.status, 0, r.stderr);
    out = JSON.parse(r.stdout);
    for (const round of out.rounds)
      for (const g of round) {
        assert.ok(!(g.includes('Zoë') && g.includes('Ñúñez')), 'kept apart');
        assert.equal(g.includes('Алёна'), g.includes('Παύλος'), 'kept together');
      }
    assert.ok(!out.rounds[1].flat().includes('Bo'), 'absent in round 2');
    const bad = write('bad-members.json', { members: ['A', 'B'], apart: [['A', 'Nobody']] });
    r = run(['groups', '--size', '2', '--rounds', '1', '--members', bad]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `${bad}: apart: "Nobody" is not a member\n`);
    r = run(['groups', '--rounds', '2', '--players', '1', '--size', '2']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'groups: at least two members are needed to make groups\n');
  });

  test(`${kind}: validate reads at most the limit, and prints names so they cannot take over the terminal`, () => {
    // An endless input is refused at once, not read whole.
    const t0 = Date.now();
    const r = run(['validate', '/dev/zero']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '/dev/zero: the file is too large: more than 64.0 MB; the limit is 64.0 MB\n');
    assert.ok(Date.now() - t0 < 20000, 'answered without reading everything');
    // Control characters never reach a community; a name that reorders text (bidi override) is shown escaped.
    const sneaky = write('sneaky.json', community([rec('c1', 'community', { deleted: false, name: 'Zoë\u202Egnp.exe' }, 1000)]));
    const v = run(['validate', sneaky]);
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout, `${sneaky}: a valid community file ("Zoë\\u202Egnp.exe", 1 record)\n`);
    const esc = write('esc.json', community([rec('c1', 'community', { deleted: false, name: 'a\u001b[2Jb' }, 1000)]));
    const e = run(['validate', esc]);
    assert.equal(e.status, 1);
    assert.equal(e.stderr, `${esc}: records[0].fields.name: the text holds a control character (U+001B), which Cultivate does not store\n`);
    assert.ok(!e.stderr.includes('\u001b'));
  });

  test(`${kind}: merge refuses changes dated far ahead of this clock, and a result too large to reopen`, () => {
    const future = write('future.json', community([rec('m9', 'member', { deleted: false, name: 'From 3000' }, 32503680000000)]));
    const out = path.join(tmp, `${kind}-future.json`);
    const r = run(['merge', A, future, '-o', out]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^merge: 2 changes are dated more than a day after this device's clock \(the first: member "From 3000"/);
    assert.ok(!fs.existsSync(out), 'nothing written');
  });

  test(`${kind}: schema prints the file format's JSON Schema, as assets/ holds it`, () => {
    const r = run(['schema']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, fs.readFileSync(path.join(repo, 'assets/community.schema.json'), 'utf8'));
  });

  test(`${kind}: stats counts records per type, writers and the last edit`, () => {
    const out = path.join(tmp, `${kind}-stats.json`);
    run(['merge', A, B, C, '-o', out]);
    const r = run(['stats', out]);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.name, 'Cercle d’échange');
    assert.deepEqual(s.types.member, { label: 'members', live: 2, deleted: 1 });  // the registry's label
    assert.equal(s.writers, 3);
    assert.equal(s.last_edit, '1970-01-01 00:00 UTC');
  });
}

// The directory: vCards a real parser reads (Python's vobject, installed by scripts/setup.sh), and who
// can help with a question, with the reasons.
const PEOPLE = write('people.json', community([
  rec('c1', 'community', { deleted: false, name: 'Cercle — Ñúñez' }, 1000),
  rec('m1', 'member', { deleted: false, name: 'Zoë Ñúñez', organisation: 'Acme; R&D', pronouns: 'she/her',
    contact: 'zoe@example.org, +34 600 123 456', matrix_id: '@zoe:example.org', ask_me_about: 'feedback models' }, 1000),
  rec('m2', 'member', { deleted: false, name: 'Алёна', place: 'Київ, Україна', time_zone: 'Europe/Kyiv' }, 1000),
  rec('s1', 'skill', { deleted: false, member: 'm2', text: 'giving feedback, kindly', offer: 'present' }, 1000),
]));
const vobject = (file) => spawnSync(path.join(repo, 'build/deps/pyenv/bin/python'), ['-c', `
import json, sys, vobject
cards = []
for c in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()):
    cards.append({k: [str(v.value) for v in c.contents[k]] for k in c.contents})
print(json.dumps(cards))`, file], { encoding: 'utf8' });

for (const [kind, run] of Object.entries(TOOLS)) {
  test(`${kind}: directory --vcf writes vCards a real parser reads, every name intact`, () => {
    const r = run(['directory', PEOPLE, '--vcf']);
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(tmp, `${kind}-people.vcf`);
    fs.writeFileSync(file, r.stdout);
    const p = vobject(file);
    assert.equal(p.status, 0, p.stderr);
    const cards = JSON.parse(p.stdout);
    assert.deepEqual(cards.map((c) => c.fn[0]), ['Zoë Ñúñez', 'Алёна']);
    const zoe = cards[0];
    assert.deepEqual(zoe.email, ['zoe@example.org']);
    assert.deepEqual(zoe.tel, ['+34 600 123 456']);
    assert.deepEqual(zoe.impp, ['matrix:@zoe:example.org']);
    assert.match(zoe.note[0], /^Pronouns: she\/her\nAsk me about: feedback models\n/);
    assert.deepEqual(zoe.uid, ['m1']);
    assert.match(cards[1].note[0], /Place: Київ, Україна\nTime zone: Europe\/Kyiv\nSkills: giving feedback, kindly/);
  });

  test(`${kind}: directory --who ranks who can help, with the reasons`, () => {
    const r = run(['directory', PEOPLE, '--who', 'feedback']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'Алёна: skill: \u201cgiving feedback, kindly\u201d (offers to present)\n' +
      'Zoë Ñúñez: ask me about: \u201cfeedback models\u201d\n');
    assert.equal(run(['directory', PEOPLE]).status, 2);
  });
}

// The network: a breakout round of three and a reply in a thread; GraphML read back by Python's
// xml.etree, the JSON's density what three ties of six possible make.
const NET = write('net.json', community([
  rec('c1', 'community', { deleted: false, name: 'Réseau' }, 1000),
  rec('m1', 'member', { deleted: false, name: 'Zoë & <Co>' }, 1000),
  rec('m2', 'member', { deleted: false, name: 'Алёна' }, 1000),
  rec('m3', 'member', { deleted: false, name: 'Παύλος' }, 1000),
  rec('m4', 'member', { deleted: false, name: 'Jürgen' }, 1000),
  rec('r1', 'breakout', { deleted: false, session: 'Spring', round: 1, groups: [['m1', 'm2'], ['m3', 'm4']] }, 1790000000000),
  rec('t1', 'thread', { deleted: false, kind: 'ask', title: 'Help?', author: 'm1', at: 1800000000000 }, 1000),
  rec('t1r', 'reply', { deleted: false, thread: 't1', author: 'm3', body: 'Yes', at: 1800000000000 }, 1000),
]));
for (const [kind, run] of Object.entries(TOOLS)) {
  test(`${kind}: network prints ties, density and the least connected; GraphML a real parser reads`, () => {
    const j = run(['network', NET, '--json']);
    assert.equal(j.status, 0, j.stderr);
    const n = JSON.parse(j.stdout);
    assert.equal(n.members, 4);
    assert.equal(n.ties.length, 3);
    assert.equal(n.density, 0.5);
    // A round outside a meeting is dated when it was made; the reply when it was written.
    assert.deepEqual(n.timeline.map((p) => [p.date, p.ties]), [[new Date(1790000000000).toISOString().slice(0, 10), 2],
      ['2027-01-15', 3]]);
    assert.equal(n.least_connected[0].name, 'Jürgen');
    const g = run(['network', NET, '--graphml']);
    const file = path.join(tmp, `${kind}-net.graphml`);
    fs.writeFileSync(file, g.stdout);
    const py = spawnSync(path.join(repo, 'build/deps/pyenv/bin/python'), ['-c', `
import json, sys, xml.etree.ElementTree as ET
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
root = ET.parse(sys.argv[1]).getroot()
nodes = {n.get('id'): n.find("g:data[@key='name']", ns).text for n in root.iter('{%s}node' % ns['g'])}
edges = sorted([e.get('source'), e.get('target'), e.find("g:data[@key='kinds']", ns).text] for e in root.iter('{%s}edge' % ns['g']))
print(json.dumps({'nodes': nodes, 'edges': edges}))`, file], { encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    const parsed = JSON.parse(py.stdout);
    assert.equal(parsed.nodes.m1, 'Zoë & <Co>');
    assert.deepEqual(parsed.edges, [['m1', 'm2', 'breakout'], ['m1', 'm3', 'thread'], ['m3', 'm4', 'breakout']]);
    const csv = run(['network', NET, '--csv']).stdout.split('\r\n');
    assert.equal(csv[0], 'Source,Target,Source name,Target name,Weight,Kinds,First');
    assert.equal(csv.length, 5);  // a header, three ties, and the last line's end
  });
}

test('the schema accepts what the tool writes and refuses what the tool refuses', () => {
  assert.ok(validate(JSON.parse(fs.readFileSync(A, 'utf8'))));
  const bad = community([rec('m1', 'member', { name: 42 }, 1)]);
  assert.ok(!validate(bad));
  assert.ok(!validate({ ...community(base), version: 2 }));
  assert.ok(!validate({ ...community(base), format: 'other' }));
  const sample = path.join(repo, 'assets/sample.cultivate.json');
  const r = TOOLS.native(['validate', sample]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(validate(JSON.parse(fs.readFileSync(sample, 'utf8'))), JSON.stringify(validate.errors));
  // The sample is canonical: written again, it is the same bytes.
  const again = path.join(tmp, 'sample-again.json');
  TOOLS.native(['merge', sample, sample, '-o', again]);
  assert.ok(fs.readFileSync(again).equals(fs.readFileSync(sample)));
});
