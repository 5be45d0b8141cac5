// The type-level half of the compiler oracle: copied verbatim next to the probes of every pair and compiled by
// tsc. Each helper answers "what would a strict consumer written against the OLD types find broken against the
// NEW ones?" and is `never` when nothing is. A probe is `const pN: never = null as unknown as Helper<…>;` — it
// compiles exactly when the helper finds nothing.
//
// The helpers encode the README's reader/caller model (What an API change means):
// - a caller SENDS values of the old request types: plain assignability old → new (checked by the probe itself,
//   not here) plus `Excess`: a key a caller could write in an object literal before must still be a key now
//   (the excess-property check), deeply.
// - a reader READS values of the new response types into code typed with the old ones (`Read`: new → old,
//   deeply, except that a string/number literal joining an existing enum is tolerated — readers are expected to
//   have a default branch) and COMPARES them with old values (`Cmp`: every old non-null value is still a
//   possible value, deeply, over the properties both sides have — a narrowing makes `x === old` a TS2367).
// Recursion stops at depth 10 (recursive schemas are cut there: a change below that depth is not seen).

type Depth = unknown[];
type Arr<T> = Extract<T, readonly unknown[]>;
type Rec<T> = Exclude<Extract<T, object>, readonly unknown[]>;
type Elem<T> = T extends readonly (infer E)[] ? E : never;
type AllKeys<T> = T extends unknown ? keyof T : never;
type At<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** N is a string/number literal and O already holds literals of that primitive: an enum value added. */
type AddedLiteral<N, O> = N extends string
  ? string extends N
    ? false
    : [Extract<O, string>] extends [never]
      ? false
      : true
  : N extends number
    ? number extends N
      ? false
      : [Extract<O, number>] extends [never]
        ? false
        : true
    : false;

/** Identical types (not just mutually assignable: `{a}` and `{a; b?}` are that, yet `x.b` stops compiling). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * What a reader typed against O cannot read when the API sends N. Objects are walked key by key even when
 * assignable: an optional property removed keeps N assignable to O, but `x.removed` no longer compiles.
 */
export type Read<N, O, D extends Depth = []> = D["length"] extends 10
  ? never
  : Same<N, O> extends true
    ? never
    : N extends unknown
      ? [N] extends [O]
        ? N extends object
          ? ReadStructure<N, O, D>
          : never
        : ReadStructure<N, O, D>
      : never;

type ReadStructure<N, O, D extends Depth> = N extends readonly unknown[]
  ? [Arr<O>] extends [never]
    ? ["not an array before", N]
    : Read<Elem<N>, Elem<Arr<O>>, [...D, 0]>
  : N extends object
    ? [Rec<O>] extends [never]
      ? ["not an object before", N]
      : ReadRecord<N, Rec<O>, [...D, 0]>
    : AddedLiteral<N, O> extends true
      ? never
      : ["new value type", N];

/** N (one object) must read like at least one of the old object types. */
type ReadRecord<N, O, D extends Depth> = true extends (
  O extends unknown
    ? [ReadFields<N, O, keyof O, D>] extends [never]
      ? true
      : false
    : never
)
  ? never
  : ["object read differently", N];

type ReadFields<N, O, K, D extends Depth> = K extends unknown
  ? K extends keyof N
    ? Read<At<N, K>, At<O, K>, D>
    : ["key gone", K]
  : never;

/** Old (non-null) values a reader may compare with that the new type no longer admits. */
export type Cmp<O, N, D extends Depth = []> = D["length"] extends 10
  ? never
  : O extends unknown
    ? O extends null | undefined
      ? never
      : [O] extends [N]
        ? never
        : O extends readonly unknown[]
          ? [Arr<N>] extends [never]
            ? ["no longer an array", O]
            : Cmp<Elem<O>, Elem<Arr<N>>, [...D, 0]>
          : O extends object
            ? [Rec<N>] extends [never]
              ? ["no longer an object", O]
              : CmpRecord<O, Rec<N>, [...D, 0]>
            : ["value no longer possible", O]
    : never;

type CmpRecord<O, N, D extends Depth> = true extends (
  N extends unknown
    ? [CmpFields<O, N, keyof O, D>] extends [never]
      ? true
      : false
    : never
)
  ? never
  : ["object compared differently", O];

type CmpFields<O, N, K, D extends Depth> = K extends unknown
  ? K extends keyof N
    ? Cmp<At<O, K>, At<N, K>, D>
    : never
  : never;

/** Keys a caller could write in an object literal of type O that are excess properties against N. */
export type Excess<O, N, D extends Depth = []> = D["length"] extends 10
  ? never
  : O extends unknown
    ? O extends readonly unknown[]
      ? Excess<Elem<O>, Elem<Arr<N>>, [...D, 0]>
      : O extends object
        ? [Rec<N>] extends [never]
          ? never
          : ExcessRecord<O, Rec<N>, [...D, 0]>
        : never
    : never;

type ExcessRecord<O, N, D extends Depth> =
  | (string extends AllKeys<N>
      ? never
      : [Exclude<keyof O, AllKeys<N>>] extends [never]
        ? never
        : ["excess key", Exclude<keyof O, AllKeys<N>>])
  | ExcessFields<O, N, keyof O & AllKeys<N>, D>;

type ExcessFields<O, N, K, D extends Depth> = K extends unknown ? Excess<At<O, K>, At<N, K>, D> : never;

/** `undefined` when T may be omitted (an optional body or parameter group), else `never`. */
export type Omittable<T> = undefined extends T ? undefined : never;

/** The body of response `S` with media type `MT` in responses `R`, or `Fallback` when there is none. */
export type ContentOr<R, S extends PropertyKey, MT extends PropertyKey, Fallback> = S extends keyof R
  ? R[S] extends { content: infer C }
    ? MT extends keyof C
      ? C[MT]
      : Fallback
    : Fallback
  : Fallback;
