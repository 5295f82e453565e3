// Counts English sentences written in the code that could be shown to a person, instead of a
// problem code or a catalogue key rendered in the reader's language (issue 8).
//
//   npx tsx scripts/count-english-leaks.ts [root] [--list]
//
// It reads the TypeScript syntax of app/ (the catalogues in app/i18n excepted) and counts:
//   - string arguments of `new ConflictError(`, `PermissionError(`, `InvalidInputError(`,
//     `NotFoundError(`, `AuthenticationError(` (and strings inside their object arguments);
//   - `error:` / `message:` strings, and `error.message`, in what `data(…)` and `json(…)` carry,
//     and the strings of `jsonError(…)` and `new Response(…)`;
//   - zod's custom messages (`.min(1, '…')`, `{ message: '…' }`) that are not problem codes;
//   - JSX text and the visible attributes (title, alt, placeholder, aria-label) not from t().
// A string counts when it reads as English: two Latin words or more, or one capitalised word, and
// not a problem code. Brand names (OpenTEX, API) are not sentences. Strings that only an API
// caller reads (app/routes/api.*, app/web/api.server.ts) are reported apart from those a page may show.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.');
const list = process.argv.includes('--list');

const ERROR_CLASSES = new Set(['ConflictError', 'PermissionError', 'InvalidInputError', 'NotFoundError', 'AuthenticationError']);
const ZOD_MESSAGE_METHODS = new Set(['min', 'max', 'length', 'email', 'url', 'regex', 'refine', 'superRefine', 'int', 'positive', 'nonnegative', 'gte', 'lte', 'nonempty', 'startsWith', 'endsWith']);
const VISIBLE_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'aria-label', 'label']);
const NOT_SENTENCES = new Set(['OpenTEX', 'API', 'VND', 'TRL', 'PDF', 'OK']);

