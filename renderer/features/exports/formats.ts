// File formats of exports (kept apart from the heavy producers so screens
// can import them without pulling pdfmake or SheetJS into their chunk).
export type ExportFormat = 'pdf' | 'xlsx';

export const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
