// Nationality as written in office lists → ISO 3166-1 alpha-3 (the code
// Person.nationality stores). Lists say "Syrien", "syrisch", "Syrische
// Arabische Republik", "SYR", "Ukraine", "ukrainische", "staatenlos" or
// "ungeklärt"; all of them must land on one code. The table holds every
// state (UN members and observers, plus Kosovo and Taiwan) with German short
// and long names, the German adjective and the English name, and the codes
// for stateless (XXA) and unknown (XXX) used in German registers (ICAO 9303).
//
// Line format: ALPHA3|ALPHA2|German names (comma separated)|German adjectives|English names
// Adjectives are in their base form ("syrisch"); inflected forms ("syrische",
// "syrischer") are matched by stripping the ending.

const TABLE = `
AFG|AF|Afghanistan,Islamische Republik Afghanistan|afghanisch|Afghanistan
EGY|EG|Ägypten,Arabische Republik Ägypten|ägyptisch|Egypt
ALB|AL|Albanien,Republik Albanien|albanisch|Albania
DZA|DZ|Algerien,Demokratische Volksrepublik Algerien|algerisch|Algeria
AND|AD|Andorra|andorranisch|Andorra
AGO|AO|Angola|angolanisch|Angola
ATG|AG|Antigua und Barbuda|antiguanisch|Antigua and Barbuda
GNQ|GQ|Äquatorialguinea|äquatorialguineisch|Equatorial Guinea
ARG|AR|Argentinien|argentinisch|Argentina
ARM|AM|Armenien|armenisch|Armenia
AZE|AZ|Aserbaidschan|aserbaidschanisch|Azerbaijan
ETH|ET|Äthiopien|äthiopisch|Ethiopia
AUS|AU|Australien|australisch|Australia
BHS|BS|Bahamas|bahamaisch|Bahamas
BHR|BH|Bahrain|bahrainisch|Bahrain
BGD|BD|Bangladesch,Bangladesh|bangladeschisch|Bangladesh
BRB|BB|Barbados|barbadisch|Barbados
BLR|BY|Belarus,Weißrussland|belarussisch,weißrussisch|Belarus
BEL|BE|Belgien|belgisch|Belgium
BLZ|BZ|Belize|belizisch|Belize
BEN|BJ|Benin|beninisch|Benin
BTN|BT|Bhutan|bhutanisch|Bhutan
BOL|BO|Bolivien|bolivianisch|Bolivia
BIH|BA|Bosnien und Herzegowina,Bosnien-Herzegowina,Bosnien|bosnisch,bosnisch-herzegowinisch|Bosnia and Herzegovina
BWA|BW|Botsuana,Botswana|botsuanisch|Botswana
BRA|BR|Brasilien|brasilianisch|Brazil
BRN|BN|Brunei,Brunei Darussalam|bruneiisch|Brunei
BGR|BG|Bulgarien|bulgarisch|Bulgaria
BFA|BF|Burkina Faso|burkinisch|Burkina Faso
BDI|BI|Burundi|burundisch|Burundi
CPV|CV|Cabo Verde,Kap Verde|cabo-verdisch,kapverdisch|Cape Verde,Cabo Verde
CHL|CL|Chile|chilenisch|Chile
CHN|CN|China,Volksrepublik China|chinesisch|China
CRI|CR|Costa Rica|costa-ricanisch|Costa Rica
CIV|CI|Côte d'Ivoire,Elfenbeinküste|ivorisch|Ivory Coast,Côte d'Ivoire
DNK|DK|Dänemark|dänisch|Denmark
DEU|DE|Deutschland,Bundesrepublik Deutschland|deutsch|Germany
DMA|DM|Dominica|dominicanisch|Dominica
DOM|DO|Dominikanische Republik|dominikanisch|Dominican Republic
DJI|DJ|Dschibuti|dschibutisch|Djibouti
ECU|EC|Ecuador|ecuadorianisch|Ecuador
SLV|SV|El Salvador|salvadorianisch|El Salvador
ERI|ER|Eritrea|eritreisch|Eritrea
EST|EE|Estland|estnisch|Estonia
SWZ|SZ|Eswatini,Swasiland|eswatinisch,swasiländisch|Eswatini,Swaziland
FJI|FJ|Fidschi|fidschianisch|Fiji
FIN|FI|Finnland|finnisch|Finland
FRA|FR|Frankreich|französisch|France
GAB|GA|Gabun|gabunisch|Gabon
GMB|GM|Gambia|gambisch|Gambia
GEO|GE|Georgien|georgisch|Georgia
GHA|GH|Ghana|ghanaisch|Ghana
GRD|GD|Grenada|grenadisch|Grenada
GRC|GR|Griechenland|griechisch|Greece
GTM|GT|Guatemala|guatemaltekisch|Guatemala
GIN|GN|Guinea|guineisch|Guinea
GNB|GW|Guinea-Bissau|guinea-bissauisch|Guinea-Bissau
GUY|GY|Guyana|guyanisch|Guyana
HTI|HT|Haiti|haitianisch|Haiti
HND|HN|Honduras|honduranisch|Honduras
IND|IN|Indien|indisch|India
IDN|ID|Indonesien|indonesisch|Indonesia
IRQ|IQ|Irak,Republik Irak|irakisch|Iraq
IRN|IR|Iran,Islamische Republik Iran|iranisch|Iran
IRL|IE|Irland|irisch|Ireland
ISL|IS|Island|isländisch|Iceland
ISR|IL|Israel|israelisch|Israel
ITA|IT|Italien|italienisch|Italy
JAM|JM|Jamaika|jamaikanisch|Jamaica
JPN|JP|Japan|japanisch|Japan
YEM|YE|Jemen|jemenitisch|Yemen
JOR|JO|Jordanien|jordanisch|Jordan
KHM|KH|Kambodscha|kambodschanisch|Cambodia
CMR|CM|Kamerun|kamerunisch|Cameroon
CAN|CA|Kanada|kanadisch|Canada
KAZ|KZ|Kasachstan|kasachisch|Kazakhstan
QAT|QA|Katar|katarisch|Qatar
KEN|KE|Kenia|kenianisch|Kenya
KGZ|KG|Kirgisistan,Kirgistan|kirgisisch|Kyrgyzstan
KIR|KI|Kiribati|kiribatisch|Kiribati
COL|CO|Kolumbien|kolumbianisch|Colombia
COM|KM|Komoren|komorisch|Comoros
COD|CD|Kongo (Demokratische Republik),Demokratische Republik Kongo,DR Kongo,Kongo-Kinshasa|kongolesisch (demokratische republik)|Democratic Republic of the Congo,DR Congo
COG|CG|Kongo,Republik Kongo,Kongo-Brazzaville|kongolesisch|Congo,Republic of the Congo
XKX|XK|Kosovo|kosovarisch,kosovo-albanisch|Kosovo
HRV|HR|Kroatien|kroatisch|Croatia
CUB|CU|Kuba|kubanisch|Cuba
KWT|KW|Kuwait|kuwaitisch|Kuwait
LAO|LA|Laos|laotisch|Laos
LSO|LS|Lesotho|lesothisch|Lesotho
LVA|LV|Lettland|lettisch|Latvia
LBN|LB|Libanon|libanesisch|Lebanon
LBR|LR|Liberia|liberianisch|Liberia
LBY|LY|Libyen|libysch|Libya
LIE|LI|Liechtenstein|liechtensteinisch|Liechtenstein
LTU|LT|Litauen|litauisch|Lithuania
LUX|LU|Luxemburg|luxemburgisch|Luxembourg
MDG|MG|Madagaskar|madagassisch|Madagascar
MWI|MW|Malawi|malawisch|Malawi
MYS|MY|Malaysia|malaysisch|Malaysia
MDV|MV|Malediven|maledivisch|Maldives
MLI|ML|Mali|malisch|Mali
MLT|MT|Malta|maltesisch|Malta
MAR|MA|Marokko|marokkanisch|Morocco
MHL|MH|Marshallinseln|marshallisch|Marshall Islands
MRT|MR|Mauretanien|mauretanisch|Mauritania
MUS|MU|Mauritius|mauritisch|Mauritius
MEX|MX|Mexiko|mexikanisch|Mexico
FSM|FM|Mikronesien|mikronesisch|Micronesia
MDA|MD|Moldau,Republik Moldau,Moldawien|moldauisch,moldawisch|Moldova
MCO|MC|Monaco|monegassisch|Monaco
MNG|MN|Mongolei|mongolisch|Mongolia
MNE|ME|Montenegro|montenegrinisch|Montenegro
MOZ|MZ|Mosambik|mosambikanisch|Mozambique
MMR|MM|Myanmar,Birma,Burma|myanmarisch,birmanisch|Myanmar,Burma
NAM|NA|Namibia|namibisch|Namibia
NRU|NR|Nauru|nauruisch|Nauru
NPL|NP|Nepal|nepalesisch|Nepal
NZL|NZ|Neuseeland|neuseeländisch|New Zealand
NIC|NI|Nicaragua|nicaraguanisch|Nicaragua
NLD|NL|Niederlande,Holland|niederländisch,holländisch|Netherlands
NER|NE|Niger|nigrisch|Niger
NGA|NG|Nigeria|nigerianisch|Nigeria
PRK|KP|Nordkorea,Korea (Demokratische Volksrepublik)|nordkoreanisch|North Korea
MKD|MK|Nordmazedonien,Mazedonien|nordmazedonisch,mazedonisch|North Macedonia,Macedonia
NOR|NO|Norwegen|norwegisch|Norway
OMN|OM|Oman|omanisch|Oman
AUT|AT|Österreich|österreichisch|Austria
PAK|PK|Pakistan|pakistanisch|Pakistan
PSE|PS|Palästina,Palästinensische Gebiete|palästinensisch|Palestine
PLW|PW|Palau|palauisch|Palau
PAN|PA|Panama|panamaisch|Panama
PNG|PG|Papua-Neuguinea|papua-neuguineisch|Papua New Guinea
PRY|PY|Paraguay|paraguayisch|Paraguay
PER|PE|Peru|peruanisch|Peru
PHL|PH|Philippinen|philippinisch|Philippines
POL|PL|Polen|polnisch|Poland
PRT|PT|Portugal|portugiesisch|Portugal
RWA|RW|Ruanda|ruandisch|Rwanda
ROU|RO|Rumänien|rumänisch|Romania
RUS|RU|Russland,Russische Föderation|russisch|Russia,Russian Federation
SLB|SB|Salomonen|salomonisch|Solomon Islands
ZMB|ZM|Sambia|sambisch|Zambia
WSM|WS|Samoa|samoanisch|Samoa
SMR|SM|San Marino|san-marinesisch|San Marino
STP|ST|São Tomé und Príncipe|são-toméisch|Sao Tome and Principe
SAU|SA|Saudi-Arabien|saudi-arabisch|Saudi Arabia
SWE|SE|Schweden|schwedisch|Sweden
CHE|CH|Schweiz|schweizerisch|Switzerland
SEN|SN|Senegal|senegalesisch|Senegal
SRB|RS|Serbien|serbisch|Serbia
SYC|SC|Seychellen|seychellisch|Seychelles
SLE|SL|Sierra Leone|sierra-leonisch|Sierra Leone
ZWE|ZW|Simbabwe|simbabwisch|Zimbabwe
SGP|SG|Singapur|singapurisch|Singapore
SVK|SK|Slowakei|slowakisch|Slovakia
SVN|SI|Slowenien|slowenisch|Slovenia
SOM|SO|Somalia|somalisch|Somalia
ESP|ES|Spanien|spanisch|Spain
LKA|LK|Sri Lanka|sri-lankisch|Sri Lanka
KNA|KN|St. Kitts und Nevis|st.-kittsisch|Saint Kitts and Nevis
LCA|LC|St. Lucia|lucianisch|Saint Lucia
VCT|VC|St. Vincent und die Grenadinen|vincentisch|Saint Vincent and the Grenadines
ZAF|ZA|Südafrika|südafrikanisch|South Africa
SDN|SD|Sudan|sudanesisch|Sudan
KOR|KR|Südkorea,Korea (Republik)|südkoreanisch|South Korea
SSD|SS|Südsudan|südsudanesisch|South Sudan
SUR|SR|Suriname|surinamisch|Suriname
SYR|SY|Syrien,Syrische Arabische Republik,Arabische Republik Syrien|syrisch|Syria
TJK|TJ|Tadschikistan|tadschikisch|Tajikistan
TWN|TW|Taiwan|taiwanisch|Taiwan
TZA|TZ|Tansania|tansanisch|Tanzania
THA|TH|Thailand|thailändisch|Thailand
TLS|TL|Timor-Leste,Osttimor|timoresisch,osttimoresisch|Timor-Leste,East Timor
TGO|TG|Togo|togoisch|Togo
TON|TO|Tonga|tongaisch|Tonga
TTO|TT|Trinidad und Tobago|trinidadisch|Trinidad and Tobago
TCD|TD|Tschad|tschadisch|Chad
CZE|CZ|Tschechien,Tschechische Republik|tschechisch|Czechia,Czech Republic
TUN|TN|Tunesien|tunesisch|Tunisia
TUR|TR|Türkei,Türkiye|türkisch|Turkey,Türkiye
TKM|TM|Turkmenistan|turkmenisch|Turkmenistan
TUV|TV|Tuvalu|tuvaluisch|Tuvalu
UGA|UG|Uganda|ugandisch|Uganda
UKR|UA|Ukraine|ukrainisch|Ukraine
HUN|HU|Ungarn|ungarisch|Hungary
URY|UY|Uruguay|uruguayisch|Uruguay
UZB|UZ|Usbekistan|usbekisch|Uzbekistan
VUT|VU|Vanuatu|vanuatuisch|Vanuatu
VAT|VA|Vatikanstadt,Heiliger Stuhl|vatikanisch|Vatican City,Holy See
VEN|VE|Venezuela|venezolanisch|Venezuela
ARE|AE|Vereinigte Arabische Emirate,VAE|emiratisch|United Arab Emirates,UAE
USA|US|Vereinigte Staaten,USA,Vereinigte Staaten von Amerika|amerikanisch,us-amerikanisch|United States,United States of America
GBR|GB|Vereinigtes Königreich,Großbritannien,England|britisch|United Kingdom,Great Britain
VNM|VN|Vietnam|vietnamesisch|Vietnam,Viet Nam
CAF|CF|Zentralafrikanische Republik|zentralafrikanisch|Central African Republic
CYP|CY|Zypern|zyprisch|Cyprus
ESH|EH|Westsahara|sahrauisch,westsaharauisch|Western Sahara
XXA||Staatenlos,staatenlos,ohne Staatsangehörigkeit|staatenlos|Stateless
XXX||Ungeklärt,ungeklärt,unbekannt,Unbekannt,ohne Angabe|ungeklärt|Unknown,Unclear
`;

