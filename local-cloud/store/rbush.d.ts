// rbush 4 ships no type declarations; this is the part of its API the geo index uses.
declare module 'rbush' {
  export interface BBox {
    minX: number
    minY: number
    maxX: number
    maxY: number
  }
  export default class RBush<T extends BBox> {
    constructor(maxEntries?: number)
    insert(item: T): this
    load(items: readonly T[]): this
    remove(item: T, equals?: (a: T, b: T) => boolean): this
    clear(): this
    search(box: BBox): T[]
    all(): T[]
  }
}
