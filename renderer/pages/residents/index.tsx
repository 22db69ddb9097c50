// Placeholder until the real residents screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function ResidentsPage() {
  return <AreaPlaceholder area="residents" />;
}
