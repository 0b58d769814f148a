// The names of the IPC contract (shared/ipc/contract.ts) without its schemas: what the sandboxed
// preload needs to expose the named functions, kept free of zod so that every room window's preload
// stays a few kilobytes. contract.ts checks at compile time that its schemas cover exactly these names.

export const REQUEST_NAMES = ['intent', 'key', 'snapshot'] as const;
export const EVENT_NAMES = ['snapshot'] as const;
export type RequestName = (typeof REQUEST_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** Electron IPC channel names: one prefix, so the main process can refuse anything else. */
export const CHANNEL_PREFIX = 'telescene:';
export const requestChannel = (name: RequestName): string => `${CHANNEL_PREFIX}req:${name}`;
export const eventChannel = (name: EventName): string => `${CHANNEL_PREFIX}evt:${name}`;
