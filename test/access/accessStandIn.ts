/**
 * A stand-in for a Cloudflare Access team, on 127.0.0.1: it publishes its
 * signing keys at /cdn-cgi/access/certs in Cloudflare's documented shape
 * (`keys`: the current and the previous key as RS256 JWKs with a 64-hex
 * `kid`; `public_cert` and `public_certs`: the same keys in PEM — here the
 * SPKI public key, as no certificate can be minted with node:crypto), and
 * signs application tokens as Access does: header { alg: RS256, kid, typ:
 * JWT }, payload { aud: [tag], email, exp, iat, nbf, iss, type: "app",
 * identity_nonce, sub, country }. Signed with node:crypto, not with the
 * library the guard verifies with.
 */
import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function signingKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  return { kid, privateKey, publicKey };
}

function certsBody(keys: SigningKey[]): string {
  const jwks = keys.map(({ kid, publicKey }) => {
    const { e, n } = publicKey.export({ format: 'jwk' });
    return { kid, kty: 'RSA', alg: 'RS256', use: 'sig', e, n };
  });
  const pems = keys.map(({ kid, publicKey }) => ({ kid, cert: publicKey.export({ type: 'spki', format: 'pem' }).toString() }));
  return JSON.stringify({ keys: jwks, public_cert: pems[0], public_certs: pems });
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface TokenOptions {
  key: SigningKey;
  /** Overrides of the payload's claims (seconds for times). */
  claims?: Record<string, unknown>;
  /** The `kid` written in the header (default the key's own). */
  kid?: string;
}

export interface AccessTeam {
  /** The team domain: the issuer, and KEEPSCORE_ACCESS_TEAM. */
  issuer: string;
  audience: string;
  /** The team's current and previous signing keys, as published. */
  keys: SigningKey[];
  /** Requests the certs endpoint has had. */
  fetches(): number;
  token(options?: Partial<TokenOptions>): string;
  close(): Promise<void>;
}

export async function accessTeam(): Promise<AccessTeam> {
  const keys = [signingKey(), signingKey()];
  const audience = randomBytes(32).toString('hex');
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/cdn-cgi/access/certs') return void res.writeHead(404).end();
    fetches += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(certsBody(keys));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    audience,
    keys,
    fetches: () => fetches,
    token({ key = keys[0], claims = {}, kid }: Partial<TokenOptions> = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: 'RS256', kid: kid ?? key.kid, typ: 'JWT' };
      const payload = {
        aud: [audience], email: 'ann@example.com', exp: now + 3600, iat: now, nbf: now, iss: issuer,
        type: 'app', identity_nonce: '6ei69kawdKzMIAPF', sub: '7335d417-61da-459d-899c-0a01c76a2f94', country: 'US',
        ...claims,
      };
      const input = `${b64(header)}.${b64(payload)}`;
      const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
      return `${input}.${signature}`;
    },
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}
