// Bewohner: list ('/residents') and person detail ('/residents/:id').
import { Route, Routes } from 'react-router';
import ResidentsListPage from './ResidentsListPage';
import PersonDetailPage from './PersonDetailPage';

export default function ResidentsPage() {
  return (
    <Routes>
      <Route index element={<ResidentsListPage />} />
      <Route path=":id" element={<PersonDetailPage />} />
    </Routes>
  );
}
