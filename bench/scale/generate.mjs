// generate.mjs: synthetic communities for bench/scale. N members with names in many scripts, each
// with 2 learning objectives, 1 problem and 2 skills worded as people word them (themes in several
// phrasings and languages, so that grouping has real work), a profile for the directory, meetings
// with agendas, breakout history, and five posts per member (a thread each, four replies with
// @mentions: 50,000 posts at 10,000 members), projects and introductions. Deterministic for a seed.
//   node bench/scale/generate.mjs MEMBERS [SEED] > community.json
export function generate(members, seed = 1) {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const FIRST = ['Zoë', 'Ñúñez', 'Jürgen', 'Żaneta', 'Алёна', 'Παύλος', 'Amélie', 'Søren', 'Łukasz', 'Ådne', 'Çağrı',
    'Dmitri', 'Ελένη', 'Иван', 'Oğuz', 'Marta', 'Jiří', 'Ilona', 'Bjørk', 'José', 'Fatoumata', 'Kwame', 'Aroha', 'Mirela'];
  const LAST = ['García', 'Müller', 'Nowak', 'Петрова', 'Παπαδόπουλος', 'Dubois', 'Ødegaard', 'Yılmaz', 'Novák', 'Smith',
    'Rossi', 'Kowalczyk', 'Иванов', 'Horváth', 'Silva', 'Jensen', 'Okafor', 'Ngata'];
  const THEMES = [
    ['give better feedback', 'Giving feedback to my team', 'feedback that lands', 'Feedback geben', 'dar retroalimentación'],
    ['Facilitate online workshops', 'Facilitating remote meetings', 'online facilitation', 'virtual workshops that work'],
    ['Storytelling for presentations', 'Telling stories that persuade', 'storytelling', 'raconter des histoires'],
    ['public speaking', 'Speaking in public with confidence', 'hablar en público', 'öffentlich sprechen'],
    ['Delegating tasks', 'learn to delegate', 'delegation without micromanaging', 'déléguer'],
    ['time management', 'Managing my time and priorities', 'gestión del tiempo', 'Zeitmanagement'],
    ['coaching conversations', 'how to coach my team members', 'coaching skills', 'coacher son équipe'],
    ['Conflict resolution', 'resolving conflicts in teams', 'Konflikte lösen', 'resolver conflictos'],
    ['running retrospectives', 'better retros', 'agile retrospectives', 'Retrospektiven moderieren'],
    ['writing clear documentation', 'technical writing', 'documentation people read', 'écrire une documentation claire'],
    ['negotiation with suppliers', 'negotiating contracts', 'Verhandlungen führen', 'negociación'],
    ['onboarding new colleagues', 'onboarding', 'welcoming new hires', 'Einarbeitung neuer Kollegen'],
    ['data visualisation', 'visualising data for decisions', 'dashboards that tell a story', 'visualisation de données'],
    ['leading change', 'change management', 'Veränderungen begleiten', 'gestión del cambio'],
    ['mentoring juniors', 'mentoring', 'being a good mentor', 'mentorat'],
    ['hiring well', 'interviewing candidates', 'better job interviews', 'Bewerbungsgespräche führen'],
  ];
  const PROBLEMS = ['my team ignores what I say in one-to-ones', 'meetings run late every week',
    'nobody reads the documentation', 'two senior people do not talk to each other', 'our retros are silent',
    'I cannot say no to my manager', 'new hires leave after three months', 'clients change the scope every week'];
  const SKILLS = ['facilitation', 'coaching', 'public speaking', 'Spanish', 'data analysis', 'writing', 'negotiation',
    'conflict mediation', 'agile coaching', 'design thinking', 'Excel', 'interviewing', 'storytelling', 'mentoring'];
  const ORGS = ['Acme', 'Stadtwerke Köln', 'Київський університет', 'Δήμος Αθηναίων', 'Universidad de Sevilla', 'NHS Leeds'];
  const ZONES = ['Europe/Madrid', 'Europe/Berlin', 'Europe/Kyiv', 'Europe/Athens', 'America/Bogota', 'Africa/Accra'];
  const actors = Array.from({ length: 12 }, (_, i) => 'actor' + String(i).padStart(11, '0'));
  const t0 = 1790000000000;
  let clock = 0;
  const stamp = () => [t0 + (clock++), 0, pick(actors)];
  const records = [];
  const rec = (id, type, fields) => records.push({ id, type, fields: { deleted: false, ...fields },
    stamps: Object.fromEntries(Object.keys({ deleted: 0, ...fields }).map((k) => [k, stamp()])) });
  const cid = 'scale' + members;
  rec(cid, 'community', { name: `Scale ${members}`, purpose_why: 'Learning together at any size.' });
  const ids = [];
  for (let i = 0; i < members; i++) {
    const id = 'm' + i.toString(36).padStart(6, '0');
    ids.push(id);
    rec(id, 'member', { name: `${pick(FIRST)} ${pick(LAST)} ${i}`, contact: `member${i}@example.org`,
      organisation: pick(ORGS), time_zone: pick(ZONES), ask_me_about: `${pick(SKILLS)}, ${pick(SKILLS)}` });
    for (let k = 0; k < 2; k++) rec(`o${i}_${k}`, 'objective', { member: id, text: pick(pick(THEMES)) });
    rec(`p${i}`, 'problem', { member: id, text: pick(PROBLEMS) });
    for (let k = 0; k < 2; k++) rec(`s${i}_${k}`, 'skill', { member: id, text: pick(SKILLS), offer: rnd() < 0.2 ? 'present' : '' });
  }
  // Meetings: one per 20 members, at most 500, weekly, each with a regular agenda and a breakout round.
  const meetings = Math.min(500, Math.max(1, Math.floor(members / 20)));
  const kinds = [['welcome', 10], ['input', 15], ['pairs', 15], ['debrief', 10], ['small_groups', 20], ['debrief', 10],
    ['logistics', 10], ['closing', 5]];
  for (let m = 0; m < meetings; m++) {
    const id = 'g' + m;
    const d = new Date(Date.UTC(2027, 0, 7) + 7 * 86400000 * m).toISOString().slice(0, 10);
    rec(id, 'meeting', { title: `Meeting ${m + 1}`, date: d, time: '18:30', slot: 90 });
    kinds.forEach(([k, min], b) => rec(`${id}:b${b}`, 'block', { meeting: id, kind: k, title: k, minutes: min, position: b + 1 }));
    // A breakout round of 24 present members in groups of 4.
    const here = Array.from({ length: Math.min(24, members) }, () => pick(ids));
    const groups = [];
    for (let g = 0; g + 4 <= here.length; g += 4) groups.push([...new Set(here.slice(g, g + 4))]);
    rec(`${id}:r1`, 'breakout', { session: `${id}:b4`, round: 1, groups });
  }
  // Posts: a thread per member and four replies each, by others, some naming someone with @.
  const KINDS = ['ask', 'offer', 'question', 'resource', 'announcement'];
  for (let i = 0; i < members; i++) {
    const t = `t${i}`;
    rec(t, 'thread', { kind: pick(KINDS), title: `About ${pick(pick(THEMES))}`, body: `Who knows ${pick(SKILLS)}?`,
      author: ids[i], at: t0 + i * 60000 });
    for (let k = 0; k < 4; k++) {
      const who = pick(ids);
      rec(`${t}:r${k}`, 'reply', { thread: t, author: who, body: rnd() < 0.3 ? `@${pick(FIRST)} might know: ${pick(PROBLEMS)}` : pick(PROBLEMS),
        at: t0 + i * 60000 + (k + 1) * 1000 });
    }
  }
  // Projects (one per 50 members, five joining each) and introductions (one per 20 members).
  for (let p = 0; p < Math.max(1, Math.floor(members / 50)); p++) {
    rec(`j${p}`, 'project', { title: `Project ${p}: ${pick(pick(THEMES))}`, goal: 'A page others can use', needs: pick(SKILLS), owner: pick(ids) });
    for (const who of new Set(Array.from({ length: 5 }, () => pick(ids))))
      rec(`join:j${p}:${who}`, 'joining', { project: `j${p}`, member: who, offer: pick(SKILLS) });
  }
  const introduced = new Set();
  for (let k = 0; k < Math.floor(members / 20); k++) {
    const [a, b] = [pick(ids), pick(ids)].sort();
    if (a === b || introduced.has(`${a}:${b}`)) continue;
    introduced.add(`${a}:${b}`);
    rec(`intro:${a}:${b}`, 'introduction', { a, b, reason: 'one can help the other', by: '', at: t0 + k });
  }
  return { format: 'cultivate.community', version: 1, community: cid, records };
}

if (process.argv[1] && process.argv[1].endsWith('generate.mjs')) {
  const n = Number(process.argv[2] || 10);
  process.stdout.write(JSON.stringify(generate(n, Number(process.argv[3] || 1))));
}
