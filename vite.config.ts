import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Content-Security-Policy of the built app, delivered as a <meta> so that it holds on any static host. Scripts,
 * workers, styles and connections come only from the app's own origin: no inline script, no eval, no style
 * attributes in markup (React's style props and D3's .style() write through the CSSOM, which CSP allows). Images may
 * also be data: (the favicon) and blob: (the PNG export draws the chart's SVG from a blob: URL). frame-ancestors,
 * report-to and sandbox are ignored in a <meta>: a host that can send headers should send this policy as a
 * Content-Security-Policy header with `frame-ancestors 'none'` added (README, Deploy).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Adds the policy to the built index.html only: the dev server injects inline scripts (React Refresh). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'timescape-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // right after <meta charset>: before every script and style sheet, so that the policy governs all of them
      handler: (html) => {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs <meta charset> for the CSP to follow');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
      },
    },
  };
}

/**
 * The release a build is: the package version, or TIMESCAPE_RELEASE when set (a deployment's own label; the browser
 * test of updates builds two releases this way). Exported files and the page say which release made them.
 */
const RELEASE =
  process.env.TIMESCAPE_RELEASE ??
  (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  define: { __TIMESCAPE_RELEASE__: JSON.stringify(RELEASE) },
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline after the first visit, and releases that never break an open tab: src/sw.ts stores every built file
    // (the app, its styles and the simulation worker chunk), answers navigations, shared links included, with
    // index.html, waits while an older release is in use and keeps that release's files until no other tab is
    // open. The page registers it and offers the reload (src/store/release.ts).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,webmanifest}'],
      },
    }),
  ],
  worker: {
    format: 'es', // module worker; matches `new Worker(url, { type: 'module' })`
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
