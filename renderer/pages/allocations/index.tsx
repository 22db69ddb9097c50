// Placeholder until the real allocations screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function AllocationsPage() {
  return <AreaPlaceholder area="allocations" />;
}
