// Placeholder until the real dashboard screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function DashboardPage() {
  return <AreaPlaceholder area="dashboard" />;
}