export interface NationalityEntry {
  alpha3: string;
  alpha2: string;
  /** The usual German short name (first name of the line). */
  germanName: string;
}

/** Lower case, umlauts spelled out, accents and punctuation removed: "Côte d'Ivoire" → "cotedivoire". */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

interface Lookup {
  byName: Map<string, NationalityEntry>;
  byAdjective: Map<string, NationalityEntry>;
  byCode: Map<string, NationalityEntry>;
  entries: NationalityEntry[];
}

let lookup: Lookup | null = null;

function build(): Lookup {
  const byName = new Map<string, NationalityEntry>();
  const byAdjective = new Map<string, NationalityEntry>();
  const byCode = new Map<string, NationalityEntry>();
  const entries: NationalityEntry[] = [];
  for (const line of TABLE.split('\n')) {
    if (line.trim() === '') continue;
    const [alpha3 = '', alpha2 = '', names = '', adjectives = '', english = ''] = line.split('|');
    const germanNames = names.split(',').map((s) => s.trim()).filter(Boolean);
    const entry: NationalityEntry = { alpha3, alpha2, germanName: germanNames[0] ?? alpha3 };
    entries.push(entry);
    byCode.set(alpha3.toLowerCase(), entry);
    if (alpha2) byCode.set(alpha2.toLowerCase(), entry);
    for (const n of [...germanNames, ...english.split(',')]) {
      const key = foldName(n);
      if (key && !byName.has(key)) byName.set(key, entry);
    }
    for (const a of adjectives.split(',')) {
      const key = foldName(a);
      if (key && !byAdjective.has(key)) byAdjective.set(key, entry);
    }
  }
  return { byName, byAdjective, byCode, entries };
}

