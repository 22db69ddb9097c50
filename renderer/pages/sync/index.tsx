// Placeholder until the real sync screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function SyncPage() {
  return <AreaPlaceholder area="sync" />;
}
