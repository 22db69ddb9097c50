// Municipalities and address material for the demo data. Population figures
// are APPROXIMATIONS from memory, not official statistics: every generated
// Municipality carries populationApproximate: true. Nothing here is looked up.

export interface RegionMunicipality {
  /** Amtlicher Gemeindeschlüssel (8 digits); plausible, unique, not verified. */
  ags: string;
  name: string;
  population: number;
  zip: string;
  /** City (Stadt) or municipality (Gemeinde): decides the administration's name. */
  town: boolean;
  townHallStreet: string;
}

/** The 25 municipalities of the Zollernalbkreis (total ≈ 191,000 inhabitants). */
export const ZOLLERNALB: readonly RegionMunicipality[] = [
  { ags: '08417002', name: 'Albstadt', population: 46_000, zip: '72458', town: true, townHallStreet: 'Marktstraße 35' },
  { ags: '08417008', name: 'Balingen', population: 34_500, zip: '72336', town: true, townHallStreet: 'Neue Straße 31' },
  { ags: '08417010', name: 'Bisingen', population: 9_600, zip: '72406', town: false, townHallStreet: 'Hauptstraße 20' },
  { ags: '08417011', name: 'Bitz', population: 3_800, zip: '72475', town: false, townHallStreet: 'Rathausplatz 1' },
  { ags: '08417013', name: 'Burladingen', population: 12_300, zip: '72393', town: true, townHallStreet: 'Hauptstraße 49' },
  { ags: '08417014', name: 'Dautmergen', population: 450, zip: '72356', town: false, townHallStreet: 'Hauptstraße 12' },
  { ags: '08417015', name: 'Dormettingen', population: 1_100, zip: '72358', town: false, townHallStreet: 'Kirchstraße 5' },
  { ags: '08417016', name: 'Dotternhausen', population: 1_900, zip: '72359', town: false, townHallStreet: 'Dormettinger Straße 13' },
  { ags: '08417022', name: 'Geislingen', population: 6_000, zip: '72351', town: true, townHallStreet: 'Vorstadtstraße 9' },
  { ags: '08417023', name: 'Grosselfingen', population: 2_200, zip: '72415', town: false, townHallStreet: 'Marktplatz 3' },
  { ags: '08417025', name: 'Haigerloch', population: 11_000, zip: '72401', town: true, townHallStreet: 'Oberstadtstraße 11' },
  { ags: '08417027', name: 'Hausen am Tann', population: 450, zip: '72361', town: false, townHallStreet: 'Dorfstraße 4' },
  { ags: '08417031', name: 'Hechingen', population: 19_500, zip: '72379', town: true, townHallStreet: 'Marktplatz 1' },
  { ags: '08417033', name: 'Jungingen', population: 1_500, zip: '72417', town: false, townHallStreet: 'Rathausstraße 2' },
  { ags: '08417036', name: 'Meßstetten', population: 10_800, zip: '72469', town: true, townHallStreet: 'Hauptstraße 9' },
  { ags: '08417044', name: 'Nusplingen', population: 1_900, zip: '72362', town: false, townHallStreet: 'Marktplatz 8' },
  { ags: '08417045', name: 'Obernheim', population: 1_500, zip: '72364', town: false, townHallStreet: 'Hauptstraße 7' },
  { ags: '08417047', name: 'Rangendingen', population: 5_400, zip: '72414', town: false, townHallStreet: 'Rathausplatz 2' },
  { ags: '08417048', name: 'Ratshausen', population: 800, zip: '72365', town: false, townHallStreet: 'Hauptstraße 20' },
  { ags: '08417051', name: 'Rosenfeld', population: 6_400, zip: '72348', town: true, townHallStreet: 'Frauenberggasse 1' },
  { ags: '08417052', name: 'Schömberg', population: 4_700, zip: '72355', town: true, townHallStreet: 'Alte Hauptstraße 7' },
  { ags: '08417054', name: 'Straßberg', population: 2_500, zip: '72479', town: false, townHallStreet: 'Lindenplatz 2' },
  { ags: '08417057', name: 'Weilen unter den Rinnen', population: 600, zip: '72367', town: false, townHallStreet: 'Hauptstraße 1' },
  { ags: '08417071', name: 'Winterlingen', population: 6_100, zip: '72474', town: false, townHallStreet: 'Marktstraße 7' },
  { ags: '08417079', name: 'Zimmern unter der Burg', population: 480, zip: '72369', town: false, townHallStreet: 'Schloßstraße 2' },
];

