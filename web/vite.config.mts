import { defineConfig } from 'vite';

/**
 * The browser application, built into dist/web and served by the API process (api/webApp.ts).
 * No @vitejs/plugin-react: its optional Babel 8 peer conflicts with jest's Babel 7 in npm's
 * resolver, and a production build needs only the JSX transform, which Vite 8's Oxc does itself.
 * `html.cspNonce` marks every tag Vite writes with a placeholder the server swaps for each
 * response's nonce, and adds the meta tag from which antd's CSS-in-JS takes it (web/src/main.tsx).
 */
export default defineConfig({
  // npm's scripts run at the project root.
  root: 'web',
  base: '/ui/',
  html: { cspNonce: 'CSP_NONCE_PLACEHOLDER' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components, which a browser bundle has not.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
