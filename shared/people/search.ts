/**
 * Find-as-you-type across people and groups.
 *
 * Names go into a MiniSearch inverted index (prefix + fuzzy matching, so word order, case, ё/е and
 * small typos do not matter). Phone numbers are matched as digit substrings over a plain map, so
 * "4567" finds "+7 (912) 345-67-89" whatever the formatting: a substring scan of a few thousand
 * 10-digit strings costs microseconds, far less than any n-gram index would.
 *
 * Build the index once (`createPeopleIndex`), keep it current with `syncPeopleIndex` (incremental:
 * only documents whose `updatedAt` changed are re-indexed), query with `searchPeople`.
 */
import MiniSearch from 'minisearch';
import type { GroupDoc, PersonDoc } from '../db/schemas';
import { normaliseTerm, phoneDigits, words } from './normalise';

export type EntryKind = 'person' | 'group';

export interface SearchHit {
  id: string;
  kind: EntryKind;
  name: string;
  phone: string;
  /** Higher is better; only meaningful for ordering within one result list. */
  score: number;
  /** What matched: the name (or tags), the phone digits, or both. */
  matched: 'name' | 'phone' | 'both';
  /**
   * How close the name is to what was typed: every word typed is a whole word of the name ('exact') or
   * the start of one ('prefix'); some word matched only with a typo allowed ('fuzzy'); or some typed word
   * matched nothing at all ('partial'). Phone matches are 'exact'. Close hits (exact or prefix) come first.
   */
  closeness: Closeness;
}

export type Closeness = 'exact' | 'prefix' | 'fuzzy' | 'partial';
const CLOSENESS_RANK: Record<Closeness, number> = { exact: 0, prefix: 1, fuzzy: 2, partial: 3 };
/** Order of hits: close ones (exact or prefix, by score: boosts decide between "Иванов" and "Иванова"), then typo-tolerant, then partial. */
const ORDER_RANK: Record<Closeness, number> = { exact: 0, prefix: 0, fuzzy: 1, partial: 2 };

/** A hit the desk may pre-select for Enter: the name as typed or its beginning, never only a typo-tolerant match. */
export function isCloseHit(h: Pick<SearchHit, 'closeness'>): boolean {
  return h.closeness === 'exact' || h.closeness === 'prefix';
}

/** The words of a name (or tags) as the index compares them: normalised, none empty. */
const termsOf = (text: string): string[] => words(text).map(normaliseTerm).filter(Boolean);

/** How the typed terms (normalised) meet the words of a name (termsOf): the weakest term decides. */
function closenessOf(terms: readonly string[], nameWords: readonly string[]): Closeness {
  let worst: Closeness = 'exact';
  for (const term of terms) {
    const c: Closeness = nameWords.includes(term) ? 'exact' : nameWords.some((w) => w.startsWith(term)) ? 'prefix' : 'fuzzy';
    if (CLOSENESS_RANK[c] > CLOSENESS_RANK[worst]) worst = c;
  }
  return worst;
}

interface IndexedEntry {
  /** `person:<id>` or `group:<id>`: people and groups share one index. */
  key: string;
  id: string;
  kind: EntryKind;
  name: string;
  phone: string;
  tags: string;
  /**
   * The name's words as the index compares them (termsOf), made once when indexed: a search
   * ranks every hit by them, and a first letter typed hits thousands of people at ten years.
   */
  nameTerms: string[];
  /** The name's and the tags' words. */
  allTerms: string[];
  /** updatedAt of the indexed version, to skip unchanged documents on sync. */
  version: string;
}

export interface PeopleIndex {
  readonly mini: MiniSearch<IndexedEntry>;
  readonly entries: Map<string, IndexedEntry>;
  /** key → normalised phone digits (only entries with a phone). */
  readonly phones: Map<string, string>;
}

