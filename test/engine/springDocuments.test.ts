// Spring Boot applies the documents of an application.yml without a profile condition to every
// profile, and a profile's documents on top: a setting made in one document holds in the others
// that apply with it (engine/springProfiles.ts).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint } from '../../server/src/engine/index.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { describeAt } from '../../server/src/engine/describe.js';

const OPTIONS = resolveOptions([{ source: 'test', options: { kafkaVersion: '2.8' } }]);
const PROD = 'spring:\n  config:\n    activate:\n      on-profile: prod\n';

function findings(text: string): string[] {
  const r = lint({ text, path: 'application.yml' }, OPTIONS);
  return r.findings.map((f) => `${f.ruleId}@${text.slice(0, f.span.start).split('\n').length}`).sort();
}

describe('Spring documents of one application.yml', () => {
  const base = 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n';

  it('a profile document inherits what the document without a profile sets', () => {
    const text = base + '---\n' + PROD + '  kafka:\n    producer:\n      compression-type: lz4\n';
    assert.deepEqual(findings(text), []);
    // Control: the same profile document alone is told that acks is unset (the 2.8 default is 1).
    const alone = PROD + '  kafka:\n    producer:\n      compression-type: lz4\n';
    assert.ok(findings(alone).includes('acks@6'), findings(alone).join());
  });

  it('judges an inherited value once, where it is written', () => {
    // On Kafka 4.0 acks=1 and retries=0 each turn idempotence off: reported on the base document's
    // lines, not again for the profile that inherits them (its message would differ: its fix
    // would also set what the profile lacks).
    const text =
      'spring:\n  kafka:\n    producer:\n      acks: 1\n      retries: 0\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n---\n' +
      PROD +
      '  kafka:\n    producer:\n      compression-type: lz4\n';
    const v40 = resolveOptions([{ source: 'test', options: { kafkaVersion: '4.0' } }]);
    const at = (fs: { ruleId: string; span: { start: number } }[]) => fs.map((f) => `${f.ruleId}@${text.slice(0, f.span.start).split('\n').length}`).sort();
    const expected = ['acks@4', 'idempotence@4', 'idempotence@5', 'max-in-flight@7', 'retries@5'];
    assert.deepEqual(at(lint({ text, path: 'application.yml' }, v40).findings), expected);
    assert.deepEqual(at(createDocumentLinter().lint(text, 'application.yml', v40).findings), expected);
  });

  it('a profile that sets a value again is judged on its own value', () => {
    const text = base + '---\n' + PROD + '  kafka:\n    producer:\n      acks: 1\n';
    assert.deepEqual(
      findings(text).filter((f) => f.startsWith('acks')),
      ['acks@14'],
    );
  });

  it('combines an inherited setting with the profile’s own (idempotence from the base, 10 in flight in the profile)', () => {
    const text = base + '---\n' + PROD + '  kafka:\n    producer:\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n';
    const r = lint({ text, path: 'application.yml' }, OPTIONS);
    const f = r.findings.find((x) => x.ruleId === 'max-in-flight');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.ruleId)));
    assert.equal(f.severity, 'error', 'idempotence with more than 5 in flight fails at start-up');
  });

  it('a document active only on a cloud platform is not inherited by the documents without that condition', () => {
    const k8s = 'spring:\n  config:\n    activate:\n      on-cloud-platform: kubernetes\n  kafka:\n    producer:\n      acks: all\n';
    const plain = 'spring:\n  kafka:\n    producer:\n      compression-type: lz4\n';
    // Off Kubernetes, the first document runs with the default acks (1 in 2.8).
    assert.deepEqual(findings(plain + '---\n' + k8s), ['acks@3']);
    // A second Kubernetes document does inherit it.
    assert.deepEqual(findings(k8s + '---\n' + k8s.replace('acks: all', 'compression-type: lz4')), []);
  });

  it('a multi-document application.properties links its documents too', () => {
    const text = 'spring.kafka.producer.acks=all\n#---\nspring.config.activate.on-profile=prod\nspring.kafka.producer.compression-type=lz4\n';
    assert.deepEqual(lint({ text, path: 'application.properties' }, OPTIONS).findings, []);
    // Control: the profile document alone.
    const alone = 'spring.config.activate.on-profile=prod\nspring.kafka.producer.compression-type=lz4\n';
    assert.ok(lint({ text: alone, path: 'application.properties' }, OPTIONS).findings.some((f) => f.ruleId === 'acks'));
  });

  it('one profile does not inherit from another', () => {
    const a = 'spring:\n  config:\n    activate:\n      on-profile: a\n  kafka:\n    producer:\n      acks: all\n';
    const b = 'spring:\n  config:\n    activate:\n      on-profile: b\n  kafka:\n    producer:\n      compression-type: lz4\n';
    assert.ok(findings(a + '---\n' + b).includes('acks@14'), findings(a + '---\n' + b).join());
  });

  it('an editor sees a change to the base document in every profile document it reuses', () => {
    const profile = (n: number) => `spring:\n  config:\n    activate:\n      on-profile: p${n}\n  kafka:\n    producer:\n      compression-type: lz4\n`;
    const before = base + [1, 2, 3].map((n) => '---\n' + profile(n)).join('');
    const after = before.replace('      acks: all\n', '      batch-size: 1\n');
    const linter = createDocumentLinter();
    const view = (fs: { ruleId: string; span: { start: number } }[]) => fs.map((f) => `${f.ruleId}@${f.span.start}`).sort();
    assert.deepEqual(view(linter.lint(before, 'application.yml', OPTIONS).findings), []);
    const edited = view(linter.lint(after, 'application.yml', OPTIONS).findings);
    assert.deepEqual(edited, view(lint({ text: after, path: 'application.yml' }, OPTIONS).findings));
    assert.equal(edited.filter((f) => f.startsWith('acks@')).length, 4, 'acks unset in the base and in the three profiles');
  });
});

