import { describe, expect, it } from 'vitest';
import { authorLabel } from './types';
import { shortDeskId, splitAuthorLabel } from './history';

describe('who recorded a step', () => {
  it('splits what historyEntry stored back into volunteer and desk', () => {
    expect(splitAuthorLabel(authorLabel({ desk: 'desk-0mh8x2k1qa7b3c9d0e1f', volunteer: 'Ольга' }))).toEqual({ volunteer: 'Ольга', desk: 'desk-0mh8x2k1qa7b3c9d0e1f' });
    expect(splitAuthorLabel(authorLabel({ desk: 'desk-0mh8x2k1qa7b3c9d0e1f', volunteer: '' }))).toEqual({ volunteer: '', desk: 'desk-0mh8x2k1qa7b3c9d0e1f' });
    // A volunteer name with the separator in it keeps it: the desk is after the last one.
    expect(splitAuthorLabel('А · Б · desk-1')).toEqual({ volunteer: 'А · Б', desk: 'desk-1' });
  });
  it('shortens a desk id to its random tail', () => {
    expect(shortDeskId('desk-0mh8x2k1qa7b3c9d0e1f')).toBe('0e1f');
    expect(shortDeskId('desk-ab')).toBe('ab');
    // a desk with its own account is called by its name
    expect(shortDeskId('dubki.counter')).toBe('counter');
  });
});
