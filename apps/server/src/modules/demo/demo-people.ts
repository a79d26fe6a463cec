import type { Channel, Gender, Role } from '@parley/contracts';

/** Comma-separated list → array; keeps long word lists compact. */
const words = (list: string): string[] => list.split(', ');

/** Password of every demo account (documented in docs/demo-data.md). */
export const DEMO_PASSWORD = 'parley-demo-2026';

export interface DemoUser {
  email: string;
  displayName: string;
  roles: Role[];
}

/** The supervisor's e-mail doubles as the "already seeded" marker. */
export const DEMO_SUPERVISOR_EMAIL = 'supervisor@parley.demo';

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@parley.demo', displayName: 'Jordan Ellis', roles: ['admin'] },
  { email: DEMO_SUPERVISOR_EMAIL, displayName: 'Maya Chen', roles: ['supervisor', 'agent'] },
  { email: 'agent1@parley.demo', displayName: "Liam O'Connor", roles: ['agent'] },
  { email: 'agent2@parley.demo', displayName: 'Sofia Rossi', roles: ['agent'] },
  { email: 'agent3@parley.demo', displayName: 'Noah Fischer', roles: ['agent'] },
  { email: 'agent4@parley.demo', displayName: 'Amara Okafor', roles: ['agent'] },
  { email: 'agent5@parley.demo', displayName: 'Lucas Martin', roles: ['agent'] },
];

export type DemoQueueName = 'Default' | 'Sales' | 'Support' | 'Billing';

/** Queue members by agent number (agent1 … agent5); every agent is in the Default queue. */
export const DEMO_QUEUES: Readonly<Record<DemoQueueName, readonly number[]>> = {
  Default: [1, 2, 3, 4, 5],
  Sales: [1, 2, 5],
  Support: [2, 3, 4, 5],
  Billing: [1, 4],
};

/** Our own sender/destination on each channel: the second half of every thread key. */
export const OUR_ADDRESSES: Readonly<Record<Channel, string>> = {
  SMS: '447860099299',
  WHATSAPP: '447860099300',
  VIBER: 'ParleyShop',
  FACEBOOK_MESSENGER: '104857600123456',
  TELEGRAM: 'ParleyShopBot',
  EMAIL: 'support@parley.demo',
  LIVE_CHAT: 'parley-demo-widget',
  RCS: 'ParleyShopRCS',
  INSTAGRAM_MESSAGING: '17841400000451237',
  APPLE_BUSINESS_CHAT: 'd3c6b8a2-5f14-4e7a-9c21-6a0f3e8b7d45',
  LINE: '@parleyshop',
};

/**
 * Share of conversations per channel. Live chat, e-mail and Telegram have no provider connection
 * yet, so their conversations are all CLOSED history (docs/demo-data.md). RCS, Instagram, Apple
 * Messages for Business and LINE have sandbox lines (play them in the simulator) but no generated
 * history: a weight of 0 keeps the seeded PRNG's sequence, so the demo stays the same as before.
 */
export const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  WHATSAPP: 34,
  SMS: 16,
  LIVE_CHAT: 11,
  EMAIL: 10,
  FACEBOOK_MESSENGER: 12,
  VIBER: 9,
  TELEGRAM: 8,
  RCS: 0,
  INSTAGRAM_MESSAGING: 0,
  APPLE_BUSINESS_CHAT: 0,
  LINE: 0,
};

export const FIRST_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  FEMALE: words(
    'Olivia, Emma, Ava, Mia, Isla, Chloe, Grace, Hannah, Zoe, Leah, Aisha, Priya, Fatima, Elena, Lucia, Ana, Ivana, Marta, Sara, Nina, Julia, Camille, Ingrid, Freya, Niamh, Siobhan, Yasmin, Mei, Keiko, Laura',
  ),
  MALE: words(
    'James, Oliver, Jack, Harry, George, Ethan, Daniel, Samuel, Arjun, Omar, Mateo, Luka, Marko, Ivan, Pablo, Diego, Hugo, Lars, Finn, Conor, Sean, Tomasz, Jonas, Felix, Kenji, Wei, David, Michael, Ahmed, Thomas',
  ),
};

export const LAST_NAMES: readonly string[] = words(
  "Smith, Jones, Taylor, Brown, Williams, Wilson, Evans, Patel, Khan, Murphy, Kelly, O'Brien, Walsh, Müller, Schmidt, Schneider, Weber, Horvat, Kovačić, Babić, García, Fernández, López, Martínez, Dubois, Laurent, Bernard, de Vries, Jansen, Bakker, Johnson, Miller, Davis, Nguyen, Kim, Novak, Nowak, Lindqvist, Rossi, Bianchi",
);

export interface DemoCountry {
  name: string;
  /** Calling code used to make phone numbers. */
  dial: string;
  cities: readonly string[];
}

export const COUNTRIES: readonly DemoCountry[] = [
  { name: 'United Kingdom', dial: '44', cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow'] },
  { name: 'Ireland', dial: '353', cities: ['Dublin', 'Cork', 'Galway'] },
  { name: 'Germany', dial: '49', cities: ['Berlin', 'Hamburg', 'Munich', 'Cologne'] },
  { name: 'Croatia', dial: '385', cities: ['Zagreb', 'Split', 'Rijeka'] },
  { name: 'Spain', dial: '34', cities: ['Madrid', 'Barcelona', 'Valencia'] },
  { name: 'France', dial: '33', cities: ['Paris', 'Lyon', 'Marseille'] },
  { name: 'Netherlands', dial: '31', cities: ['Amsterdam', 'Rotterdam', 'Utrecht'] },
  { name: 'United States', dial: '1', cities: ['New York', 'Chicago', 'Austin', 'Seattle'] },
];

/** Reserved example domains: demo e-mail addresses can never reach a real person. */
export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net'];

export const CUSTOMER_TIERS: readonly string[] = ['Standard', 'Standard', 'Standard', 'Plus', 'Premium'];
export const PLANS: readonly string[] = [
  'Prepaid 10',
  'Unlimited 5G',
  'Family Share',
  'SIM Only 30GB',
  'Business Pro',
];
