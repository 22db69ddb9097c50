// Unterkünfte: list ('') and detail (':id') below /accommodations/*.
import { Route, Routes } from 'react-router';
import { AccommodationListPage } from './AccommodationListPage';
import { AccommodationDetailPage } from './AccommodationDetailPage';

export default function AccommodationsPage() {
  return (
    <Routes>
      <Route index element={<AccommodationListPage />} />
      <Route path=":id" element={<AccommodationDetailPage />} />
    </Routes>
  );
}
