/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The built files go straight into the module's jar layout; the web adapter serves them from
// META-INF/todo-ai-web on the class path. JSX is compiled by esbuild (React's automatic runtime).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/classes/META-INF/todo-ai-web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
      '/health': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'node',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
