// The sarama version a go.mod builds (options.ts, saramaVersionFromGoMod).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { saramaVersionFromGoMod } from '../../server/src/engine/options.js';

const mod = (body: string) => `module example.com/svc\n\ngo 1.22\n\n${body}`;

describe('go.mod: the sarama version', () => {
  it('the required version, from either module path, in a require line or block', () => {
    assert.equal(saramaVersionFromGoMod(mod('require github.com/IBM/sarama v1.43.2\n')), '1.43.2');
    assert.equal(saramaVersionFromGoMod(mod('require (\n\tgithub.com/Shopify/sarama v1.37.2 // indirect\n\tgolang.org/x/net v0.20.0\n)\n')), '1.37.2');
    assert.equal(saramaVersionFromGoMod(mod('require github.com/IBM/sarama v1.45.0-rc1\n')), '1.45.0');
  });
  it('none when sarama is not required', () => {
    assert.equal(saramaVersionFromGoMod(mod('require github.com/segmentio/kafka-go v0.4.47\n')), undefined);
    assert.equal(saramaVersionFromGoMod(mod('// github.com/IBM/sarama v1.43.2\n')), undefined);
  });
  it('a replacement by a local folder leaves the version unknown (sarama examples: => ../../)', () => {
    assert.equal(saramaVersionFromGoMod(mod('require github.com/IBM/sarama v1.50.2\n\nreplace github.com/IBM/sarama => ../../\n')), undefined);
    assert.equal(saramaVersionFromGoMod(mod('require github.com/IBM/sarama v1.50.2\n\nreplace (\n\tgithub.com/IBM/sarama => ./vendor/sarama\n)\n')), undefined);
  });
  it('a replacement by sarama at another version is that version; by a fork, unknown', () => {
    assert.equal(saramaVersionFromGoMod(mod('require github.com/Shopify/sarama v1.38.1\nreplace github.com/Shopify/sarama => github.com/IBM/sarama v1.40.0\n')), '1.40.0');
    assert.equal(saramaVersionFromGoMod(mod('require github.com/IBM/sarama v1.43.2\nreplace github.com/IBM/sarama => github.com/acme/sarama v0.3.0\n')), undefined);
  });
  it('a replacement for another version does not apply', () => {
    assert.equal(saramaVersionFromGoMod(mod('require github.com/IBM/sarama v1.43.2\nreplace github.com/IBM/sarama v1.40.0 => ../sarama\n')), '1.43.2');
    assert.equal(saramaVersionFromGoMod(mod('require github.com/IBM/sarama v1.43.2\nreplace github.com/IBM/sarama v1.43.2 => ../sarama\n')), undefined);
  });
});
