// pdfmake ships its bundled Roboto (Latin + Cyrillic) as a CommonJS font
// container without typings.
declare module 'pdfmake/build/fonts/Roboto.js' {
  const container: {
    vfs: Record<string, { data: string; encoding?: string } | string>;
    fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;
  };
  export default container;
}