function table(): Lookup {
  return (lookup ??= build());
}

/** All known entries (for the documentation and the template). */
export function nationalityEntries(): readonly NationalityEntry[] {
  return table().entries;
}

const ADJECTIVE_ENDINGS = ['en', 'em', 'er', 'es', 'e'];

/**
 * The ISO alpha-3 code for a nationality as written in a list, or null when
 * it is not recognised. Accepts alpha-3 and alpha-2 codes, German and English
 * country names (also "Syrien, Arabische Republik"), and German adjectives in
 * any inflection ("syrisch", "Syrische", "ukrainischer").
 */
export function nationalityCode(text: string): string | null {
  const raw = text.trim();
  if (raw === '') return null;
  const t = table();
  if (/^[A-Za-z]{2,3}$/.test(raw)) {
    const byCode = t.byCode.get(raw.toLowerCase());
    if (byCode) return byCode.alpha3;
  }
  const candidates = [raw];
  // "Syrien, Arabische Republik" / "Kongo (Dem. Rep.)": try the part before the comma too.
  const comma = raw.indexOf(',');
  if (comma > 0) candidates.push(raw.slice(0, comma));
  for (const c of candidates) {
    const key = foldName(c);
    if (key === '') continue;
    const byName = t.byName.get(key) ?? t.byAdjective.get(key);
    if (byName) return byName.alpha3;
    for (const ending of ADJECTIVE_ENDINGS) {
      if (key.length > ending.length + 3 && key.endsWith(ending)) {
        const adj = t.byAdjective.get(key.slice(0, -ending.length));
        if (adj) return adj.alpha3;
      }
    }
  }
  return null;
}
