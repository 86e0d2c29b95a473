// Bundles the server and the CLI into dist/: our workspace code is inlined, npm packages stay
// external (PGlite loads its WebAssembly and data files from its own package folder).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-packages',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@glocal/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
