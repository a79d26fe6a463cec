import type { SimulatorConnection } from '@parley/contracts';

const digits = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
  ).join('');

const hex = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');

/**
 * A fresh customer address of the connection's kind, in ranges no real customer uses: UK numbers
 * Ofcom reserves for drama (+44 7700 900xxx), `example.com` mail, random chat and messenger ids
 * shaped as each platform writes them.
 */
export function suggestAddress(connection: Pick<SimulatorConnection, 'provider' | 'channel'>): string {
  if (connection.provider === 'email') return `customer-${digits(5)}@example.com`;
  if (connection.provider === 'telegram') return digits(9);
  switch (connection.channel) {
    case 'FACEBOOK_MESSENGER':
      return digits(16);
    case 'INSTAGRAM_MESSAGING':
      return digits(15);
    case 'APPLE_BUSINESS_CHAT':
      return `urn:mbid:AQAA${hex(40)}`;
    case 'LINE':
      return `U${hex(32)}`;
  }
  return `447700900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
}