describe('Spring profile files on top of application.yml', () => {
  const base = 'spring:\n  kafka:\n    producer:\n      acks: all\n---\n' + PROD + '  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true\n';
  const profile = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n';
  const springBase = [{ path: '/app/application.yml', text: base }];
  const at = (text: string, fs: { ruleId: string; severity: string; span: { start: number } }[]) =>
    fs.map((f) => `${f.ruleId}:${f.severity}@${text.slice(0, f.span.start).split('\n').length}`).sort();

  it('application-prod.yml inherits application.yml, including its prod documents', () => {
    const r = lint({ text: profile, path: '/app/application-prod.yml', springBase }, OPTIONS);
    // acks from the base document; idempotence from the base file's prod document: 10 in flight fails.
    assert.deepEqual(at(profile, r.findings), ['max-in-flight:error@5']);
    // Control: alone, acks is unset and 10 in flight only reorders.
    assert.deepEqual(at(profile, lint({ text: profile, path: '/app/application-prod.yml' }, OPTIONS).findings), ['acks:warning@3', 'max-in-flight:information@5']);
  });

  it('another profile file does not get the prod documents of application.yml', () => {
    const r = lint({ text: profile, path: '/app/application-dev.yml', springBase }, OPTIONS);
    assert.deepEqual(at(profile, r.findings), ['max-in-flight:information@5']);
  });

  it('an application-prod.properties file inherits too', () => {
    const text = 'spring.kafka.producer.compression-type=lz4\n';
    assert.deepEqual(lint({ text, path: '/app/application-prod.properties', springBase }, OPTIONS).findings, []);
    assert.ok(lint({ text, path: '/app/application-prod.properties' }, OPTIONS).findings.some((f) => f.ruleId === 'acks'));
  });

  it('application.properties inherits application.yml beside it (and overrides it where it sets a property again)', () => {
    const text = 'spring.kafka.producer.properties[max.in.flight.requests.per.connection]=10\n';
    const yml = { path: '/app/application.yml', text: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n' };
    // acks and idempotence from application.yml: 10 in flight fails the idempotent producer.
    assert.deepEqual(at(text, lint({ text, path: '/app/application.properties', springBase: [yml] }, OPTIONS).findings), ['max-in-flight:error@1']);
    assert.deepEqual(at(text, lint({ text, path: '/app/application.properties' }, OPTIONS).findings), ['acks:warning@1', 'max-in-flight:information@1']);
    // A profile file of the YAML kind is no base of it, nor is application.yml of a bootstrap file.
    assert.deepEqual(at(text, lint({ text, path: '/app/application.properties', springBase: [{ ...yml, path: '/app/application-prod.yml' }] }, OPTIONS).findings), ['acks:warning@1', 'max-in-flight:information@1']);
    assert.deepEqual(at(text, lint({ text, path: '/app/bootstrap.properties', springBase: [yml] }, OPTIONS).findings), ['acks:warning@1', 'max-in-flight:information@1']);
    // Its own value wins over the YAML file's.
    const own = 'spring.kafka.producer.acks=1\n';
    assert.deepEqual(at(own, lint({ text: own, path: '/app/application.properties', springBase: [yml] }, OPTIONS).findings), ['acks:warning@1', 'idempotence:error@1']);
  });

  it('of two files underneath, application.properties wins over application.yml, and application-prod.yml over both, in whatever order they are passed', () => {
    const text = 'spring.kafka.producer.compression-type=lz4\n';
    const yml = { path: '/app/application.yml', text: 'spring:\n  kafka:\n    producer:\n      acks: 1\n' };
    const props = { path: '/app/application.properties', text: 'spring.kafka.producer.acks=all\n' };
    const prodYml = { path: '/app/application-prod.yml', text: 'spring:\n  kafka:\n    producer:\n      acks: 0\n' };
    const acks = (springBase: { path: string; text: string }[]) => lint({ text, path: '/app/application-prod.properties', springBase }, OPTIONS).file!.units[0].inherited?.get('acks')?.value;
    assert.equal(acks([props, yml]), 'all');
    assert.equal(acks([yml, props]), 'all');
    assert.equal(acks([yml]), '1');
    assert.equal(acks([prodYml, props, yml]), '0');
    // Another profile's file is no base of it.
    assert.equal(acks([yml, props, { ...prodYml, path: '/app/application-dev.yml' }]), 'all');
  });

  // application-prod.yml on top of one application.yml: its findings of a rule, its text after fixes.
  const onBase = (baseText: string, options = OPTIONS) => {
    const input = (text: string) => ({ text, path: '/app/application-prod.yml', springBase: [{ path: '/app/application.yml', text: baseText }] });
    return {
      findings: (text: string, ruleId?: string) => lint(input(text), options).findings.filter((f) => ruleId === undefined || f.ruleId === ruleId),
      fixed: (text: string, unsafe = false) => fixText(input(text), options, { unsafe }).output,
    };
  };

  it('a fix of an inherited setting overrides it in the profile file, never edits at the base file’s offsets', () => {
    const b = onBase('spring:\n  kafka:\n    producer:\n      acks: 1\n      retries: 2147483647\n', resolveOptions([{ source: 'test', options: { kafkaVersion: '4.0' } }]));
    const text = 'spring:\n  kafka:\n    producer:\n      retries: 0\n';
    assert.equal(b.fixed(text, true), 'spring:\n  kafka:\n    producer:\n      retries: 2147483647\n      properties:\n        "[enable.idempotence]": true\n      acks: all\n');
  });

  it('an inherited count that the profile’s own idempotence makes fatal is reported at the profile’s setting and fixed there', () => {
    const b = onBase('spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n');
    const text = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true\n';
    assert.deepEqual(at(text, b.findings(text)), ['max-in-flight:error@5']);
    assert.equal(b.fixed(text), text + '        "[max.in.flight.requests.per.connection]": 5\n');
  });

  it('inherited acks=1 and retries=0 that the profile’s own enable.idempotence=true makes fatal: reported and overridden in the profile', () => {
    const b = onBase('spring:\n  kafka:\n    producer:\n      acks: 1\n      retries: 0\n', resolveOptions([{ source: 'test', options: { kafkaVersion: '3.6' } }]));
    const text = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true\n';
    assert.deepEqual(at(text, b.findings(text, 'idempotence')), ['idempotence:error@5', 'idempotence:error@5']);
    const out = b.fixed(text);
    assert.equal(b.findings(out, 'idempotence').length, 0, out);
    assert.ok(out.startsWith(text.replace(/\n$/, '')), 'the profile file only gets lines added:\n' + out);
  });

  it('an inherited delivery timeout that the profile’s own linger.ms makes too short: reported at linger.ms, overridden in the profile', () => {
    const baseText = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[delivery.timeout.ms]": 40000\n';
    const b = onBase(baseText);
    const text = 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[linger.ms]": 20000\n';
    assert.deepEqual(at(text, b.findings(text, 'delivery-timeout')), ['delivery-timeout:error@6']);
    assert.equal(b.fixed(text), text + '        "[delivery.timeout.ms]": 50000\n');
    // The base file alone (linger.ms 0 by default on 2.8) is fine: nothing to report there.
    assert.deepEqual(lint({ text: baseText, path: '/app/application.yml' }, OPTIONS).findings.filter((f) => f.ruleId === 'delivery-timeout'), []);
  });

  it('a transactional profile on top of a base that turns idempotence off: reported at the profile’s transaction-id-prefix', () => {
    const b = onBase('spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": false\n');
    const text = 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n';
    assert.deepEqual(at(text, b.findings(text, 'transactional-id')), ['transactional-id:error@4']);
    const out = b.fixed(text);
    assert.deepEqual(b.findings(out, 'transactional-id'), [], out);
  });

  it('an editor sees a change to the base file', () => {
    const linter = createDocumentLinter();
    const path = '/app/application-prod.yml';
    const view = (fs: { ruleId: string; span: { start: number } }[]) => fs.map((f) => `${f.ruleId}@${f.span.start}`).sort();
    assert.deepEqual(view(linter.lint(profile, path, OPTIONS, undefined, springBase).findings), view(lint({ text: profile, path, springBase }, OPTIONS).findings));
    const changed = [{ path: '/app/application.yml', text: base.replace('acks: all', 'acks: 1') }];
    const again = view(linter.lint(profile, path, OPTIONS, undefined, changed).findings);
    assert.deepEqual(again, view(lint({ text: profile, path, springBase: changed }, OPTIONS).findings));
    assert.ok(!again.some((f) => f.startsWith('acks@')), 'acks: 1 is reported in application.yml, not here');
    const none = view(linter.lint(profile, path, OPTIONS, undefined, []).findings);
    assert.ok(none.some((f) => f.startsWith('acks@')), 'without the base file, acks is unset here');
  });
});


describe('where an inherited setting a finding names is written (related places)', () => {
  const idem = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true\n';
  const inFlight = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n';
  const related = (text: string, r: { findings: { ruleId: string; related?: { path?: string; span: { start: number; end: number }; message: string }[] }[] }, others: Record<string, string> = {}) =>
    r.findings.flatMap((f) =>
      (f.related ?? []).map((p) => `${f.ruleId} -> ${p.path ?? '(this file)'} ${(p.path === undefined ? text : others[p.path]).slice(p.span.start, p.span.end)} | ${p.message}`),
    );

  it('names the base file and the setting there', () => {
    const r = lint({ text: inFlight, path: '/app/application-prod.yml', springBase: [{ path: '/app/application.yml', text: idem }] }, OPTIONS);
    assert.deepEqual(related(inFlight, r, { '/app/application.yml': idem }), [
      'max-in-flight -> /app/application.yml "[enable.idempotence]": true | Inherited from here: `spring.kafka.producer.properties[enable.idempotence]` = `true`',
    ]);
    // In Chinese too.
    const zh = resolveOptions([{ source: 'test', options: { kafkaVersion: '2.8', locale: 'zh-cn' } }]);
    const rz = lint({ text: inFlight, path: '/app/application-prod.yml', springBase: [{ path: '/app/application.yml', text: idem }] }, zh);
    assert.match(rz.findings.find((f) => f.related)!.related![0].message, /^继承自此处：/);
  });

  it('names the base document of the same file, and no place for what the document writes itself', () => {
    const text = idem + '---\n' + PROD + inFlight.slice('spring:\n'.length);
    const r = lint({ text, path: 'application.yml' }, OPTIONS);
    assert.deepEqual(related(text, r), ['max-in-flight -> (this file) "[enable.idempotence]": true | Inherited from here: `spring.kafka.producer.properties[enable.idempotence]` = `true`']);
    assert.equal(r.findings.find((f) => f.related)!.related![0].span.start, text.indexOf('"[enable.idempotence]"'));
    // Both in the profile document: nothing inherited, no related place.
    const own = PROD + '  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true\n        "[max.in.flight.requests.per.connection]": 10\n';
    const ro = lint({ text: own, path: 'application.yml' }, OPTIONS);
    assert.equal(ro.findings.find((f) => f.ruleId === 'max-in-flight')?.severity, 'error');
    assert.deepEqual(related(own, ro), []);
  });

  it('an editor moves the place when the base document moves, though the profile document’s findings are kept', () => {
    const text = idem + '---\n' + PROD + inFlight.slice('spring:\n'.length);
    const moved = '# a comment above\n' + text;
    const linter = createDocumentLinter();
    linter.lint(text, 'application.yml', OPTIONS);
    const r = linter.lint(moved, 'application.yml', OPTIONS);
    const inflight = (x: { findings: { ruleId: string; related?: { span: { start: number } }[] }[] }) => x.findings.find((f) => f.ruleId === 'max-in-flight');
    assert.equal(inflight(r)?.related?.[0].span.start, moved.indexOf('"[enable.idempotence]"'));
    // And when the base file of a profile file moves its setting.
    const path = '/app/application-prod.yml';
    const b1 = [{ path: '/app/application.yml', text: idem }];
    const b2 = [{ path: '/app/application.yml', text: '# moved\n' + idem }];
    const pl = createDocumentLinter();
    assert.equal(inflight(pl.lint(inFlight, path, OPTIONS, undefined, b1))?.related?.[0].span.start, idem.indexOf('"[enable.idempotence]"'));
    assert.equal(inflight(pl.lint(inFlight, path, OPTIONS, undefined, b2))?.related?.[0].span.start, b2[0].text.indexOf('"[enable.idempotence]"'));
  });
});

describe('Spring files and documents read over a document', () => {
  const at = (text: string, fs: { ruleId: string; severity: string; span: { start: number } }[]) =>
    fs.map((f) => `${f.ruleId}:${f.severity}@${text.slice(0, f.span.start).split('\n').length}`).sort();
  const prodDoc = 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: false\n---\n' + PROD + '  kafka:\n    producer:\n      acks: 1\n';
  const prodFile = { path: '/app/application-prod.properties', text: '# prod\nspring.kafka.producer.acks=all\n' };

  it('application-prod.properties beside application.yml wins over its prod document: the loss rules judge what wins, duplicate-key names the file', () => {
    const r = lint({ text: prodDoc, path: '/app/application.yml', springBase: [prodFile] }, OPTIONS);
    assert.deepEqual(at(prodDoc, r.findings), ['auto-offset-reset:information@3', 'duplicate-key:warning@12']);
    const dup = r.findings.find((f) => f.ruleId === 'duplicate-key')!;
    assert.equal(
      dup.message,
      '`spring.kafka.producer.acks: 1` has no effect: `application-prod.properties` sets it again (`spring.kafka.producer.acks=all`, line 2), and Spring Boot reads that file over this one whenever profile `prod` is active, the only time this document applies. Remove this one.',
    );
    assert.deepEqual(dup.related?.map((p) => [p.path, p.span.start, p.message]), [[prodFile.path, prodFile.text.indexOf('spring.kafka'), 'Set over this document here: `spring.kafka.producer.acks` = `all`']]);
    // The removal relies on the other file: offered, not applied by a safe batch.
    assert.deepEqual(dup.fixes.map((f) => [f.title, f.safety]), [['Remove `spring.kafka.producer.acks: 1`', 'unsafe']]);
    assert.equal(fixText({ text: prodDoc, path: '/app/application.yml', springBase: [prodFile] }, OPTIONS, { unsafe: false }).output, prodDoc);
    // Control: without the profile file, acks 1 is what the prod profile runs with.
    assert.deepEqual(at(prodDoc, lint({ text: prodDoc, path: '/app/application.yml' }, OPTIONS).findings), ['acks:warning@12', 'auto-offset-reset:information@3']);
  });

  it('a profile file overrides only documents of exactly its profile', () => {
    for (const cond of ['prod | live', 'dev']) {
      const text = prodDoc.replace('on-profile: prod', `on-profile: ${cond}`);
      const r = lint({ text, path: '/app/application.yml', springBase: [prodFile] }, OPTIONS);
      assert.deepEqual(at(text, r.findings), ['acks:warning@12', 'auto-offset-reset:information@3'], cond);
    }
    // Nor the documents without a profile: application-prod.yml is read only with prod active.
    const plain = 'spring:\n  kafka:\n    producer:\n      acks: 1\n';
    assert.deepEqual(at(plain, lint({ text: plain, path: '/app/application.yml', springBase: [prodFile] }, OPTIONS).findings), ['acks:warning@4']);
  });

  it('application.properties wins over application.yml beside it, document for document, in Chinese too', () => {
    const yml = 'spring:\n  kafka:\n    producer:\n      acks: 1\n';
    const props = { path: '/app/application.properties', text: 'spring.kafka.producer.acks=all\n' };
    const r = lint({ text: yml, path: '/app/application.yml', springBase: [props] }, OPTIONS);
    assert.deepEqual(at(yml, r.findings), ['duplicate-key:warning@4']);
    assert.match(r.findings[0].message, /`application\.properties` beside this file sets it again \(`spring\.kafka\.producer\.acks=all`, line 1\) for the same documents, and Spring Boot reads a `\.properties` file over the YAML file of the same name/);
    const zh = resolveOptions([{ source: 'test', options: { kafkaVersion: '2.8', locale: 'zh-cn' } }]);
    assert.match(lint({ text: yml, path: '/app/application.yml', springBase: [props] }, zh).findings[0].message, /同目录下的 `application\.properties` 为相同的文档再次设置了它/);
    // Not the other way round: the YAML file does not override application.properties.
    assert.deepEqual(at(props.text, lint({ text: 'spring.kafka.producer.acks=1\n', path: '/app/application.properties', springBase: [{ path: '/app/application.yml', text: 'spring:\n  kafka:\n    producer:\n      acks: all\n' }] }, OPTIONS).findings), ['acks:warning@1']);
  });

  it('a common value that a file read over this one refines for the producer still holds for the consumer: not reported', () => {
    const yml = 'spring:\n  kafka:\n    properties:\n      "[client.rack]": eu-1\n    producer:\n      client-id: p\n    consumer:\n      group-id: g\n      auto-offset-reset: earliest\n      enable-auto-commit: false\n';
    const props = { path: '/app/application.properties', text: 'spring.kafka.producer.properties[client.rack]=eu-2\n' };
    assert.deepEqual(lint({ text: yml, path: '/app/application.yml', springBase: [props] }, OPTIONS).findings.filter((f) => f.ruleId === 'duplicate-key'), []);
    // The same common key set again in common: that one is dead.
    const again = { path: '/app/application.properties', text: 'spring.kafka.properties[client.rack]=eu-2\n' };
    assert.deepEqual(at(yml, lint({ text: yml, path: '/app/application.yml', springBase: [again] }, OPTIONS).findings.filter((f) => f.ruleId === 'duplicate-key')), ['duplicate-key:warning@4']);
  });

  it('the hover on an overridden setting names what wins and where', () => {
    const file = lint({ text: prodDoc, path: '/app/application.yml', springBase: [prodFile] }, OPTIONS).file!;
    const h = describeAt(file, prodDoc.indexOf('acks: 1') + 1, OPTIONS)!;
    assert.match(h.markdown, /`spring\.kafka\.producer\.acks: 1` — overridden by `spring\.kafka\.producer\.acks` in `application-prod\.properties` \(line 2\), which Spring Boot reads over this document/);
    const same = 'spring:\n  kafka:\n    producer:\n      acks: 1\n      client-id: a\n---\nspring:\n  kafka:\n    producer:\n      acks: all\n';
    const h2 = describeAt(lint({ text: same, path: 'application.yml' }, OPTIONS).file!, same.indexOf('acks: 1') + 1, OPTIONS)!;
    assert.match(h2.markdown, /`spring\.kafka\.producer\.acks: 1` — overridden by `spring\.kafka\.producer\.acks` \(line 10\)/);
  });

  it('an editor gives what a fresh lint gives while the document or the file over it changes', () => {
    const view = (fs: { ruleId: string; message: string; span: { start: number; end: number } }[]) => fs.map((f) => `${f.ruleId}@${f.span.start}-${f.span.end} ${f.message}`);
    const path = '/app/application.yml';
    const linter = createDocumentLinter();
    const steps: [string, { path: string; text: string }[]][] = [
      [prodDoc, [prodFile]],
      ['# moved\n' + prodDoc, [prodFile]],
      ['# moved\n' + prodDoc, [{ path: prodFile.path, text: '\n\n' + prodFile.text }]],
      ['# moved\n' + prodDoc, [{ path: prodFile.path, text: '# acks no longer set\n' }]],
      ['# moved\n' + prodDoc + '---\n' + PROD + '  kafka:\n    producer:\n      acks: all\n', []],
      ['# moved\n' + prodDoc.replace('acks: 1', 'acks: 0') + '---\n' + PROD + '  kafka:\n    producer:\n      acks: all\n', []],
    ];
    for (const [text, springBase] of steps) {
      assert.deepEqual(view(linter.lint(text, path, OPTIONS, undefined, springBase).findings), view(lint({ text, path, springBase }, OPTIONS).findings));
    }
  });
});
