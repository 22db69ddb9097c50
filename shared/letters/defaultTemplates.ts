// The templates Quartier ships with: German, binding, in the style of a
// Bescheid (Betreff, Entscheidung, Begründung, Hinweise,
// Rechtsbehelfsbelehrung). Administrators edit them in the app; every saved
// edit raises the version, and each issued letter keeps the version it used.
import type { LetterTemplate, LetterTemplateKind } from '../domain/model';

/** The blocks of a template, in print order. */
export const TEMPLATE_BLOCK_KEYS = ['subject', 'salutation', 'decision', 'reasons', 'notes', 'remedy', 'closing'] as const;
export type TemplateBlockKey = (typeof TEMPLATE_BLOCK_KEYS)[number];

export type TemplateBlock = LetterTemplate['blocks'][number];

const REMEDY =
  'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. ' +
  'Der Widerspruch ist beim {{behoerde}}, {{behoerde_adresse}}, schriftlich oder zur Niederschrift einzulegen.';

const FEE_AND_HOUSE_RULES =
  'Für die Unterkunft gilt die Hausordnung, die Ihnen mit diesem Bescheid ausgehändigt wird. ' +
  'Bitte beachten Sie sie im Interesse aller Bewohnerinnen und Bewohner.\n\n' +
  'Wenn Sie über eigenes Einkommen oder Vermögen verfügen, wird für die Benutzung der Unterkunft eine ' +
  'Benutzungsgebühr nach der Gebührensatzung des Landkreises erhoben. Die Gebühr wird für jeden Tag ' +
  'vom Tag des Einzugs bis zum Tag vor dem Auszug berechnet; hierüber ergeht ein gesonderter Bescheid.\n\n' +
  'Bitte teilen Sie jede Änderung Ihrer persönlichen Verhältnisse (zum Beispiel Arbeitsaufnahme, ' +
  'Entscheidung über Ihren Asylantrag, Erteilung eines Aufenthaltstitels) unverzüglich mit.';

type BlockTexts = Record<TemplateBlockKey, string>;

const BLOCK_TITLES: Record<TemplateBlockKey, string> = {
  subject: 'Betreff',
  salutation: 'Anrede',
  decision: 'Entscheidung',
  reasons: 'Begründung',
  notes: 'Hinweise',
  remedy: 'Rechtsbehelfsbelehrung',
  closing: 'Grußformel',
};

