import { PageHeader } from '../../components/PageHeader';
import type { PageKey } from '../../app/App';

export function MentoringPage(_props: { go?: (p: PageKey) => void }) {
  return <PageHeader title="В разработке" />;
}
