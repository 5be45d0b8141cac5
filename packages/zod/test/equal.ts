/** `T` without `readonly` anywhere (properties, arrays), so types can be compared as zod can express them. */
export type Mutable<T> = T extends readonly (infer Item)[]
  ? Mutable<Item>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

/**
 * Exact type equality (the compiler's identity relation, which assignability both ways is not: `any`, optional
 * vs required keys and unions all count), after {@link Mutable} on both sides.
 */
export type Equal<A, B> =
  (<V>() => V extends Mutable<A> ? 1 : 2) extends <V>() => V extends Mutable<B> ? 1 : 2 ? true : false;
