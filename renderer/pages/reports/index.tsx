// Placeholder until the real reports screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function ReportsPage() {
  return <AreaPlaceholder area="reports" />;
}
