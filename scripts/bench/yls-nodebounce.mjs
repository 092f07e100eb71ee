// yaml-language-server with its validation delay set to 0 ms, for the benchmark only. The delay
// (200 ms, SettingsState.validationDelayMs) has no setting, so this launcher makes the instance
// field read 0 and then starts the unmodified server (bin/yaml-language-server does the same import).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('yaml-language-server/package.json'));
const { SettingsState } = await import(pathToFileURL(path.join(root, 'out/src/yamlSettings.js')).href);
Object.defineProperty(SettingsState.prototype, 'validationDelayMs', { get: () => 0, set: () => {}, configurable: true });
process.env.YAML_LANGUAGE_SERVER_VERSION = require('yaml-language-server/package.json').version;
await import(pathToFileURL(path.join(root, 'out/src/server.js')).href);
