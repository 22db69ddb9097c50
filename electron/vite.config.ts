// Builds the main side into dist-electron/:
//   main.cjs        Electron main process (CommonJS; electron stays external)
//   preload.cjs     sandboxed preload: ONE self-contained CommonJS file, because
//                   a sandboxed preload can neither load ESM nor require local
//                   chunks or node_modules
//   web-server.mjs  web mode (`npm run web`), a Node ESM bundle
// Each is a separate environment so no chunk is ever shared between them.
// Dependencies (zod) are bundled, so the packaged app needs no node_modules.
import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function nodeBundle(input: string, format: 'cjs' | 'es', fileName: string, external: string[]): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true, external: [] },
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      ssr: true,
      rolldownOptions: {
        input,
        external: [...external, ...nodeBuiltins],
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  environments: {
    main: nodeBundle('electron/main/main.ts', 'cjs', 'main.cjs', ['electron']),
    preload: nodeBundle('electron/preload/preload.ts', 'cjs', 'preload.cjs', ['electron']),
    web: nodeBundle('electron/web/main.ts', 'es', 'web-server.mjs', []),
  },
  builder: {
    async buildApp(builder) {
      for (const name of ['main', 'preload', 'web'] as const) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`missing build environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