interface Leak {
  file: string;
  line: number;
  rule: string;
  text: string;
  audience: 'page' | 'api';
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** A string a person would read as English words (not a code, a path, a CSS class or a brand). */
function readsAsEnglish(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || /^[a-z0-9_.:-]+$/.test(trimmed) || /^[a-z][\w-]*(\.[\w-]+)+$/.test(trimmed)) return false; // codes, catalogue keys, ids
  if (/^[/.#]|^https?:|^[\w-]+\/[\w-]/.test(trimmed)) return false; // paths and addresses
  const words = trimmed.match(/[A-Za-z]{2,}/g) ?? [];
  const meaningful = words.filter((w) => !NOT_SENTENCES.has(w));
  if (meaningful.length === 0) return false;
  // Vietnamese has letters outside ASCII in most sentences; a string with them is not English.
  if (/[\u00C0-\u1EF9]/.test(trimmed) && !/^[\x20-\x7E]*$/.test(trimmed)) return false;
  return meaningful.length >= 2 || /^[A-Z][a-z]/.test(meaningful[0]!);
}

function stringOf(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
  return null;
}

/** Every string literal inside a node (array and object literals, conditionals, concatenations). */
function stringsIn(node: ts.Node): { node: ts.Node; text: string }[] {
  const out: { node: ts.Node; text: string }[] = [];
  const visit = (n: ts.Node) => {
    const s = stringOf(n);
    if (s !== null) out.push({ node: n, text: s });
    // A catalogue key (`t('…')`, `en['…']`) is not a sentence.
    else if (!(ts.isCallExpression(n) && isT(n)) && !ts.isElementAccessExpression(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

const isT = (call: ts.CallExpression): boolean =>
  ['t', 'translator', 'problemText', 'problemsText'].includes(calleeName(call)) || (ts.isCallExpression(call.expression) && isT(call.expression));

function isZodChain(call: ts.CallExpression): boolean {
  let e: ts.Expression = call.expression;
  while (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) {
    if (ts.isPropertyAccessExpression(e)) {
      if (ts.isIdentifier(e.expression) && e.expression.text === 'z') return true;
      e = e.expression;
    } else e = e.expression;
  }
  return ts.isIdentifier(e) && /Rule|Schema|schema|^z$/.test(e.text);
}

export function countLeaks(appRoot: string): Leak[] {
  const leaks: Leak[] = [];
  const appDir = path.join(appRoot, 'app');
  for (const file of filesUnder(appDir)) {
    const rel = path.relative(appRoot, file);
    if (rel.startsWith(path.join('app', 'i18n') + path.sep) && !/language\.server|problems/.test(rel)) continue;
    // Process logs and start-up configuration errors are read by operators, not on pages.
    if (rel.startsWith(path.join('app', 'server') + path.sep) && !rel.endsWith('edge.ts')) continue;
    if (rel === path.join('app', 'config.server.ts')) continue;
    const audience: Leak['audience'] = /app\/routes\/api\.|app\/web\/api\.server/.test(rel.split(path.sep).join('/')) ? 'api' : 'page';
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const add = (node: ts.Node, rule: string, text: string) => {
      if (!readsAsEnglish(text)) return;
      leaks.push({ file: rel, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, rule, text: text.trim().slice(0, 90), audience });
    };
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && ERROR_CLASSES.has(calleeName(node))) {
        for (const arg of node.arguments ?? []) for (const s of stringsIn(arg)) add(s.node, `new ${calleeName(node)}`, s.text);
      }
      if (ts.isNewExpression(node) && calleeName(node) === 'Response' && node.arguments?.[0]) {
        for (const s of stringsIn(node.arguments[0])) add(s.node, 'new Response', s.text);
      }
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if ((name === 'data' || name === 'json') && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
          for (const prop of node.arguments[0].properties) {
            if (!ts.isPropertyAssignment(prop) || !['error', 'message'].includes(prop.name.getText(source))) continue;
            if (ts.isPropertyAccessExpression(prop.initializer) && prop.initializer.name.text === 'message') {
              leaks.push({ file: rel, line: source.getLineAndCharacterOfPosition(prop.getStart()).line + 1, rule: `${name}({ ${prop.name.getText(source)}: error.message })`, text: prop.initializer.getText(source), audience });
            }
            for (const s of stringsIn(prop.initializer)) add(s.node, `${name}({ ${prop.name.getText(source)} })`, s.text);
          }
        }
        if (name === 'jsonError') for (const arg of node.arguments.slice(1, 2)) for (const s of stringsIn(arg)) add(s.node, 'jsonError', s.text);
        if (ZOD_MESSAGE_METHODS.has(name) && isZodChain(node)) {
          for (const arg of node.arguments) {
            const s = stringOf(arg);
            if (s !== null) add(arg, `zod .${name}(…, message)`, s);
            if (ts.isObjectLiteralExpression(arg)) {
              for (const p of arg.properties) if (ts.isPropertyAssignment(p) && p.name.getText(source) === 'message') for (const m of stringsIn(p.initializer)) add(m.node, `zod { message }`, m.text);
            }
          }
        }
      }
      if (ts.isJsxText(node)) add(node, 'JSX text', node.text);
      if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source)) && node.initializer && ts.isStringLiteral(node.initializer)) {
        add(node.initializer, `JSX ${node.name.getText(source)}=`, node.initializer.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return leaks;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('count-english-leaks.ts')) {
  const leaks = countLeaks(root);
  const page = leaks.filter((l) => l.audience === 'page');
  const api = leaks.filter((l) => l.audience === 'api');
  if (list) for (const l of leaks) console.log(`${l.audience.padEnd(4)} ${l.file}:${l.line}  [${l.rule}]  ${l.text}`);
  console.log(`English strings that could reach a page (a Vietnamese reader): ${page.length}`);
  console.log(`English strings only API callers read: ${api.length}`);
  console.log(`Total: ${leaks.length}`);
}
