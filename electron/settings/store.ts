// App settings (a small JSON file in the data dir): the installation id,
// generated once, and the configured shared folder. Written atomically so a
// crash never leaves a half-written settings file behind.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { errnoCode } from '../share/fs-port';

export const SETTINGS_FILE = 'settings.json';
export const DEFAULT_SHARE_DIR_NAME = 'Austauschordner';

const settingsSchema = z.object({
  installationId: z.string().min(8),
  shareRoot: z.string().min(1).optional(),
});
export type AppSettings = z.infer<typeof settingsSchema>;

export class SettingsStore {
  private settings: AppSettings | null = null;

  constructor(readonly dataDir: string) {}

  get file(): string {
    return path.join(this.dataDir, SETTINGS_FILE);
  }

  /** Loads the settings, creating the file (with a fresh installation id) on first start. */
  async load(): Promise<AppSettings> {
    if (this.settings) return this.settings;
    await mkdir(this.dataDir, { recursive: true });
    let loaded: AppSettings | null = null;
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) loaded = parsed.data;
      else console.warn(`Quartier: ${this.file} ist ungültig und wird neu angelegt.`);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') console.warn(`Quartier: ${this.file} konnte nicht gelesen werden und wird neu angelegt.`);
    }
    if (!loaded) {
      loaded = { installationId: randomUUID() };
      await this.save(loaded);
    }
    this.settings = loaded;
    return loaded;
  }

  async update(patch: Partial<AppSettings>): Promise<AppSettings> {
    const next = settingsSchema.parse({ ...(await this.load()), ...patch });
    await this.save(next);
    this.settings = next;
    return next;
  }

  private async save(settings: AppSettings): Promise<void> {
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, { encoding: 'utf8', flush: true });
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}
