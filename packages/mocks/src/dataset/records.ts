// The record shapes the dataset generator writes. They describe this generator's output, not the
// API: whether they match the API is checked against the spec (validateResponse) when a dataset
// server starts and in the tests.
import { operations } from '@ofauth-mass-messages/spec/operations';

type ListOperation = Extract<(typeof operations)[number], { operationId: 'listMassMessages' }>;
type TypeRule = Extract<ListOperation['query'][number], { name: 'type' }>;

/** The `type` filter of listMassMessages, as the spec's operations table has it. */
export type MassMessageType = TypeRule extends { enum: readonly (infer V)[] } ? V : string;

/** The values of that filter, from the table (a new enum value in the spec reaches the dataset). */
export const MASS_MESSAGE_TYPES = (operations
  .find((op) => op.operationId === 'listMassMessages')
  ?.query.find((rule) => rule.name === 'type')?.enum ?? []) as readonly MassMessageType[];

export interface ReleaseFormRecord {
  id: number;
  name: string;
  partnerSource: string;
  type: string;
  user?: {
    view: string;
    id: number;
    name: string;
    username: string;
    isVerified: boolean;
    avatar: string;
    avatarThumbs: { c50: string; c144: string };
    ivStatus: string;
    isFromGuest: boolean;
  };
}

export interface MediaFileRecord {
  url: string;
  width?: number;
  height?: number;
  size?: number;
}

export interface MediaSourceRecord {
  url: string;
  width?: number;
  height?: number;
  type?: string;
}

export interface MediaRecord {
  id: number;
  type: 'photo' | 'video' | 'gif' | 'audio';
  convertedToVideo: boolean;
  canView: boolean;
  hasError: boolean;
  isReady: boolean;
  createdAt: string;
  releaseForms: ReleaseFormRecord[];
  duration?: number;
  hasCustomPreview?: boolean;
  videoSources?: { '240'?: string | null; '720'?: string | null };
  files?: {
    full: MediaFileRecord & { sources: MediaSourceRecord[] };
    thumb?: MediaFileRecord;
    preview?: MediaFileRecord & { options: MediaSourceRecord[] };
    squarePreview?: MediaFileRecord;
  };
}

/** An item of `listMassMessages`; optional fields are left out the way the API leaves them out. */
export interface MassMessageRecord {
  id: number;
  text: string;
  fromUser: { id: number; name: string } | { id: number; _view: string };
  media: MediaRecord[];
  previews: number[];
  [optional: string]: unknown;
}

/** An item of `listPurchasedMassMessages`. */
export interface PurchasedMassMessageRecord {
  id: number;
  date: string;
  text: string;
  media: MediaRecord[];
  previews: MediaRecord[];
  releaseForms: ReleaseFormRecord[];
  [optional: string]: unknown;
}

export interface Dataset {
  seed: number;
  /** Each type's mass messages in the order the API lists them (newest first). */
  massMessages: Record<string, MassMessageRecord[]> & Record<MassMessageType, MassMessageRecord[]>;
  /** Purchased mass messages, newest first. */
  purchased: PurchasedMassMessageRecord[];
}
