import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPeopleIndex, isCloseHit, searchPeople, syncPeopleIndex, indexPerson } from './search';
import { normaliseName, phoneDigits } from './normalise';
import { group, person } from './testDocs';

const people = [
  person('p1', 'Пётр Иванович Семёнов', { phone: '+7 (912) 345-67-89' }),
  person('p2', 'Анна Петрова', { phone: '8 912 000 11 22', tags: ['чинит велосипеды'] }),
  person('p3', 'Алёна Смирнова', { phone: '' }),
  person('p4', 'Иван Петров', { phone: '+7 900 111-45-67' }),
  person('p5', 'Старый Дубль', { mergedInto: 'p1' }),
  person('p6', '', { erased: true, phone: '' }),
];
const groups = [
  group('g1', 'Клуб «Шахматы»', { contactPhone: '+7 (495) 123-45-67' }),
  group('g2', 'ТОС Северный', { kind: 'tos' }),
  group('g3', 'Старый кружок', { archived: true }),
];
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('normalise', () => {
  it('folds case, ё/е and spaces', () => {
    expect(normaliseName('  Пётр   СЕМЁНОВ ')).toBe('петр семенов');
  });
  it('reduces Russian numbers to the 10-digit national number whatever the formatting', () => {
    expect(phoneDigits('+7 (912) 345-67-89')).toBe('9123456789');
    expect(phoneDigits('8 912 345 67 89')).toBe('9123456789');
    expect(phoneDigits('345-67-89')).toBe('3456789');
  });
});

describe('searchPeople', () => {
  const index = buildPeopleIndex(people, groups);

  it('finds by name regardless of ё/е and case', () => {
    expect(ids(searchPeople(index, 'семенов'))).toEqual(['p1']);
    expect(ids(searchPeople(index, 'ПЁТР'))[0]).toBe('p1');
    expect(ids(searchPeople(index, 'алена'))).toEqual(['p3']);
  });

  it('finds regardless of word order and with prefixes while typing', () => {
    expect(ids(searchPeople(index, 'Петров Иван'))[0]).toBe('p4');
    expect(ids(searchPeople(index, 'ив пет'))[0]).toBe('p4');
  });

  it('tolerates typos', () => {
    expect(ids(searchPeople(index, 'Смирнва'))).toContain('p3');
    expect(ids(searchPeople(index, 'Семенав'))).toContain('p1');
    expect(ids(searchPeople(index, 'Шахмты'))).toContain('g1');
  });

  it('finds by phone digits in any formatting', () => {
    expect(ids(searchPeople(index, '4567')).sort()).toEqual(['g1', 'p1', 'p4']);
    expect(ids(searchPeople(index, '1122'))).toEqual(['p2']);
    expect(ids(searchPeople(index, '345-67'))).toContain('p1');
    expect(ids(searchPeople(index, '+7 912 345 67 89'))).toEqual(['p1']);
    expect(ids(searchPeople(index, '89120001122'))).toEqual(['p2']);
  });

  it('combines a name word with phone digits', () => {
    const hits = ids(searchPeople(index, 'петров 4567'));
    expect(hits[0]).toBe('p4');
    expect(hits).not.toContain('p2'); // Петрова, but her phone has no 4567
    expect(ids(searchPeople(index, 'анна 1122'))).toEqual(['p2']);
  });

  it('searches tags (talents) and group contact names', () => {
    expect(ids(searchPeople(index, 'велосипед'))).toEqual(['p2']);
  });

  it('leaves out merged-away, erased people and archived groups', () => {
    expect(ids(searchPeople(index, 'дубль'))).toEqual([]);
    expect(ids(searchPeople(index, 'старый'))).toEqual([]);
  });

  it('filters by kind and honours limit', () => {
    expect(searchPeople(index, 'тос', { kind: 'person' })).toEqual([]);
    expect(ids(searchPeople(index, 'тос', { kind: 'group' }))).toEqual(['g2']);
    expect(searchPeople(index, 'а', { limit: 1 }).length).toBeLessThanOrEqual(1);
  });

  it('returns nothing for an empty query or too few digits', () => {
    expect(searchPeople(index, '')).toEqual([]);
    expect(searchPeople(index, '  ')).toEqual([]);
    expect(searchPeople(index, '45')).toEqual([]);
  });

  it('ranks an exact name above a fuzzy neighbour and applies boosts', () => {
    const ix = buildPeopleIndex([person('a', 'Иванов'), person('b', 'Иванова')], []);
    expect(ids(searchPeople(ix, 'иванов'))[0]).toBe('a');
    expect(ids(searchPeople(ix, 'иванов', { boost: new Map([['b', 10]]) }))[0]).toBe('b');
  });
});

