import { expect } from '@open-wc/testing';
import { completeUrl, validateUrl } from '../../src/model/url.js';

describe('completeUrl: a link typed without its scheme (pure)', () => {
  it('adds https:// to a host name with a dot, with or without a path, port or query', () => {
    const cases: Record<string, string> = {
      'nsarchive.gwu.edu/briefing-book/x': 'https://nsarchive.gwu.edu/briefing-book/x',
      'www.example.org': 'https://www.example.org',
      '  example.org:8080/a?b=1#c ': 'https://example.org:8080/a?b=1#c',
      'sub-domain.example.co.uk/': 'https://sub-domain.example.co.uk/',
    };
    for (const [typed, url] of Object.entries(cases)) {
      expect(completeUrl(typed), typed).to.deep.equal({ url, assumed: true });
      expect(validateUrl(url).ok, url).to.equal(true);
    }
  });

  it('leaves anything with a scheme, or that is not a host name, as typed for validateUrl to judge', () => {
    for (const typed of [
      'http://x.org',
      'javascript:alert(1)',
      'mailto:a@b.org',
      '//x.org/a',
      '/relative/path',
      'notaurl',
      'notes about x.org',
      'x.org/a b',
      '-bad.org',
      'example.1',
      '',
    ]) {
      expect(completeUrl(typed), typed).to.deep.equal({ url: typed.trim(), assumed: false });
    }
  });
});
