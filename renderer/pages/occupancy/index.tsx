// Placeholder until the real occupancy screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function OccupancyPage() {
  return <AreaPlaceholder area="occupancy" />;
}
