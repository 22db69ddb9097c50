// Placeholder until the real accommodations screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function AccommodationsPage() {
  return <AreaPlaceholder area="accommodations" />;
}
