import { describe, expect, it } from 'vitest';
import { searchPeople } from '@shared/people/search';
import { person } from '@shared/people/testDocs';
import { sharedPeopleIndex } from './hooks';

const names = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('the people search index shared by the pages of one database', () => {
  it('is built once and reused by the next page, kept in step with changes', () => {
    const db = {};
    const people = [person('p1', 'Анна Смирнова'), person('p2', 'Олег Смирнов')];
    const first = sharedPeopleIndex(db, people, [], true);
    expect(names(searchPeople(first, 'смирн'))).toEqual(expect.arrayContaining(['p1', 'p2']));
    // the next page gets the same index, not a new one
    const second = sharedPeopleIndex(db, people, [], true);
    expect(second).toBe(first);
    // a rename reaches it
    const renamed = [people[0]!, { ...people[1]!, name: 'Олег Кузнецов', updatedAt: '2026-11-22T10:00:00.000Z' }];
    sharedPeopleIndex(db, renamed, [], true);
    expect(names(searchPeople(first, 'кузнец'))).toEqual(['p2']);
    // another database has its own
    expect(sharedPeopleIndex({}, [], [], true)).not.toBe(first);
  });

  it('is left alone while a page is still loading (an empty first answer does not empty it)', () => {
    const db = {};
    const people = [person('p1', 'Анна Смирнова')];
    const index = sharedPeopleIndex(db, people, [], true);
    sharedPeopleIndex(db, [], [], false);
    expect(names(searchPeople(index, 'анна'))).toEqual(['p1']);
    // once loaded, an empty directory does empty it
    sharedPeopleIndex(db, [], [], true);
    expect(searchPeople(index, 'анна')).toEqual([]);
  });
});
