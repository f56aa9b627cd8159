import { ConfigError } from './app-config';

/** Request limits per client (per minute) and whether X-Forwarded-For names the client. */
export interface LimitsConfig {
  loginPerMinute: number;
  verifyPerMinute: number;
  publicPerMinute: number;
  /** Express "trust proxy" value: unset = the socket's address is the client. */
  trustProxy?: string;
}

type Env = Record<string, string | undefined>;

function perMinute(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 10_000_000)
    throw new ConfigError(name, `must be a whole number between 1 and 10000000, got "${raw}"`);
  return Number(raw);
}

export function loadLimits(env: Env): LimitsConfig {
  const trustProxy = env.TRUST_PROXY?.trim() || undefined;
  if (trustProxy && !/^(loopback|linklocal|uniquelocal|\d+|[\d.:/a-f, ]+)$/i.test(trustProxy))
    throw new ConfigError('TRUST_PROXY', 'must be loopback, a hop count or a list of addresses');
  return {
    loginPerMinute: perMinute(env, 'LOGIN_RATE_PER_MINUTE', 30),
    verifyPerMinute: perMinute(env, 'VERIFY_RATE_PER_MINUTE', 10),
    publicPerMinute: perMinute(env, 'PUBLIC_RATE_PER_MINUTE', 300),
    trustProxy,
  };
}