/**
 * The twelve Berlin districts (Bezirke), used as allocation targets at Berlin
 * scale. Bezirke have no AGS of their own (Berlin is 11000000); the keys
 * 110000xx are demo keys, marked approximate like the populations.
 */
export const BERLIN: readonly RegionMunicipality[] = [
  { ags: '11000001', name: 'Mitte', population: 397_000, zip: '10178', town: true, townHallStreet: 'Karl-Marx-Allee 31' },
  { ags: '11000002', name: 'Friedrichshain-Kreuzberg', population: 293_000, zip: '10969', town: true, townHallStreet: 'Yorckstraße 4' },
  { ags: '11000003', name: 'Pankow', population: 424_000, zip: '13187', town: true, townHallStreet: 'Breite Straße 24' },
  { ags: '11000004', name: 'Charlottenburg-Wilmersdorf', population: 343_000, zip: '10585', town: true, townHallStreet: 'Otto-Suhr-Allee 100' },
  { ags: '11000005', name: 'Spandau', population: 257_000, zip: '13597', town: true, townHallStreet: 'Carl-Schurz-Straße 2' },
  { ags: '11000006', name: 'Steglitz-Zehlendorf', population: 310_000, zip: '14163', town: true, townHallStreet: 'Kirchstraße 1' },
  { ags: '11000007', name: 'Tempelhof-Schöneberg', population: 355_000, zip: '10825', town: true, townHallStreet: 'John-F.-Kennedy-Platz 1' },
  { ags: '11000008', name: 'Neukölln', population: 330_000, zip: '12043', town: true, townHallStreet: 'Karl-Marx-Straße 83' },
  { ags: '11000009', name: 'Treptow-Köpenick', population: 294_000, zip: '12555', town: true, townHallStreet: 'Alt-Köpenick 21' },
  { ags: '11000010', name: 'Marzahn-Hellersdorf', population: 293_000, zip: '12627', town: true, townHallStreet: 'Alice-Salomon-Platz 3' },
  { ags: '11000011', name: 'Lichtenberg', population: 312_000, zip: '10365', town: true, townHallStreet: 'Möllendorffstraße 6' },
  { ags: '11000012', name: 'Reinickendorf', population: 268_000, zip: '13437', town: true, townHallStreet: 'Eichborndamm 215' },
];

export const STREETS: readonly string[] = [
  'Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Lindenstraße', 'Gartenstraße', 'Kirchstraße',
  'Friedrichstraße', 'Hohenzollernstraße', 'Industriestraße', 'Am Sportplatz', 'Talstraße', 'Bergstraße',
  'Wiesenweg', 'Mühlweg', 'Schulstraße', 'Uhlandstraße', 'Mörikestraße', 'Panoramastraße', 'Zollernstraße',
  'Ahornweg', 'Eichendorffstraße', 'Goethestraße', 'Hölderlinweg', 'Kastanienallee', 'Lerchenstraße',
  'Am Bahnhof', 'Weberstraße', 'Brunnenstraße', 'Steinbeisstraße', 'Robert-Bosch-Straße',
];

/** Invented operators (Betreiber) of shared accommodations. */
export const OPERATORS: readonly string[] = [
  'Landkreis – Eigenbetrieb Unterbringung',
  'Sozialwerk Alb gGmbH',
  'Hohenzollern Betreuungsdienste GmbH',
  'Diakonische Dienste Zollern e. V.',
  'Kreisverband Soziale Hilfe e. V.',
];

/** Invented landlords (Vermieter). */
export const LANDLORDS: readonly string[] = [
  'Wohnbau Zollernalb GmbH',
  'Immobilien Zeller GmbH & Co. KG',
  'Städtische Wohnungsbaugesellschaft',
  'Grundstücksgemeinschaft Ebinger Straße',
  'Privatvermietung (Einzelperson)',
  'Baugenossenschaft Neckar-Alb eG',
];
