// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Files that make up the Electron edge: the only ones allowed to import 'electron'. */
const ELECTRON_EDGE = ['src/main/index.ts', 'src/main/electron/**/*.ts', 'src/preload/**/*.ts']

const noElectron = {
  name: 'electron',
  message: 'Only the Electron edge (src/main/index.ts, src/main/electron/, src/preload/) may import electron.',
}
const electronPatterns = [
  { group: ['electron', 'electron/*', 'electron-log/main', 'electron-log/renderer'], message: noElectron.message },
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: electronPatterns }],
    },
  },
  // src/shared: pure TypeScript — no Node built-ins, no DOM, no Electron, no other layer.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'systeminformation', message: 'src/shared is platform-free.' }],
          patterns: [
            ...electronPatterns,
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'src/shared is platform-free: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom', 'antd'], message: 'src/shared imports no other layer.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
  // src/main services: Node, no renderer code.
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...electronPatterns,
            { group: ['**/renderer/**', 'react', 'react-dom', 'antd'], message: 'main does not import renderer code.' },
          ],
        },
      ],
    },
  },
  // The Electron edge may import electron.
  {
    files: ELECTRON_EDGE,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', 'antd'], message: 'main does not import renderer code.' }] },
      ],
    },
  },
  // The renderer: browser only, talks to main through window.virtlab.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'systeminformation', message: 'The renderer inspects nothing itself: ask main.' }],
          patterns: [
            ...electronPatterns,
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer never imports main or preload code.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
  // The bin shim is plain CommonJS.
  { files: ['bin/**/*.js', 'scripts/**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Tests: may reach every layer, but never the real electron module.
  {
    files: ['tests/**/*.{ts,tsx,mjs}', 'scripts/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: electronPatterns }],
    },
  },
)
