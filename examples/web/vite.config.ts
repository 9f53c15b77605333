import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths: the built app works from any static server or folder.
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022' },
});
