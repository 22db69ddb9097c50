// "Schreiben" on the person screen: the single letters a person's data allows
// – Einweisung for the current stay, Verlegung for each stay that began with a
// move, Zuteilung for an open allocation of the person – each opened in the
// letters feature's dialog with preview, missing-data check, save and print.
import { useMemo, useState } from 'react';
import { Button, Menu, MenuItem } from '@mui/material';
import MailOutlineIcon from '@mui/icons-material/MailOutlined';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Id, Person, Stay } from '../../../shared/domain/model';
import { getDb, type QuartierDb } from '../../db/db';
import { LetterDialog, type LetterRequest } from '../../features/letters';
import { formatDate } from '../../i18n/format';
import { PermissionGate } from '../../auth/PermissionGate';

export interface PersonLetterMenuProps {
  person: Person;
  /** The stay the person lives in today, if any. */
  current: Stay | undefined;
  /** All stays of the person (any order). */
  stays: readonly Stay[];
  db?: QuartierDb;
}

interface Choice {
  key: string;
  label: string;
  request: LetterRequest;
}

export function PersonLetterMenu({ person, current, stays, db = getDb() }: PersonLetterMenuProps) {
  const { t } = useTranslation('residents');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [request, setRequest] = useState<LetterRequest | null>(null);
  // Open allocations naming this person (a household is allocated as a whole, so this covers the household's).
  const allocations = useLiveQuery(
    () => db.allocations.filter((a) => !a.deleted && (a.status === 'planned' || a.status === 'decided') && a.personIds.includes(person.id)).toArray(),
    [db, person.id],
  );
  const municipalities = useLiveQuery(() => db.municipalities.toArray(), [db]);

  const choices = useMemo<Choice[]>(() => {
    const out: Choice[] = [];
    if (current) out.push({ key: `a-${current.id}`, label: t('letters.assignment', { from: formatDate(current.from) }), request: { kind: 'assignment', stayId: current.id } });
    const moves = stays.filter((s) => s.previousStayId && !s.cancelled).sort((a, b) => (a.from < b.from ? 1 : -1));
    for (const s of moves) out.push({ key: `t-${s.id}`, label: t('letters.transfer', { from: formatDate(s.from) }), request: { kind: 'transfer', stayId: s.id } });
    const names = new Map((municipalities ?? []).map((m): [Id, string] => [m.id, m.name]));
    for (const a of allocations ?? []) {
      out.push({ key: `z-${a.id}`, label: t('letters.allocation', { municipality: names.get(a.municipalityId) ?? '?' }), request: { kind: 'allocation', allocationId: a.id } });
    }
    return out;
  }, [current, stays, allocations, municipalities, t]);

  return (
    <>
      <PermissionGate permission="letters:issue">
        {(denied) => (
          <Button
            variant="outlined"
            startIcon={<MailOutlineIcon />}
            onClick={(e) => setAnchor(e.currentTarget)}
            disabled={denied || choices.length === 0}
            aria-haspopup="menu"
            aria-expanded={anchor ? 'true' : undefined}
            aria-controls={anchor ? 'person-letter-menu' : undefined}
          >
            {t('letters.button')}
          </Button>
        )}
      </PermissionGate>
      <Menu id="person-letter-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {choices.map((c) => (
          <MenuItem
            key={c.key}
            onClick={() => {
              setAnchor(null);
              setRequest(c.request);
            }}
          >
            {c.label}
          </MenuItem>
        ))}
      </Menu>
      {request ? <LetterDialog open onClose={() => setRequest(null)} request={request} db={db} /> : null}
    </>
  );
}
