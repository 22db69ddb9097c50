// Which of the candidate persons take part. All candidates by default; the
// state holds only the ones the user unticked, so a new candidate list (a
// different household picked) needs no effect to reset the selection.
import { useCallback, useMemo, useState } from 'react';
import type { Id } from '../../../../shared/domain/model';

export function useMemberSelection(candidates: readonly Id[]): [Id[], (ids: Id[]) => void] {
  const [excluded, setExcluded] = useState<ReadonlySet<Id>>(new Set());
  const selected = useMemo(() => candidates.filter((id) => !excluded.has(id)), [candidates, excluded]);
  const setSelected = useCallback(
    (ids: Id[]) => setExcluded(new Set(candidates.filter((id) => !ids.includes(id)))),
    [candidates],
  );
  return [selected, setSelected];
}
