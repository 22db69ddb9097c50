import { describe, expect, it } from 'vitest';
import { germanDateToIsoFragment, residentMatcher } from '../../../renderer/pages/residents/residentSearch';
import { deadlineStatusOf } from '../../../renderer/pages/residents/residentRows';

const haddad = { familyName: 'Haddad', givenName: 'Lina', fileNumber: 'AZ 422-17/2025', birthDate: '1988-07-12' };
const mueller = { familyName: 'Müller', givenName: 'Jörg', fileNumber: 'AZ 9', birthDate: null };

describe('resident search', () => {
  it('reads German dates, full and partial', () => {
    expect(germanDateToIsoFragment('12.07.1988')).toBe('1988-07-12');
    expect(germanDateToIsoFragment('1.3.1990')).toBe('1990-03-01');
    expect(germanDateToIsoFragment('07.1988')).toBe('1988-07');
    expect(germanDateToIsoFragment('12.7.')).toBe('-07-12');
    expect(germanDateToIsoFragment('Haddad')).toBeNull();
  });

  it('matches name, file number and birth date; all terms must match', () => {
    expect(residentMatcher('lina haddad')(haddad)).toBe(true);
    expect(residentMatcher('422-17')(haddad)).toBe(true);
    expect(residentMatcher('12.07.1988')(haddad)).toBe(true);
    expect(residentMatcher('13.07.1988')(haddad)).toBe(false);
    expect(residentMatcher('haddad 1990')(haddad)).toBe(false);
    expect(residentMatcher('muller')(mueller)).toBe(true);
    expect(residentMatcher('01.01.2000')(mueller)).toBe(false);
    expect(residentMatcher('   ')(mueller)).toBe(true);
  });

  it('marks deadlines due within four weeks or overdue', () => {
    expect(deadlineStatusOf('2025-03-01', '2025-03-01')).toEqual({ status: 'overdue', daysLeft: 0 });
    expect(deadlineStatusOf('2025-03-29', '2025-03-01')).toEqual({ status: 'due', daysLeft: 28 });
    expect(deadlineStatusOf('2025-03-30', '2025-03-01')).toEqual({ status: 'ok', daysLeft: 29 });
    expect(deadlineStatusOf(null, '2025-03-01')).toEqual({ status: 'none', daysLeft: null });
  });
});
