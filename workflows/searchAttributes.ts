import { defineSearchAttributeKey } from '@temporalio/common';
import { searchAttributeTypes, type SearchAttributeName } from '../domain/searchAttributes';

/** Compiles only while every type in the domain's table is one of the SDK's. */
type Keys = { readonly [N in SearchAttributeName]: ReturnType<typeof defineSearchAttributeKey<(typeof searchAttributeTypes)[N]>> };

/** The SDK's typed keys of the campaign's search attributes: what workflows upsert and clients read. */
export const searchAttributes = Object.fromEntries(
  Object.entries(searchAttributeTypes).map(([name, type]) => [name, defineSearchAttributeKey(name, type)]),
  // Object.entries forgets which name has which type; each key is made from its own row.
) as Keys;
