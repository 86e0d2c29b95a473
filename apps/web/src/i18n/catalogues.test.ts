/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, LOCALES, TERRITORY_LEVELS, type Locale } from '@glocal/contracts';
import { GENDERS, ISIC_DIVISION_CODES, ISIC_SECTION_CODES, REQUEST_KINDS } from '@glocal/contracts/intake-form';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import italian from './it.json';

/*
 * Guards the rule "no user-facing literal in UI code" (STYLE.md §10) and keeps the five
 * catalogues complete. Convention this relies on: code refers to a message only through a
 * descriptor object, `formatMessage({ id: 'home.title' })`, so ids can be found statically.
 */

const CATALOGUES: Record<Locale, Record<string, string>> = { en, fr, es, it: italian, ar };

/** Ids built at run time from a value the contracts enumerate; each prefix must cover exactly its enum. */
const DYNAMIC_PREFIXES: Record<string, readonly string[]> = {
  'errors.': ERROR_CODES,
  'territories.level.': TERRITORY_LEVELS,
  'intake.kind.': REQUEST_KINDS,
  'intake.gender.': [...GENDERS, 'none'],
  'intake.isic.section.': ISIC_SECTION_CODES.map((code) => code.toLowerCase()),
  'intake.isic.division.': ISIC_DIVISION_CODES,
};

/** Attributes people read or hear: their values must come from a catalogue. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label']);

const HAS_LETTER = /\p{L}/u;
const MESSAGE_ID = /^[a-z_]+(\.[a-z0-9_]+)+$/;
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(SRC, file));
}

function parseSource(fileName: string, text = readFileSync(fileName, 'utf8')): ts.SourceFile {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
}

function visit(node: ts.Node, callback: (node: ts.Node) => void) {
  callback(node);
  node.forEachChild((child) => visit(child, callback));
}

function isStringLiteral(node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
}

function location(source: ts.SourceFile, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(SRC, source.fileName)}:${line + 1}`;
}

/** Visible text written straight into JSX: text children, `{'…'}` children, text attributes. */
function findLiterals(source: ts.SourceFile): string[] {
  const found: string[] = [];
  visit(source, (node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) {
      found.push(`${location(source, node)} text "${node.text.trim()}"`);
    }
    if (ts.isJsxExpression(node) && !ts.isJsxAttribute(node.parent) && isStringLiteral(node.expression) && HAS_LETTER.test(node.expression.text)) {
      found.push(`${location(source, node)} text "${node.expression.text}"`);
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer && ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (isStringLiteral(value) && HAS_LETTER.test(value.text)) {
        found.push(`${location(source, node)} ${node.name.getText(source)}="${value.text}"`);
      }
    }
  });
  return found;
}

interface MessageReferences {
  ids: Set<string>;
  prefixes: Set<string>;
  problems: string[];
}

/** Every `id: '…'` in an object literal (a message descriptor) and every `id: \`prefix.${…}\``. */
function findMessageReferences(source: ts.SourceFile, into: MessageReferences): void {
  visit(source, (node) => {
    if (!ts.isPropertyAssignment(node) || node.name.getText(source) !== 'id') return;
    const value = node.initializer;
    if (isStringLiteral(value) && MESSAGE_ID.test(value.text)) into.ids.add(value.text);
    if (ts.isTemplateExpression(value)) {
      const prefix = value.head.text;
      if (prefix in DYNAMIC_PREFIXES) into.prefixes.add(prefix);
      else into.problems.push(`${location(source, node)} builds an id from "${prefix}", which is not a declared dynamic prefix`);
    }
  });
}

function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
    }
    if (element.type === TYPE.tag) argumentNames(element.children, into);
  }
  return into;
}

const englishKeys = Object.keys(en).sort();

describe('the catalogues', () => {
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = Object.entries(CATALOGUES[locale]).filter(([, message]) => message.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s is valid ICU MessageFormat, with the same arguments as English', (locale) => {
    for (const [key, message] of Object.entries(CATALOGUES[locale])) {
      let elements: MessageFormatElement[];
      try {
        elements = parse(message);
      } catch (error) {
        throw new Error(`${locale} ${key}: ${String(error)}`);
      }
      const english = argumentNames(parse(en[key as keyof typeof en]));
      expect([...argumentNames(elements)].sort(), `${locale} ${key}`).toEqual([...english].sort());
    }
  });

  it.each(Object.entries(DYNAMIC_PREFIXES))('has a message %s<value> for every value the contracts define', (prefix, values) => {
    const keys = englishKeys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    expect(keys.sort()).toEqual([...values].sort());
  });
});

describe('the UI code', () => {
  const files = sourceFiles();

  it('is scanned at all', () => {
    expect(files.some((file) => file.endsWith('root-layout.tsx'))).toBe(true);
  });

  it('writes no user-facing literal: every text comes from a catalogue', () => {
    const literals = files.filter((file) => file.endsWith('.tsx')).flatMap((file) => findLiterals(parseSource(file)));
    expect(literals).toEqual([]);
  });

  it('uses only ids that exist, and every message is used', () => {
    const references: MessageReferences = { ids: new Set(), prefixes: new Set(), problems: [] };
    for (const file of files) findMessageReferences(parseSource(file), references);

    expect(references.problems).toEqual([]);
    expect([...references.ids].filter((id) => !(id in en))).toEqual([]);
    const unused = englishKeys.filter(
      (key) => !references.ids.has(key) && ![...references.prefixes].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});

describe('the literal scanner', () => {
  const scan = (code: string) => findLiterals(parseSource('probe.tsx', code));

  it('catches text, text expressions and text attributes', () => {
    expect(scan(`const a = <p title="Help">Hello {'world'}<img alt={'A cat'} /></p>;`)).toHaveLength(4);
  });

  it('lets through messages, punctuation and non-text attributes', () => {
    expect(scan(`const a = <p className="lead" id="main">{formatMessage({ id: 'home.title' })} · {' '}</p>;`)).toEqual([]);
  });
});
