import type { SimulatorConnection } from '@parley/contracts';

const digits = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
  ).join('');

/**
 * A fresh customer address of the connection's kind, in ranges no real customer uses: UK numbers
 * Ofcom reserves for drama (+44 7700 900xxx), `example.com` mail, random chat and messenger ids.
 */
export function suggestAddress(connection: Pick<SimulatorConnection, 'provider' | 'channel'>): string {
  if (connection.provider === 'email') return `customer-${digits(5)}@example.com`;
  if (connection.provider === 'telegram') return digits(9);
  if (connection.channel === 'FACEBOOK_MESSENGER') return digits(16);
  return `447700900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
}
