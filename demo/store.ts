// The part of the local cloud's Store the seed uses.
export interface SeedStore {
  insert(collection: string, docs: object | object[]): unknown
  get(collection: string, id: string): Record<string, unknown> | null
  find(collection: string, filter?: object, options?: { sort?: object; limit?: number; skip?: number }): Record<string, unknown>[]
  update(collection: string, filter: object, update: object, options?: { multi?: boolean; upsert?: boolean }): number
  count(collection: string, filter?: object): number
  clear(collection?: string): void
}
