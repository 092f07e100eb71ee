// The editor of Spring Boot variables (surface `spring-env`): a unit's variables are edited by the
// reader that found them, compose's (compose.ts) or a Kubernetes workload's (workload.ts).

import type { ConfigUnit } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import { composeEditor } from './compose.js';
import { workloadEditor } from './workload.js';

function pick(unit: ConfigUnit): FormatEditor {
  return (unit.ext as { kind?: string } | undefined)?.kind === 'workload' ? workloadEditor : composeEditor;
}

const springEnvEditor: FormatEditor = {
  commentPrefix: '#',
  keyName: (unit, key) => pick(unit).keyName(unit, key),
  valueText: (unit, key, value) => pick(unit).valueText(unit, key, value),
  assignment: (unit, key, value) => pick(unit).assignment(unit, key, value),
  show: (unit, setting) => pick(unit).show!(unit, setting),
  setValue: (file, unit, setting, value) => pick(unit).setValue(file, unit, setting, value),
  insert: (file, unit, key, value) => pick(unit).insert(file, unit, key, value),
  remove: (file, unit, setting) => pick(unit).remove(file, unit, setting),
  rename: (file, unit, setting, newKey) => pick(unit).rename(file, unit, setting, newKey),
};

registerEditor(['spring-env'], springEnvEditor);