describe('incremental index', () => {
  it('re-indexes only changed documents and drops removed ones', () => {
    const index = buildPeopleIndex(people, groups);
    expect(syncPeopleIndex(index, people, groups)).toBe(0);
    const renamed = people.map((p) => (p.id === 'p3' ? { ...p, name: 'Алёна Кузнецова', updatedAt: '2026-02-01T00:00:00.000Z' } : p));
    expect(syncPeopleIndex(index, renamed, groups)).toBe(1);
    expect(ids(searchPeople(index, 'кузнецова'))).toEqual(['p3']);
    expect(ids(searchPeople(index, 'смирнова'))).toEqual([]);
    expect(syncPeopleIndex(index, renamed.filter((p) => p.id !== 'p4'), groups)).toBe(1);
    expect(ids(searchPeople(index, 'Иван Петров'))).not.toContain('p4');
    indexPerson(index, { ...people[0]!, mergedInto: 'p2', updatedAt: '2026-03-01T00:00:00.000Z' });
    expect(ids(searchPeople(index, 'семенов'))).toEqual([]);
  });
});

describe('search properties', () => {
  const cyr = fc.constantFrom(...'абвгдеёжзиклмнопрстуфхцчшщэюя'.split(''));
  const word = fc.array(cyr, { minLength: 4, maxLength: 10 }).map((a) => a.join(''));

  it('a person is found by their own name in any case, with ё written as е, and words in any order', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(word, word), { maxLength: 30 }), (nameWords, others) => {
        const target = person('target', nameWords.join(' '));
        const index = buildPeopleIndex([target, ...others.map(([a, b], i) => person(`o${i}`, `${a} ${b}`))], []);
        const query = [...nameWords].reverse().map((w) => w.replace(/ё/g, 'е').toUpperCase()).join(' ');
        expect(ids(searchPeople(index, query, { limit: 100 }))).toContain('target');
      }),
      { numRuns: 100 },
    );
  });

  it('any 4+ consecutive digits of a phone number find that person', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^9\d{9}$/), fc.nat(6), fc.integer({ min: 4, max: 10 }), (national, start, len) => {
        const formatted = `+7 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`;
        const index = buildPeopleIndex([person('x', 'Кто-то', { phone: formatted })], []);
        const part = national.slice(start, Math.min(10, start + len));
        if (part.length >= 3) expect(ids(searchPeople(index, part))).toEqual(['x']);
      }),
      { numRuns: 200 },
    );
  });
});

describe('closeness: exact and prefix matches first, typo-tolerant ones never close (Latin and Cyrillic alike)', () => {
  const dir = [
    person('lat', 'Ivan Petrov'),
    person('cyr', 'Иван Петров'),
    person('i1', 'Мария Ильина'),
    person('i2', 'Ольга Ильина'),
    person('e1', 'Нина Ёлкина'),
    person('pe', 'Petra Ivanova'),
  ];
  const index = buildPeopleIndex(dir, []);
  const close = (q: string) => searchPeople(index, q).filter(isCloseHit).map((h) => h.id);

  for (const [typed, known] of [
    ['Ivan Petrenko', 'lat'],
    ['Иван Петренко', 'cyr'],
  ] as const) {
    it(`"${typed}" with "${dir.find((p) => p.id === known)!.name}" in the directory: no close match`, () => {
      expect(close(typed)).toEqual([]);
      const hits = searchPeople(index, typed);
      for (const h of hits) expect(isCloseHit(h)).toBe(false);
    });
  }

  it('the same name typed exactly or by its beginnings is close and first, in either script', () => {
    expect(searchPeople(index, 'Ivan Petrov')[0]).toMatchObject({ id: 'lat', closeness: 'exact' });
    expect(searchPeople(index, 'Иван Петров')[0]).toMatchObject({ id: 'cyr', closeness: 'exact' });
    expect(searchPeople(index, 'iva pet')[0]).toMatchObject({ id: 'lat', closeness: 'prefix' });
    expect(searchPeople(index, 'ива пет')[0]).toMatchObject({ id: 'cyr', closeness: 'prefix' });
    // a prefix match ranks above a typo-tolerant one whatever MiniSearch scores say
    expect(close('petr')).toEqual(expect.arrayContaining(['lat', 'pe']));
  });

  it('"ёлкина" lists Ёлкина first and the Ильины only as typo-tolerant matches', () => {
    const hits = searchPeople(index, 'ёлкина');
    expect(hits[0]).toMatchObject({ id: 'e1', closeness: 'exact' });
    expect(hits.filter((h) => h.id.startsWith('i')).every((h) => h.closeness === 'fuzzy')).toBe(true);
    const noElkina = buildPeopleIndex(dir.filter((p) => p.id !== 'e1'), []);
    expect(searchPeople(noElkina, 'ёлкина').some(isCloseHit)).toBe(false);
  });

  it('property: every close hit contains each typed word as a word or word start; close hits come first', () => {
    fc.assert(
      fc.property(fc.constantFrom('ivan', 'iv', 'petrov', 'petrenko', 'иван', 'петр', 'ильина', 'илина', 'елкина', 'ёлк'), fc.constantFrom('', ' petr', ' иван', ' п'), (a, b) => {
        const hits = searchPeople(index, a + b);
        const firstFar = hits.findIndex((h) => !isCloseHit(h));
        if (firstFar >= 0) expect(hits.slice(firstFar).some(isCloseHit)).toBe(false);
        for (const h of hits.filter(isCloseHit)) {
          const nameWords = normaliseName(h.name).split(' ');
          for (const w of (a + b).trim().split(/\s+/)) expect(nameWords.some((n) => n.startsWith(normaliseName(w)))).toBe(true);
        }
      }),
    );
  });
});