export interface SearchOptions {
  /** Maximum number of hits (default 20). */
  limit?: number;
  /** Only people or only groups. */
  kind?: EntryKind;
  /** Extra weight per entry id, e.g. how often a person visited lately (1 = neutral). */
  boost?: ReadonlyMap<string, number>;
}

const keyOf = (kind: EntryKind, id: string) => `${kind}:${id}`;

function tokenize(text: string): string[] {
  return words(text);
}

function processTerm(term: string): string | null {
  const t = normaliseTerm(term);
  return t.length > 0 ? t : null;
}

export function createPeopleIndex(): PeopleIndex {
  const mini = new MiniSearch<IndexedEntry>({
    idField: 'key',
    fields: ['name', 'tags'],
    storeFields: [],
    tokenize,
    processTerm,
  });
  return { mini, entries: new Map(), phones: new Map() };
}

/** Whether a person belongs in the directory search (merged-away and erased people do not). */
export function isSearchablePerson(p: PersonDoc): boolean {
  return !p.mergedInto && !p.erased;
}

/** What the index keeps of a person or a group: the searched name and tags, the phone, and the version it indexed. */
function entryOf(kind: IndexedEntry['kind'], doc: { id: string; name: string; updatedAt: string }, phone: string | undefined, tags: string): IndexedEntry {
  const nameTerms = termsOf(doc.name);
  const tagTerms = termsOf(tags);
  const allTerms = tagTerms.length ? [...nameTerms, ...tagTerms] : nameTerms;
  return { key: keyOf(kind, doc.id), id: doc.id, kind, name: doc.name, phone: phone ?? '', tags, nameTerms, allTerms, version: doc.updatedAt };
}

const entryOfPerson = (p: PersonDoc): IndexedEntry | null => (isSearchablePerson(p) ? entryOf('person', p, p.phone, (p.tags ?? []).join(' ')) : null);
const entryOfGroup = (g: GroupDoc): IndexedEntry | null => (g.archived ? null : entryOf('group', g, g.contactPhone, g.contactName ?? ''));

function put(index: PeopleIndex, key: string, entry: IndexedEntry | null): boolean {
  const old = index.entries.get(key);
  if (entry && old && old.version === entry.version) return false;
  if (old) {
    index.mini.discard(key);
    index.entries.delete(key);
    index.phones.delete(key);
  }
  if (entry) {
    index.mini.add(entry);
    index.entries.set(key, entry);
    const digits = phoneDigits(entry.phone);
    if (digits) index.phones.set(key, digits);
  }
  return old !== undefined || entry !== null;
}

/** Adds or replaces one person (a merged or erased person is removed). */
export function indexPerson(index: PeopleIndex, p: PersonDoc): void {
  put(index, keyOf('person', p.id), entryOfPerson(p));
}

/**
 * Brings the index in line with the current documents. Unchanged documents (same `updatedAt`) cost a
 * map lookup; changed ones are re-indexed; ids no longer present are removed. Returns how many entries changed.
 */
export function syncPeopleIndex(index: PeopleIndex, people: readonly PersonDoc[], groups: readonly GroupDoc[]): number {
  let changed = 0;
  const seen = new Set<string>();
  for (const p of people) {
    const key = keyOf('person', p.id);
    seen.add(key);
    if (put(index, key, entryOfPerson(p))) changed++;
  }
  for (const g of groups) {
    const key = keyOf('group', g.id);
    seen.add(key);
    if (put(index, key, entryOfGroup(g))) changed++;
  }
  for (const key of [...index.entries.keys()]) {
    if (!seen.has(key) && put(index, key, null)) changed++;
  }
  return changed;
}

/** Builds a fresh index from the documents. */
export function buildPeopleIndex(people: readonly PersonDoc[], groups: readonly GroupDoc[]): PeopleIndex {
  const index = createPeopleIndex();
  syncPeopleIndex(index, people, groups);
  return index;
}

