// i18next setup for the renderer. German is the default and the fallback;
// English is the second language. Every JSON file under ./locales/<lng>/ is
// bundled eagerly and registered as a namespace named after the file, so a
// feature only has to drop `locales/de/<area>.json` (and the English twin)
// next to this module – no registration code to edit.
import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const SUPPORTED_LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'de';
export const DEFAULT_NAMESPACE = 'common';

/** localStorage key of the UI language (a UI preference, not domain data). */
export const LANGUAGE_STORAGE_KEY = 'quartier.language';

type JsonModule = { default: Record<string, unknown> };

const modules = import.meta.glob<JsonModule>('./locales/*/*.json', { eager: true });

/** Turns the glob result into i18next resources: { de: { common: {...}, rules: {...} }, en: {...} }. */
export function buildResources(files: Record<string, JsonModule>): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const [path, mod] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    const forLanguage = (resources[lng] ??= {});
    forLanguage[ns] = mod.default;
  }
  return resources;
}

export const resources = buildResources(modules);
export const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be unavailable (privacy settings); German is a safe default.
    return DEFAULT_LANGUAGE;
  }
}

function applyDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

// Resources are bundled, so init completes synchronously (initAsync: false)
// and the first render already has German text – no flash of keys.
void i18next.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  ns: namespaces,
  defaultNS: DEFAULT_NAMESPACE,
  fallbackNS: DEFAULT_NAMESPACE,
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
  initAsync: false,
  react: { useSuspense: false },
});
applyDocumentLanguage(i18next.language);
i18next.on('languageChanged', applyDocumentLanguage);

/** Switches the UI language and remembers it for the next start. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Not persisted, but the switch itself still works for this session.
  }
  await i18next.changeLanguage(lng);
}

/** The active UI language, narrowed to the supported ones. */
export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

export default i18next;
