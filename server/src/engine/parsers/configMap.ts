// What a Kubernetes ConfigMap (or a Secret's `stringData`) gives an application:
//   - configuration files mounted into its container: `application.yml: |`,
//     `application-prod.properties: |`, `producer.properties: |`, a broker's `server.properties: |`.
//     Each literal block whose key names such a file is an embedded file (embedded.ts), linted as
//     that file would be once mounted;
//   - environment variables, through a container's `envFrom`: its `SPRING_KAFKA_*` entries are
//     Spring Boot settings (springEnv.ts), edited as a compose `environment` map is (compose.ts),
//     their values kept strings. A resource that a container of the same file takes in is read as
//     part of that container (envFrom.ts); any other is judged as an application of its own.

import { isPair, isScalar } from 'yaml';
import type { Node, Scalar, YAMLMap } from 'yaml';
import type { ConfigUnit } from '../model.js';
import { readLiteralBlock, type EmbeddedFile } from '../embedded.js';
import { asMap, getEntry, nodeSpan, scalarString, type YamlDoc } from './yamlCommon.js';
import { asWritten, envEntries, type ComposeSettingExt, type ComposeUnitExt } from './compose.js';
import { springEnvUnitsOf } from './springEnv.js';

/** The map of files in a resource of this kind. */
const FILES_OF: Readonly<Record<string, string>> = { ConfigMap: 'data', Secret: 'stringData' };

/** A key that names a file the engine reads. */
const FILE_NAME = /\.(?:properties|ya?ml)$/i;

/** The map of files (or variables) of a ConfigMap or Secret document, with its key and the resource's kind and name. */
function filesOf(text: string, doc: YamlDoc): { root: YAMLMap; key: string; files: YAMLMap; kind: string; name?: string } | undefined {
  const root = asMap(doc.contents as Node | null);
  const kind = scalarString(text, getEntry(root, 'kind', doc)?.value)?.trim();
  if (!root || !kind || !Object.hasOwn(FILES_OF, kind)) return undefined;
  const key = FILES_OF[kind];
  const files = asMap(getEntry(root, key, doc)?.value);
  if (!files) return undefined;
  const name = scalarString(text, getEntry(asMap(getEntry(root, 'metadata', doc)?.value), 'name', doc)?.value)?.trim();
  return { root, key, files, kind, ...(name ? { name } : {}) };
}

/**
 * The Spring Boot units of the ConfigMap and Secret documents whose entries are `SPRING_KAFKA_*`
 * variables (for a container's `envFrom`). Each resource is its own application's (`holder`):
 * which containers take it in is in other resources. An entry a container of this file reads
 * through `valueFrom` (`referenced`, the entries' YAML pairs) is judged as that container's variable,
 * not here again.
 */
export function extractEnvSources(
  text: string,
  docs: YamlDoc[],
  isConfigMap: (i: number) => boolean,
  linked?: ReadonlySet<number>,
  referenced?: ReadonlySet<object>,
): ConfigUnit[] {
  const units: ConfigUnit[] = [];
  docs.forEach((doc, docIndex) => {
    // A resource a container of this file takes in is read as part of that container (envFrom.ts).
    if (!isConfigMap(docIndex) || linked?.has(docIndex)) return;
    const at = filesOf(text, doc);
    if (!at) return;
    const keyNode = getEntry(at.root, at.key, doc)?.key;
    const anchor = (isScalar(keyNode) ? nodeSpan(keyNode) : undefined) ?? { start: 0, end: 0 };
    const range = doc.range;
    const ext: ComposeUnitExt = { kind: 'compose', docIndex, doc, service: at.root, envKey: at.key, strings: true };
    units.push(
      ...springEnvUnitsOf(envEntries(text, doc, at.files, undefined, asWritten).filter((e) => !referenced?.has((e.ext as ComposeSettingExt).node)), {
        id: `configmap#${docIndex}`,
        resourceName: at.name ?? at.kind,
        anchor,
        span: { start: range?.[0] ?? anchor.start, end: range?.[1] ?? anchor.end },
        ext,
      }),
    );
  });
  return units;
}

/** The files of the ConfigMap and Secret documents, in order. */
export function extractEmbedded(text: string, path: string, docs: YamlDoc[], isConfigMap: (i: number) => boolean): EmbeddedFile[] {
  const out: EmbeddedFile[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isConfigMap(docIndex)) return;
    const at = filesOf(text, doc);
    if (!at) return;
    // (a manifest may hold two resources of one name, in two namespaces)
    const resource = `${at.kind} ${at.name ?? ''} (document ${docIndex + 1})`;
    for (const item of at.files.items) {
      if (!isPair(item) || !isScalar(item.key) || !isScalar(item.value)) continue;
      const key = item.key.value;
      const value = item.value as Scalar;
      if (typeof key !== 'string' || !FILE_NAME.test(key) || /[\\/]/.test(key)) continue;
      if (value.type !== 'BLOCK_LITERAL' || typeof value.value !== 'string' || !value.range) continue;
      const [start, end] = value.range;
      // The header: `|`, `|-` or `|+`, perhaps a comment; with an explicit indentation the
      // content's own leading spaces are not told apart here.
      let headerEnd = start;
      while (headerEnd < end && text[headerEnd] !== '\n' && text[headerEnd] !== '\r') headerEnd++;
      if (!/^\|[-+]?(?:[ \t]+(?:#.*)?)?$/.test(text.slice(start, headerEnd))) continue;
      let from = headerEnd;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const file = readLiteralBlock(text, from, end, value.value, `${path}/${key}`, resource);
      if (file) out.push(file);
    }
  });
  return out;
}
