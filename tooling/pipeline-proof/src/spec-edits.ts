// The spec edits the proof makes, as text edits of openapi.yaml (keeping its anchors and
// comments, as a person editing it would). Each throws when its anchor text is gone, so a
// reworded spec breaks the proof loudly instead of proving nothing.

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at === -1 || text.indexOf(search, at + 1) !== -1) {
    throw new Error(`spec edit: expected exactly one occurrence of ${JSON.stringify(search)}`);
  }
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** A compatible change: an optional field (with a value in an example) and a new enum value. */
export function addOptionalFieldAndEnumValue(spec: string): string {
  let out = replaceOnce(
    spec,
    '        rawText:\n          type: string\n',
    '        rawText:\n          type: string\n        campaignName:\n          type: string\n          description: The campaign the message belonged to.\n',
  );
  out = replaceOnce(
    out,
    'enum: [photo, video, gif, audio]',
    'enum: [photo, video, gif, audio, sticker]',
  );
  out = replaceOnce(
    out,
    '            rawText: New set just dropped',
    '            campaignName: Black Friday 2026\n            rawText: New set just dropped',
  );
  return out;
}

/** A breaking change: the list page's `hasMore` renamed `hasNext`, which the client's pager reads. */
export function renameHasMore(spec: string): string {
  const start = spec.indexOf('    MassMessagesPage:\n');
  const end = spec.indexOf('    PurchasedMassMessagesPage:\n');
  if (start === -1 || end < start) throw new Error('spec edit: MassMessagesPage schema not found');
  const block = spec
    .slice(start, end)
    .replace('required: [list, hasMore]', 'required: [list, hasNext]')
    .replace('        hasMore:\n', '        hasNext:\n');
  if (!block.includes('hasNext:\n') || !block.includes('[list, hasNext]')) {
    throw new Error('spec edit: hasMore not found in MassMessagesPage');
  }
  return spec.slice(0, start) + block + spec.slice(end);
}

/** A consumer file that compiles only when the client exports the new field and enum value. */
export const clientTypesProbe = `// Written by the pipeline proof: compiles only once the spec change reached the client.
import type { Media, PurchasedMassMessage } from '@ofauth-mass-messages/client';

export const campaignOf = (item: PurchasedMassMessage): string | undefined => item.campaignName;
export const sticker: Media['type'] = 'sticker';
`;
