// Placeholder until the real letters screen lands (see AreaPlaceholder).
import { AreaPlaceholder } from '../../components/AreaPlaceholder';

export default function LettersPage() {
  return <AreaPlaceholder area="letters" />;
}