const TEXTS: Record<LetterTemplateKind, { name: string; blocks: BlockTexts; titles?: Partial<BlockTexts> }> = {
  assignment: {
    name: 'Einweisung in eine Unterkunft',
    blocks: {
      subject: 'Bescheid über die Einweisung in eine Unterkunft der vorläufigen Unterbringung',
      salutation: '{{anrede}}',
      decision:
        '1. Sie werden mit Wirkung vom {{einzugsdatum}} in die folgende Unterkunft der vorläufigen Unterbringung eingewiesen:\n' +
        '{{unterkunft}}, {{unterkunft_adresse}}, Zimmer {{zimmer}}, Platz {{platz}}.\n\n' +
        '2. Die Einweisung gilt für die folgenden Personen Ihres Haushalts:\n' +
        '{{personenliste}}\n\n' +
        '3. Ein Anspruch auf ein bestimmtes Zimmer oder einen bestimmten Platz besteht nicht. ' +
        'Eine Verlegung innerhalb der Unterkunft oder in eine andere Unterkunft bleibt vorbehalten.',
      reasons:
        'Sie sind nach dem Flüchtlingsaufnahmegesetz (FlüAG) von der unteren Aufnahmebehörde vorläufig unterzubringen. ' +
        'Rechtsgrundlage Ihrer Aufnahme ist {{rechtsgrundlage}}. Die untere Aufnahmebehörde bestimmt nach § 9 FlüAG ' +
        'die Unterkunft, in der die vorläufige Unterbringung erfolgt. Bei der Auswahl wurden die Zusammensetzung ' +
        'Ihres Haushalts und die verfügbaren Plätze berücksichtigt.\n\n' +
        'Die vorläufige Unterbringung endet spätestens am {{frist_ende}}, sofern sie nicht vorher aus einem ' +
        'der in § 9 FlüAG genannten Gründe endet.',
      notes: FEE_AND_HOUSE_RULES,
      remedy: REMEDY,
      closing: 'Mit freundlichen Grüßen',
    },
  },
  transfer: {
    name: 'Verlegung / Umsetzung',
    blocks: {
      subject: 'Bescheid über die Verlegung in eine andere Unterkunft (Umsetzung)',
      salutation: '{{anrede}}',
      decision:
        '1. Ihre Einweisung in die Unterkunft {{bisherige_unterkunft}}, {{bisherige_adresse}} ' +
        '({{bisheriges_zimmer}}), wird zum {{einzugsdatum}} aufgehoben.\n\n' +
        '2. Sie werden mit Wirkung vom {{einzugsdatum}} in die Unterkunft {{unterkunft}}, {{unterkunft_adresse}}, ' +
        'Zimmer {{zimmer}}, Platz {{platz}}, eingewiesen.\n\n' +
        '3. Die Verlegung gilt für die folgenden Personen:\n' +
        '{{personenliste}}\n\n' +
        '4. Bitte übergeben Sie den bisherigen Platz bis zum {{einzugsdatum}} geräumt und gereinigt an die Heimleitung.',
      reasons:
        'Die untere Aufnahmebehörde bestimmt nach § 9 FlüAG die Unterkunft der vorläufigen Unterbringung und kann ' +
        'untergebrachte Personen aus sachlichen Gründen in einen anderen Platz oder eine andere Unterkunft verlegen. ' +
        'Die Verlegung erfolgt aus folgendem Grund: {{grund}}.\n\n' +
        'Die Verlegung ist erforderlich und Ihnen zumutbar. Ihr Interesse am Verbleib in der bisherigen Unterkunft ' +
        'tritt demgegenüber zurück.',
      notes: FEE_AND_HOUSE_RULES,
      remedy: REMEDY,
      closing: 'Mit freundlichen Grüßen',
    },
  },
  allocation: {
    name: 'Zuteilung in die Anschlussunterbringung',
    blocks: {
      subject: 'Bescheid über die Zuteilung in die Anschlussunterbringung',
      salutation: '{{anrede}}',
      decision:
        '1. Sie werden zusammen mit den nachstehend genannten Personen Ihres Haushalts der Gemeinde {{gemeinde}} ' +
        'zur Anschlussunterbringung zugeteilt:\n' +
        '{{personenliste}}\n\n' +
        '2. Die vorläufige Unterbringung endet mit dem Umzug in die Anschlussunterbringung. Als Umzugstermin ist ' +
        'der {{umzugsdatum}} vorgesehen. Die Gemeinde {{gemeinde}} weist Ihnen dort eine Unterkunft zu und setzt ' +
        'sich mit Ihnen in Verbindung.',
      reasons:
        'Die untere Aufnahmebehörde verteilt die Personen, deren vorläufige Unterbringung endet, nach § 18 FlüAG ' +
        'in Verbindung mit § 2 der Verordnung des Innenministeriums zur Durchführung des Flüchtlingsaufnahmegesetzes ' +
        '(DVO FlüAG) auf die kreisangehörigen Gemeinden. Maßgeblich ist der Anteil der Gemeinde an der Bevölkerung ' +
        'des Landkreises. Die Zuteilung umfasst Ihren gesamten Haushalt, damit die Familie zusammenbleibt.\n\n' +
        'Ihre vorläufige Unterbringung endet nach § 9 FlüAG spätestens am {{frist_ende}}. Die Entscheidung über ' +
        'die Zuteilung wurde am {{entscheidungsdatum}} getroffen.',
      notes:
        'Bitte halten Sie sich zum Umzugstermin bereit und übergeben Sie Ihren bisherigen Platz geräumt und ' +
        'gereinigt an die Heimleitung. Eine Benutzungsgebühr für die vorläufige Unterbringung wird bis zum Tag ' +
        'vor dem Auszug erhoben.\n\n' +
        'Für Fragen zu Ihrer künftigen Wohnung wenden Sie sich bitte an die Gemeinde {{gemeinde}}.',
      remedy: REMEDY,
      closing: 'Mit freundlichen Grüßen',
    },
  },
  municipality_notice: {
    name: 'Mitteilung an die Gemeinde',
    titles: { decision: '', reasons: 'Rechtsgrundlage' },
    blocks: {
      subject: 'Zuteilung von Personen in die Anschlussunterbringung nach § 18 FlüAG – Mitteilung',
      salutation: '{{anrede}}',
      decision:
        'mit Entscheidung vom {{entscheidungsdatum}} wurden Ihrer Gemeinde die folgenden {{personenzahl}} Personen ' +
        'zur Anschlussunterbringung zugeteilt:\n' +
        '{{personenliste}}\n\n' +
        'Als Umzugstermin ist der {{umzugsdatum}} vorgesehen. Wir bitten Sie, bis dahin eine geeignete Unterkunft ' +
        'bereitzustellen und uns deren Anschrift mitzuteilen.',
      reasons:
        'Die Zuteilung beruht auf § 18 FlüAG in Verbindung mit § 2 DVO FlüAG. Sie wird auf die Aufnahmequote ' +
        'Ihrer Gemeinde angerechnet.',
      notes:
        'Die zugeteilten Personen haben über die Zuteilung einen gesonderten Bescheid erhalten. ' +
        'Bitte geben Sie bei Rückfragen das Aktenzeichen {{aktenzeichen}} an.',
      remedy: '',
      closing: 'Mit freundlichen Grüßen',
    },
  },
};

export const TEMPLATE_KINDS: readonly LetterTemplateKind[] = ['assignment', 'transfer', 'allocation', 'municipality_notice'];

/** Stable id of the shipped template of a kind, so every laptop seeds the same record. */
export function defaultTemplateId(kind: LetterTemplateKind): string {
  return `letter-template-${kind}`;
}

/** The shipped template of a kind as a version-1 record. */
export function defaultTemplate(kind: LetterTemplateKind, now: string): LetterTemplate {
  const def = TEXTS[kind];
  return {
    id: defaultTemplateId(kind),
    createdAt: now,
    updatedAt: now,
    kind,
    name: def.name,
    version: 1,
    blocks: TEMPLATE_BLOCK_KEYS.map((key) => ({ key, title: def.titles?.[key] ?? BLOCK_TITLES[key], text: def.blocks[key] })),
    annexes: [],
  };
}

export function defaultTemplates(now: string): LetterTemplate[] {
  return TEMPLATE_KINDS.map((k) => defaultTemplate(k, now));
}

/** Block of a template by key; templates stored before a block existed get an empty one. */
export function templateBlock(template: LetterTemplate, key: TemplateBlockKey): TemplateBlock {
  return template.blocks.find((b) => b.key === key) ?? { key, title: BLOCK_TITLES[key], text: '' };
}