/** Typo tolerance per term: none for 1–3 letters (too many false friends), 1 edit for 4–5, then 2. */
function fuzziness(term: string): number {
  if (term.length <= 3) return 0;
  if (term.length <= 5) return 1;
  return 2;
}

const PHONE_MIN_DIGITS = 3;
const collator = new Intl.Collator('ru');

/**
 * Ranked hits for what the user typed. Words with digits are matched against phone numbers; the other
 * words against names (and tags), all words must match (AND), prefix and typo tolerant. If no entry
 * matches every word, entries matching some words are returned (OR), so a mistyped extra word does not
 * empty the list.
 */
export function searchPeople(index: PeopleIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 20;
  const tokens = words(query);
  const digitTokens = tokens.filter((t) => /\d/.test(t));
  const nameQuery = tokens.filter((t) => !/\d/.test(t)).join(' ');
  const digits = phoneDigits(digitTokens.join(''));
  const wantPhone = digits.length >= PHONE_MIN_DIGITS;
  if (!nameQuery && !wantPhone) return [];

  const kindOk = (e: IndexedEntry | undefined): e is IndexedEntry => !!e && (!options.kind || e.kind === options.kind);
  const boostOf = (e: IndexedEntry) => options.boost?.get(e.id) ?? 1;

  let phoneScores: Map<string, number> | null = null;
  if (wantPhone) {
    phoneScores = new Map();
    for (const [key, phone] of index.phones) {
      const at = phone.indexOf(digits);
      if (at < 0) continue;
      // Whole number > ends with the digits (people quote the last digits) > anywhere.
      const score = phone.length === digits.length ? 3 : at + digits.length === phone.length ? 2 : 1;
      phoneScores.set(key, score);
    }
  }

  const toHit = (e: IndexedEntry, score: number, matched: SearchHit['matched'], closeness: Closeness = 'exact'): SearchHit => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    phone: e.phone,
    score,
    matched,
    closeness,
  });

  if (nameQuery) {
    const phones = phoneScores;
    const run = (combineWith: 'AND' | 'OR') =>
      index.mini.search(nameQuery, {
        prefix: true,
        fuzzy: (term) => fuzziness(term),
        maxFuzzy: 2,
        combineWith,
        boost: { name: 2, tags: 1 },
        filter: (r) => kindOk(index.entries.get(r.id as string)) && (!phones || phones.has(r.id as string)),
        boostDocument: (key: string) => {
          const e = index.entries.get(key);
          return (e ? boostOf(e) : 1) * (1 + (phones?.get(key) ?? 0));
        },
      });
    let results = run('AND');
    const partial = results.length === 0;
    if (partial) results = run('OR');
    // Close matches (the words as typed, or their beginnings) before typo-tolerant ones, by score within each.
    const terms = words(nameQuery).map(normaliseTerm).filter(Boolean);
    const ranked: SearchHit[] = [];
    for (const r of results) {
      const e = index.entries.get(r.id as string);
      if (!e) continue;
      let closeness = partial ? 'partial' : closenessOf(terms, e.nameTerms);
      // A tag match ("чинит велосипеды") is as close as its words, but a name match ranks first within a class.
      if (!partial && closeness === 'fuzzy' && e.tags) {
        const byTags = closenessOf(terms, e.allTerms);
        if (byTags !== 'fuzzy') closeness = byTags;
      }
      ranked.push(toHit(e, r.score, phones ? 'both' : 'name', closeness));
    }
    ranked.sort((a, b) => ORDER_RANK[a.closeness] - ORDER_RANK[b.closeness] || b.score - a.score);
    return ranked.slice(0, limit);
  }
  const hits: SearchHit[] = [];
  for (const [key, score] of phoneScores ?? []) {
    const e = index.entries.get(key);
    if (kindOk(e)) hits.push(toHit(e, score * boostOf(e), 'phone'));
  }
  hits.sort((a, b) => b.score - a.score || collator.compare(a.name, b.name));
  return hits.slice(0, limit);
}
