import { describe, expect, it } from 'vitest';
import { centreRole, deskNameOf, deskOfId, deskUserName, membershipOf, removedRole } from './accounts';

describe('network accounts', () => {
  it('a desk user is <centre>.<desk>, and gives its desk name back (none for a shared account)', () => {
    expect(deskUserName('dubki', 'counter')).toBe('dubki.counter');
    expect(deskNameOf('dubki.counter', 'dubki')).toBe('counter');
    expect(deskNameOf('desk-dubki', 'dubki')).toBeNull();
    expect(deskNameOf('lipki.counter', 'dubki')).toBeNull();
    expect(deskOfId('dubki.counter')).toBe('counter');
    expect(deskOfId('desk-0mh8x2k1qa7b3c9d0e1f')).toBeNull();
  });
  it('membership from the roles the server gives the account', () => {
    expect(membershipOf([centreRole('dubki')], 'dubki')).toBe('member');
    expect(membershipOf(['_admin'], 'dubki')).toBe('member');
    expect(membershipOf([removedRole('dubki')], 'dubki')).toBe('removed');
    expect(membershipOf([centreRole('lipki'), removedRole('lipki')], 'dubki')).toBe('none');
  });
});
