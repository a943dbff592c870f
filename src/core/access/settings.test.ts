import { describe, expect, it } from 'vitest';
import { accessIssuer, accessSettings, isLoopback } from './settings.ts';

const NODE = { loopbackOnly: true };
const EDGE = { loopbackOnly: false };
const PASSWORD = 'a long team password';

describe('accessSettings', () => {
  it('is private by default: open on a loopback-only server, a setup page anywhere else', () => {
    expect(accessSettings({}, NODE)).toEqual({ mode: 'loopback' });
    expect(accessSettings({ KEEPSCORE_ACCESS: ' ' }, EDGE)).toMatchObject({ mode: 'setup', unset: true, problem: expect.stringContaining('KEEPSCORE_ACCESS') });
  });

  it('reads password mode with its lifetime (a week by default), secret and upload token', () => {
    expect(accessSettings({ KEEPSCORE_ACCESS: 'Password', KEEPSCORE_VIEW_PASSWORD: PASSWORD, KEEPSCORE_UPLOAD_TOKEN: 'tok' }, EDGE))
      .toEqual({ mode: 'password', password: PASSWORD, secret: '', lifetimeSeconds: 168 * 3600, uploadToken: 'tok' });
    expect(accessSettings({ KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: PASSWORD, KEEPSCORE_SESSION_HOURS: '0.5', KEEPSCORE_SESSION_SECRET: 's' }, NODE))
      .toMatchObject({ lifetimeSeconds: 1800, secret: 's', uploadToken: null });
  });

  it('names what is missing or wrong, never a secret', () => {
    const problem = (env: Record<string, string>) => {
      const settings = accessSettings(env, EDGE);
      return settings.mode === 'setup' && !settings.unset ? settings.problem : settings.mode;
    };
    expect(problem({ KEEPSCORE_ACCESS: 'password' })).toMatch(/KEEPSCORE_VIEW_PASSWORD .*not set/);
    expect(problem({ KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: 'short-pw' })).toBe('KEEPSCORE_VIEW_PASSWORD must be at least 12 characters long');
    expect(problem({ KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: PASSWORD, KEEPSCORE_SESSION_HOURS: 'week' })).toMatch(/KEEPSCORE_SESSION_HOURS .*"week"/);
    expect(problem({ KEEPSCORE_ACCESS: 'cloudflare-access', KEEPSCORE_ACCESS_TEAM: 'acme' })).toMatch(/KEEPSCORE_ACCESS_AUD/);
    expect(problem({ KEEPSCORE_ACCESS: 'cloudflare-access', KEEPSCORE_ACCESS_TEAM: 'https://evil.example', KEEPSCORE_ACCESS_AUD: 'x' })).toMatch(/KEEPSCORE_ACCESS_TEAM must be/);
    expect(problem({ KEEPSCORE_ACCESS: 'open' })).toBe('KEEPSCORE_ACCESS must be password, cloudflare-access or public, not "open"');
    expect(problem({ KEEPSCORE_ACCESS: 'public' })).toBe('public');
    expect(problem({ KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: 'short-pw' })).not.toContain('short-pw');
  });

  it('reads cloudflare-access with the team as name, host or URL', () => {
    expect(accessSettings({ KEEPSCORE_ACCESS: 'cloudflare-access', KEEPSCORE_ACCESS_TEAM: 'acme', KEEPSCORE_ACCESS_AUD: ' 32ea ' }, EDGE))
      .toEqual({ mode: 'cloudflare-access', issuer: 'https://acme.cloudflareaccess.com', audience: '32ea', uploadToken: null });
    expect(accessIssuer('Acme.cloudflareaccess.com')).toBe('https://acme.cloudflareaccess.com');
    expect(accessIssuer('https://acme.cloudflareaccess.com/')).toBe('https://acme.cloudflareaccess.com');
    expect(accessIssuer('acme///')).toBe('https://acme.cloudflareaccess.com');
    expect(accessIssuer('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    for (const bad of ['http://acme.cloudflareaccess.com', 'https://acme.cloudflareaccess.com/certs', 'https://cloudflareaccess.com.evil.io', 'acme team']) expect(accessIssuer(bad), bad).toBeNull();
  });
});

describe('isLoopback', () => {
  it('knows the addresses only this machine reaches', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.com', '127.0.0.1.nip.io', '']) expect(isLoopback(host), host).toBe(false);
  });
});
