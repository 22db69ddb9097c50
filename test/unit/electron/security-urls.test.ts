import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl } from '../../../electron/security/urls';

const allow = ['www.landkreis-beispiel.de', 'docs.quartier.example'];

describe('isAllowedExternalUrl', () => {
  it('accepts https links to an allowed host', () => {
    expect(isAllowedExternalUrl('https://www.landkreis-beispiel.de/formulare?x=1#a', allow)).toBe(true);
    expect(isAllowedExternalUrl('https://DOCS.quartier.example/hilfe', allow)).toBe(true);
  });

  it.each([
    ['http, not https', 'http://www.landkreis-beispiel.de/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with whitespace tricks', ' java\tscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['userinfo trick', 'https://www.landkreis-beispiel.de@evil.example/'],
    ['userinfo with password', 'https://user:pw@www.landkreis-beispiel.de/'],
    ['subdomain of allowed', 'https://evil.www.landkreis-beispiel.de/'],
    ['allowed as subdomain of evil', 'https://www.landkreis-beispiel.de.evil.example/'],
    ['trailing dot', 'https://www.landkreis-beispiel.de./'],
    ['explicit port', 'https://www.landkreis-beispiel.de:8443/'],
    ['IDN lookalike (cyrillic a)', 'https://www.l\u0430ndkreis-beispiel.de/'],
    ['punycode lookalike', 'https://xn--www.landkreis-beispiel-xyz.de/'],
    ['backslash host confusion', 'https://evil.example\\@www.landkreis-beispiel.de/'],
    ['relative url', '/formulare'],
    ['empty', ''],
    ['not a url', 'hallo welt'],
    ['very long', `https://www.landkreis-beispiel.de/${'a'.repeat(3000)}`],
  ])('rejects %s', (_name, url) => {
    expect(isAllowedExternalUrl(url, allow)).toBe(false);
  });

  it('rejects everything with an empty allow-list or an empty entry', () => {
    expect(isAllowedExternalUrl('https://www.landkreis-beispiel.de/', [])).toBe(false);
    expect(isAllowedExternalUrl('https://www.landkreis-beispiel.de/', [''])).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts our bundle', () => {
    expect(isAppUrl('app://quartier/index.html')).toBe(true);
    expect(isAppUrl('app://quartier/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://quartier/index.html#/personen/1')).toBe(true);
  });

  it.each([
    'app://quartier.evil/index.html',
    'app://evil/quartier/index.html',
    'app://quartier@evil/index.html',
    'app://user@quartier/index.html',
    'app://quartier:8080/index.html',
    'file:///quartier/index.html',
    'https://quartier/index.html',
    'http://127.0.0.1:4780/',
    'about:blank',
    'APP-x://quartier/',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
