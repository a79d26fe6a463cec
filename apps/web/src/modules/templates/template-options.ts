import { CHANNELS, TEMPLATE_LANGUAGES } from '@parley/contracts';
import { channelLabel } from '../workspace/channel-icon.tsx';

/** Language choices, by name. */
export const LANGUAGE_OPTIONS = TEMPLATE_LANGUAGES.map((l) => ({ value: l.code, label: l.name }));

/** Channel choices; '' stands for "every channel". */
export const CHANNEL_OPTIONS = [
  { value: '', label: 'All channels' },
  ...CHANNELS.map((c) => ({ value: c, label: channelLabel(c) })),
];
