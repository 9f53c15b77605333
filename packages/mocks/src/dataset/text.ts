// Message texts that read like a creator's mass messages.
import type { Random } from './random.js';

const OPENERS = [
  'New set just dropped',
  'Weekend bundle is live',
  'Behind the scenes from Lisbon',
  'Thank you for 10k',
  'Good morning everyone',
  'Exclusive video for my favourites',
  'Halloween special',
  'Throwback to last summer',
  'Tonight only',
  'Surprise in your inbox',
];
const ENDINGS = [
  'unlock the full gallery tonight only!',
  '3 videos for the price of one.',
  'tell me which one you like best',
  'more coming this week',
  'reply and I will send a bonus pic',
  '',
];
const EMOJIS = ['📸', '🔥', '☀️', '🌊', '🎃', '💌', '✨', ''];

/** A message text, its plain version (no HTML) and a template with the emoji left as a slot. */
export function createText(random: Random): { text: string; rawText: string; template: string } {
  const opener = random.pick(OPENERS);
  const emoji = random.pick(EMOJIS);
  const ending = random.pick(ENDINGS);
  const rawText = [opener, emoji, ending].filter(Boolean).join(' ');
  const template = [opener, emoji ? '{emoji}' : '', ending].filter(Boolean).join(' ');
  const text = random.chance(0.4) ? `<p>${rawText}</p>` : rawText;
  return { text, rawText, template };
}

/** A price as the API writes it: a decimal string such as "12.99". */
export function createPrice(random: Random): string {
  return `${random.int(3, 49)}.${random.pick(['00', '50', '99'])}`;
}

/** A message's texts, as createText makes them. */
export type MessageText = ReturnType<typeof createText>;
